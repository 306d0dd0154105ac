package shop.orders;

import java.util.EnumSet;
import java.util.Set;

/** Where an order is in its life; {@link #canMoveTo} is the only allowed set of transitions. */
public enum OrderStatus {
    PLACED,
    PAID,
    SHIPPED,
    CANCELLED;

    /** True when an order in this status may move to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    private Set<OrderStatus> allowedNext() {
        return switch (this) {
            case PLACED -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** A short label for order lists in the customer portal. */
    public String label() {
        return switch (this) {
            case PLACED -> "Awaiting payment";
            case PAID -> "Paid, preparing shipment";
            case SHIPPED -> "Shipped";
            case CANCELLED -> "Cancelled";
        };
    }

    /** Parses a status stored in the database column, case-insensitively. */
    public static OrderStatus fromColumn(String value) {
        for (OrderStatus status : values()) {
            if (status.name().equalsIgnoreCase(value.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown order status '" + value + "'");
    }
}
