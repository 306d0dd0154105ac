package dev.ratchet.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Formats dollar amounts for people: four decimals below a dollar, where API calls usually land. */
public final class Money {
    private Money() {
    }

    public static String format(BigDecimal dollars) {
        int scale = dollars.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
        return "$" + dollars.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** "unknown" when the price is not known; never pretends it is zero. */
    public static String format(Optional<BigDecimal> dollars) {
        return dollars.map(Money::format).orElse("unknown");
    }
}
