"""Domain objects for the warehouse service."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, Iterator, List, Optional, Tuple


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    unit_price: Decimal
    weight_grams: int = 0

    def __post_init__(self):
        if not self.sku:
            raise ValueError("sku must not be empty")
        if self.unit_price < 0:
            raise ValueError(f"{self.sku}: unit price must not be negative")


@dataclass
class Bin:
    """A storage location holding quantities of several products."""

    code: str
    capacity_grams: int
    contents: Dict[str, int] = field(default_factory=dict)

    def weight(self, catalog: Dict[str, Product]) -> int:
        return sum(catalog[sku].weight_grams * qty for sku, qty in self.contents.items())

    def put(self, product: Product, quantity: int, catalog: Dict[str, Product]) -> None:
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        added = product.weight_grams * quantity
        if self.weight(catalog) + added > self.capacity_grams:
            raise ValueError(f"bin {self.code} cannot hold {quantity} more of {product.sku}")
        self.contents[product.sku] = self.contents.get(product.sku, 0) + quantity

    def take(self, sku: str, quantity: int) -> None:
        held = self.contents.get(sku, 0)
        if quantity > held:
            raise ValueError(f"bin {self.code} holds only {held} of {sku}")
        if quantity == held:
            del self.contents[sku]
        else:
            self.contents[sku] = held - quantity


@dataclass
class Warehouse:
    name: str
    bins: List[Bin] = field(default_factory=list)
    catalog: Dict[str, Product] = field(default_factory=dict)

    def register(self, product: Product) -> None:
        self.catalog[product.sku] = product

    def find_bin(self, code: str) -> Optional[Bin]:
        for candidate in self.bins:
            if candidate.code == code:
                return candidate
        return None

    def quantity_of(self, sku: str) -> int:
        return sum(b.contents.get(sku, 0) for b in self.bins)

    def stock_value(self) -> Decimal:
        total = Decimal("0")
        for b in self.bins:
            for sku, qty in b.contents.items():
                total += self.catalog[sku].unit_price * qty
        return total

    def locations(self, sku: str) -> Iterator[Tuple[str, int]]:
        """Yield ``(bin code, quantity)`` for every bin holding ``sku``, fullest first."""
        held = [(b.code, b.contents[sku]) for b in self.bins if sku in b.contents]
        yield from sorted(held, key=lambda item: (-item[1], item[0]))

    def move(self, sku: str, quantity: int, source: str, target: str) -> None:
        """Move units between bins; nothing changes if the target cannot hold them."""
        from_bin = self.find_bin(source)
        to_bin = self.find_bin(target)
        if from_bin is None or to_bin is None:
            raise KeyError(f"unknown bin {source if from_bin is None else target}")
        from_bin.take(sku, quantity)
        try:
            to_bin.put(self.catalog[sku], quantity, self.catalog)
        except ValueError:
            from_bin.contents[sku] = from_bin.contents.get(sku, 0) + quantity
            raise
