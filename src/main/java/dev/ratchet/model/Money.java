package dev.ratchet.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Formats dollar amounts for people: four decimals below a dollar, where API calls usually land; never a fake $0.0000. */
public final class Money {
    private Money() {
    }

    private static final BigDecimal SMALLEST_SHOWN = new BigDecimal("0.0001");

    public static String format(BigDecimal dollars) {
        if (dollars.signum() > 0 && dollars.compareTo(SMALLEST_SHOWN) < 0) {
            return "<$0.0001";
        }
        int scale = dollars.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
        return "$" + dollars.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** "unknown" when the price is not known; never pretends it is zero. */
    public static String format(Optional<BigDecimal> dollars) {
        return dollars.map(Money::format).orElse("unknown");
    }
}
