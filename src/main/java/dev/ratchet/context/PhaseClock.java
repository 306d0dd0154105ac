package dev.ratchet.context;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock milliseconds per phase of one assembly, for the report and the benchmark. */
final class PhaseClock {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the phase called {@code name}, which began when the previous one ended. */
    void lap(String name) {
        long now = System.nanoTime();
        millis.merge(name, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    Map<String, Long> millis() {
        return millis;
    }
}
