package dev.ratchet.hook;

import dev.ratchet.workspace.UnstagedChanges;
import java.io.IOException;

/**
 * Puts set-aside unstaged changes back when the JVM is stopped mid-check (Ctrl-C on {@code git
 * commit}, SIGTERM); closing it removes the shutdown hook again. A {@code kill -9} skips this, and
 * the next hook run restores from the stash instead.
 */
final class RestoreOnExit implements AutoCloseable {
    private final Thread hook;

    RestoreOnExit(UnstagedChanges.SetAside aside) {
        this.hook = new Thread(() -> {
            try {
                aside.restore();
            } catch (IOException e) {
                System.err.println("ratchet hook: could not put back your unstaged changes (" + e.getMessage()
                        + "); the next 'ratchet hook run' restores them from .git/ratchet/hook/stash");
            }
        }, "ratchet-hook-restore");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and restores by itself
        }
    }
}
