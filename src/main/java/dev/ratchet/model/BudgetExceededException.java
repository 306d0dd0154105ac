package dev.ratchet.model;

/** A request was refused because it could cost more than is left of the cost budget. */
public final class BudgetExceededException extends RuntimeException {
    public BudgetExceededException(String message) {
        super(message);
    }
}
