package io.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs registered jobs every N minutes, aligned to the start of a minute. */
public class Scheduler implements AutoCloseable {

    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    public Scheduler(Clock clock, int threads) {
        this.clock = clock;
        this.executor = Executors.newScheduledThreadPool(threads);
    }

    public Scheduler() {
        this(Clock.systemUTC(), 2);
    }

    /** Runs {@code job} every {@code minutes}, first at the next full minute. */
    public void everyMinutes(int minutes, Runnable job) {
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes must be at least 1, was " + minutes);
        }
        Instant now = clock.instant();
        long initialDelay = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)).toMillis();
        ScheduledFuture<?> future = executor.scheduleAtFixedRate(
                guarded(job), initialDelay, TimeUnit.MINUTES.toMillis(minutes), TimeUnit.MILLISECONDS);
        scheduled.add(future);
    }

    /** Runs {@code job} once, {@code delayMillis} from now. */
    public void once(long delayMillis, Runnable job) {
        scheduled.add(executor.schedule(guarded(job), delayMillis, TimeUnit.MILLISECONDS));
    }

    public int activeJobs() {
        scheduled.removeIf(ScheduledFuture::isDone);
        return scheduled.size();
    }

    private Runnable guarded(Runnable job) {
        return () -> {
            long started = clock.millis();
            try {
                job.run();
            } catch (RuntimeException e) {
                System.err.println("job failed after " + (clock.millis() - started) + " ms: " + e);
            }
        };
    }

    @Override
    public void close() {
        scheduled.forEach(future -> future.cancel(false));
        executor.shutdown();
    }
}
