package org.example.duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFormatterTest {

    @Test
    void printsLargestUnitFirst() {
        assertEquals("1h 30m", DurationFormatter.format(Duration.ofMinutes(90)));
        assertEquals("1m 1s 500ms", DurationFormatter.format(Duration.ofMillis(61_500)));
    }

    @Test
    void printsZeroAsSeconds() {
        assertEquals("0s", DurationFormatter.format(Duration.ZERO));
    }

    @Test
    void roundTripsThroughTheParser() {
        Duration d = Duration.ofSeconds(3 * 3600 + 7);
        assertEquals(d, DurationParser.parse(DurationFormatter.format(d)));
    }

    @Test
    void rejectsNegativeDurations() {
        assertThrows(IllegalArgumentException.class,
                () -> DurationFormatter.format(Duration.ofSeconds(-1)));
    }
}
