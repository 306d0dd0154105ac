package dev.ratchet.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** US dollars per million tokens: fresh input, cached input, and output. */
public record Prices(BigDecimal input, BigDecimal cachedInput, BigDecimal output) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Prices {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        cachedInput = cachedInput == null ? input : cachedInput;
        if (input.signum() < 0 || cachedInput.signum() < 0 || output.signum() < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    public static Prices of(String input, String cachedInput, String output) {
        return new Prices(new BigDecimal(input), new BigDecimal(cachedInput), new BigDecimal(output));
    }

    /** Exact dollars for the usage: cached prompt tokens at the cached price, the rest at full price. */
    public BigDecimal costOf(Usage usage) {
        BigDecimal micro = input.multiply(BigDecimal.valueOf(usage.uncachedPromptTokens()))
                .add(cachedInput.multiply(BigDecimal.valueOf(usage.cachedTokens())))
                .add(output.multiply(BigDecimal.valueOf(usage.completionTokens())));
        return micro.divide(MILLION, MathContext.UNLIMITED).stripTrailingZeros();
    }
}
