package dev.ratchet.model;

import java.time.Duration;

/** Waits between retries; tests pass one that only records the delays. */
@FunctionalInterface
public interface Sleeper {
    /** Waits for real, waking early (and throwing) when the request is cancelled. */
    Sleeper REAL = (duration, cancellation) -> cancellation.sleep(duration);

    void sleep(Duration duration, Cancellation cancellation);
}
