package dev.ratchet.context;

import java.math.BigDecimal;

/** A model's window and prices in US dollars per million tokens, as the cost estimate needs them. */
public record ModelPrice(String model, int contextWindow, int maxOutput, BigDecimal inputPerMillion,
                         BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion) {
}
