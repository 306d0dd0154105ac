"""Domain objects for the warehouse service."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, List, Optional


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
