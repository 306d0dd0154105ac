package dev.ratchet.check;

import java.nio.file.Path;
import java.time.Duration;

/** A stand-in for the agent in a child JVM: runs a long check and cancels it from a shutdown hook, as on Ctrl-C. */
public final class CancelOnShutdownMain {
    private CancelOnShutdownMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        CheckRunner runner = new CheckRunner(4096, 4096, Duration.ofMillis(500), java.util.Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(runner::cancel, "cancel-checks"));
        runner.run(CheckCommand.shell("sh -c 'sleep 300 & echo $! > grandchild.pid; wait'", dir, "--test-cmd"),
                Duration.ofMinutes(5));
    }
}
