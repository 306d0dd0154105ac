package dev.ratchet.model;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before trying again: the server's {@code retry-after} when it
 * gives one (up to {@link #LONGEST_WAIT}; a longer wait is reported instead of sat through),
 * otherwise exponential back-off from 0.5 s, capped at 8 s, shortened by up to a quarter at
 * random so many clients do not retry in lock-step.
 */
public record RetryPolicy(int maxRetries, Sleeper sleeper, DoubleSupplier random) {
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(120);
    private static final Duration FIRST = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(8);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, not " + maxRetries);
        }
    }

    /** Real waits and real jitter. */
    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Sleeper.REAL, Math::random);
    }

    /** The wait before retry number {@code retry} (1-based), or null when the server asks for too long. */
    public Duration delayBefore(int retry, Duration serverAsked) {
        if (serverAsked != null) {
            return serverAsked.compareTo(LONGEST_WAIT) > 0 ? null : serverAsked;
        }
        long millis = Math.min(FIRST.toMillis() << Math.min(retry - 1, 20), CAP.toMillis());
        double jitter = 1 - 0.25 * random.getAsDouble();
        return Duration.ofMillis(Math.round(millis * jitter));
    }
}
