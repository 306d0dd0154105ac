package dev.ratchet.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line "waiting" indicator with elapsed time, redrawn in place on a terminal. Off (a no-op)
 * when output is piped, so logs never fill with carriage returns.
 */
final class Spinner {
    private static final String FRAMES = "|/-\\";
    private final PrintWriter out;
    private final boolean enabled;
    private Thread thread;

    Spinner(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    synchronized void start(String label) {
        if (!enabled || thread != null) {
            return;
        }
        long started = System.nanoTime();
        thread = new Thread(() -> {
            int frame = 0;
            while (!Thread.currentThread().isInterrupted()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                synchronized (out) {
                    out.print(String.format(Locale.ROOT, "\r%c %s %.1fs", FRAMES.charAt(frame++ % FRAMES.length()), label, seconds));
                    out.flush();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "ratchet-spinner");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        synchronized (out) {
            out.print("\r\u001b[2K");
            out.flush();
        }
    }
}
