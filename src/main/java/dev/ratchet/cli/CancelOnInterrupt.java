package dev.ratchet.cli;

import dev.ratchet.model.Cancellation;

/**
 * Presses a {@link Cancellation} when the JVM is asked to stop (Ctrl-C), so the request in flight
 * is aborted cleanly; closing it removes the hook again.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final Thread hook;

    CancelOnInterrupt(Cancellation cancellation) {
        this.hook = new Thread(cancellation::cancel, "ratchet-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running; nothing to undo
        }
    }
}
