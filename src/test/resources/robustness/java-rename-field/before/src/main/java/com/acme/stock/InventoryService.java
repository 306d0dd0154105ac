package com.acme.stock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Keeps the on-hand quantity of every SKU in one warehouse and records reservations. */
public class InventoryService {

    private static final Logger LOG = Logger.getLogger(InventoryService.class.getName());

    private final Map<String, Integer> qty = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();
    private final int lowStockThreshold;

    public InventoryService(int lowStockThreshold) {
        if (lowStockThreshold < 0) {
            throw new IllegalArgumentException("lowStockThreshold must not be negative");
        }
        this.lowStockThreshold = lowStockThreshold;
    }

    /** Adds {@code amount} units of {@code sku} to the shelf. */
    public void receive(String sku, int amount) {
        requirePositive(amount);
        int before = qty.getOrDefault(sku, 0);
        qty.put(sku, before + amount);
        LOG.fine(() -> "received " + amount + " x " + sku + ", qty now " + qty.get(sku));
    }

    /** Units that can still be promised to a customer. */
    public int available(String sku) {
        return qty.getOrDefault(sku, 0) - reserved.getOrDefault(sku, 0);
    }

    /**
     * Sets aside {@code amount} units for an order. Fails without changing anything when
     * fewer units are available.
     */
    public void reserve(String sku, int amount) {
        requirePositive(amount);
        int free = available(sku);
        if (free < amount) {
            throw new InsufficientStockException(sku, amount, free);
        }
        reserved.merge(sku, amount, Integer::sum);
    }

    /** Ships reserved units: they leave both the reservation and the shelf. */
    public void ship(String sku, int amount) {
        requirePositive(amount);
        int held = reserved.getOrDefault(sku, 0);
        if (held < amount) {
            throw new IllegalStateException(
                    "cannot ship " + amount + " x " + sku + ": only " + held + " reserved");
        }
        reserved.put(sku, held - amount);
        qty.put(sku, qty.get(sku) - amount);
        if (qty.get(sku) <= lowStockThreshold) {
            LOG.warning(() -> "low stock for " + sku + ": qty " + qty.get(sku));
        }
    }

    /** Cancels a reservation; the units become available again. */
    public void release(String sku, int amount) {
        requirePositive(amount);
        reserved.computeIfPresent(sku, (key, held) -> Math.max(0, held - amount));
    }

    /** Writes off damaged units, never below zero. */
    public int writeOff(String sku, int amount) {
        requirePositive(amount);
        int onHand = qty.getOrDefault(sku, 0);
        int removed = Math.min(onHand, amount);
        qty.put(sku, onHand - removed);
        return removed;
    }

    public Optional<Integer> onHand(String sku) {
        return Optional.ofNullable(qty.get(sku));
    }

    /** A copy of every SKU's on-hand quantity, for the nightly report. */
    public Map<String, Integer> snapshot() {
        return Map.copyOf(qty);
    }

    private static void requirePositive(int amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
    }

    /** Thrown when a reservation asks for more than is available. */
    public static final class InsufficientStockException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InsufficientStockException(String sku, int wanted, int available) {
            super("cannot reserve " + wanted + " x " + sku + ": only " + available + " available");
        }
    }
}
