package dev.ratchet.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What ratchet knows about a model: its context window, longest reply and prices. Each may be
 * unknown (an unlisted model without overrides); unknown cost is reported as unknown, never zero.
 */
public record ModelInfo(String name, OptionalInt contextWindow, OptionalInt maxOutput, Optional<Prices> prices) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contextWindow, "contextWindow");
        Objects.requireNonNull(maxOutput, "maxOutput");
        Objects.requireNonNull(prices, "prices");
    }

    public static ModelInfo unknown(String name) {
        return new ModelInfo(name, OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
    }

    public ModelInfo named(String newName) {
        return new ModelInfo(newName, contextWindow, maxOutput, prices);
    }
}
