package org.example.duration;

import java.time.Duration;

/** Prints a {@link Duration} the way {@link DurationParser} reads it, largest unit first. */
public final class DurationFormatter {

    private DurationFormatter() {
    }

    /** Formats {@code duration} as space-separated parts, e.g. {@code "1h 30m"}; zero is {@code "0s"}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        append(out, duration.toHours(), "h");
        append(out, duration.toMinutesPart(), "m");
        append(out, duration.toSecondsPart(), "s");
        append(out, duration.toMillisPart(), "ms");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(amount).append(unit);
    }
}
