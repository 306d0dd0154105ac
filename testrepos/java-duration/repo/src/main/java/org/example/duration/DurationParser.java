package org.example.duration;

import java.time.Duration;
import java.util.Locale;

/** Parses compact human durations such as {@code 1h30m}, {@code 45s} or {@code 250ms}. */
public final class DurationParser {

    private DurationParser() {
    }

    /**
     * Parses {@code text} into a {@link Duration}. Parts are a whole number followed by a unit
     * and may be separated by spaces: {@code "1h 30m"} equals {@code "1h30m"}.
     *
     * @throws IllegalArgumentException if the text is empty, has a number without a unit,
     *                                  or uses an unknown unit
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("duration is empty");
        }
        String input = text.strip().toLowerCase(Locale.ROOT);
        Duration total = Duration.ZERO;
        int pos = 0;
        while (pos < input.length()) {
            if (input.charAt(pos) == ' ') {
                pos++;
                continue;
            }
            int numberStart = pos;
            while (pos < input.length() && Character.isDigit(input.charAt(pos))) {
                pos++;
            }
            if (pos == numberStart) {
                throw new IllegalArgumentException(
                        "expected a number at position " + pos + " in '" + text + "'");
            }
            long amount = Long.parseLong(input.substring(numberStart, pos));
            int unitStart = pos;
            while (pos < input.length() && Character.isLetter(input.charAt(pos))) {
                pos++;
            }
            String unit = input.substring(unitStart, pos);
            total = total.plus(toDuration(amount, unit, text));
        }
        return total;
    }

    private static Duration toDuration(long amount, String unit, String text) {
        switch (unit) {
            case "h":
                return Duration.ofHours(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "ms":
                return Duration.ofMillis(amount);
            case "":
                throw new IllegalArgumentException(
                        "missing unit after " + amount + " in '" + text + "'");
            default:
                throw new IllegalArgumentException(
                        "unknown unit '" + unit + "' in '" + text + "' (use h, m, s or ms)");
        }
    }
}
