package org.example.duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void parsesSingleUnits() {
        assertEquals(Duration.ofHours(3), DurationParser.parse("3h"));
        assertEquals(Duration.ofMinutes(45), DurationParser.parse("45m"));
        assertEquals(Duration.ofSeconds(10), DurationParser.parse("10s"));
        assertEquals(Duration.ofMillis(250), DurationParser.parse("250ms"));
    }

    @Test
    void addsUpSeveralParts() {
        assertEquals(Duration.ofMinutes(90), DurationParser.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), DurationParser.parse("1h 30m"));
        assertEquals(Duration.ofMillis(61_500), DurationParser.parse("1m1s500ms"));
    }

    @Test
    void ignoresCaseAndSurroundingSpace() {
        assertEquals(Duration.ofMinutes(2), DurationParser.parse("  2M "));
    }

    @Test
    void parsesDays() {
        assertEquals(Duration.ofDays(2), DurationParser.parse("2d"));
        assertEquals(Duration.ofHours(52), DurationParser.parse("2d4h"));
        assertEquals(Duration.ofHours(25), DurationParser.parse("1D 1h"));
    }

    @Test
    void rejectsEmptyText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DurationParser.parse("  "));
        assertEquals("duration is empty", e.getMessage());
    }

    @Test
    void rejectsNumberWithoutUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DurationParser.parse("1h30"));
        assertEquals("missing unit after 30 in '1h30'", e.getMessage());
    }

    @Test
    void unknownUnitNamesEverySupportedUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DurationParser.parse("3y"));
        assertEquals("unknown unit 'y' in '3y' (use d, h, m, s or ms)", e.getMessage());
    }

    @Test
    void rejectsUnitWithoutNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DurationParser.parse("h"));
        assertEquals("expected a number at position 0 in 'h'", e.getMessage());
    }
}
