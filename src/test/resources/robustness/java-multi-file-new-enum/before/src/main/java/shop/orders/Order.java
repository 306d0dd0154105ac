package shop.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A customer's order as stored in the database. */
public final class Order {

    private final long id;
    private final String customerId;
    private final List<OrderLine> lines;
    private final Instant createdAt;
    private boolean paid;

    public Order(long id, String customerId, List<OrderLine> lines, Instant createdAt) {
        this.id = id;
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.lines = List.copyOf(lines);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
    }

    public long id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isPaid() {
        return paid;
    }

    public void markPaid() {
        if (paid) {
            throw new IllegalStateException("order " + id + " is already paid");
        }
        paid = true;
    }

    public BigDecimal total() {
        return lines.stream()
                .map(OrderLine::subtotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One product in an order. */
    public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {
        public OrderLine {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive for " + sku);
            }
        }

        public BigDecimal subtotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }
}
