package dev.ratchet.edit.apply;

import java.util.List;

/** Thrown inside the applier when one hunk cannot be applied safely; becomes a {@link Refusal}. */
final class RefusedHunkException extends Exception {
    private final List<ClosestLine> closest;

    RefusedHunkException(String reason, List<ClosestLine> closest) {
        super(reason);
        this.closest = List.copyOf(closest);
    }

    RefusedHunkException(String reason) {
        this(reason, List.of());
    }

    List<ClosestLine> closest() {
        return closest;
    }
}
