package dev.ratchet.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A cancel button for a running request, safe to press from another thread (a Ctrl-C shutdown
 * hook). Pressing it aborts the HTTP call in flight and wakes any retry back-off.
 */
public final class Cancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public void cancel() {
        synchronized (this) {
            if (isCancelled()) {
                return;
            }
            cancelled.countDown();
        }
        onCancel.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code action} on cancel (at once if already cancelled); close the result to unregister. */
    public Registration onCancel(Runnable action) {
        synchronized (this) {
            if (!isCancelled()) {
                onCancel.add(action);
                return () -> onCancel.remove(action);
            }
        }
        action.run();
        return () -> { };
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new ChatCancelledException();
        }
    }

    /** Waits up to {@code duration}; returns early (and throws) if cancelled meanwhile. */
    public void sleep(Duration duration) {
        try {
            if (cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ChatCancelledException();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ChatCancelledException();
        }
    }

    /** Undoes an {@link #onCancel} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
