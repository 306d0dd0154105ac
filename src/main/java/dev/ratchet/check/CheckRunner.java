package dev.ratchet.check;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs check commands with a timeout and stops the whole process tree when the time is up or when
 * {@link #cancel()} is called (the agent calls it from its Ctrl-C shutdown hook).
 *
 * <p>stdout and stderr share one pipe so the output reads in the order it was written. stdin is
 * empty, {@code CI=true} (unless set) keeps watch-mode runners such as jest from waiting forever,
 * and {@code NO_COLOR=1} keeps colour codes out of what the model reads.
 */
public final class CheckRunner {
    /** Default head and tail kept from the output: 64 KiB + 192 KiB. */
    public static final int DEFAULT_HEAD_BYTES = 64 * 1024;
    public static final int DEFAULT_TAIL_BYTES = 192 * 1024;

    private static final long POLL_MILLIS = 100;
    private static final Duration READER_GRACE = Duration.ofSeconds(1);

    private final int headBytes;
    private final int tailBytes;
    private final Duration killGrace;
    private final Map<String, String> extraEnvironment;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final Optional<Path> setsid = findSetsid();

    /** Default output limits, 2 s between asking processes to stop and killing them. */
    public CheckRunner() {
        this(DEFAULT_HEAD_BYTES, DEFAULT_TAIL_BYTES, Duration.ofSeconds(2), Map.of());
    }

    /**
     * @param headBytes bytes kept from the start of the output
     * @param tailBytes bytes kept from the end of the output
     * @param killGrace how long processes get to exit after SIGTERM before SIGKILL
     * @param extraEnvironment variables added to (and overriding) ratchet's own environment
     */
    public CheckRunner(int headBytes, int tailBytes, Duration killGrace, Map<String, String> extraEnvironment) {
        this.headBytes = headBytes;
        this.tailBytes = tailBytes;
        this.killGrace = killGrace;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /**
     * Runs the command to completion, or until {@code timeout}, {@link #cancel()} or an interrupt of
     * the calling thread. Returns with nothing left running: on timeout or cancel the whole tree is
     * killed; after a normal exit, background processes still in the check's process group are
     * stopped too (a daemon that detached into its own session, like Gradle's, is left alone).
     *
     * @throws CheckStartException when the program cannot be started
     */
    public CheckResult run(CheckCommand command, Duration timeout) {
        requireProgram(command, extraEnvironment.getOrDefault("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("")));
        List<String> argv = new ArrayList<>();
        boolean ownGroup = setsid.isPresent();
        setsid.ifPresent(path -> argv.add(path.toString()));
        argv.addAll(command.argv());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(command.workingDir().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.putIfAbsent("CI", "true");
        env.put("NO_COLOR", "1");
        env.putAll(extraEnvironment);

        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        Process process;
        Run run;
        // started and registered under one lock, so cancel() never misses a process that has started
        synchronized (running) {
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new CheckStartException(command, e);
            }
            run = new Run(new ProcessTree(process.toHandle(), ownGroup));
            running.add(run);
        }
        OutputCapture capture = new OutputCapture(headBytes, tailBytes);
        Thread reader = new Thread(() -> pump(process.getInputStream(), capture), "check-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();

        boolean timedOut = false;
        boolean interrupted = false;
        long endNanos;
        try {
            timedOut = !awaitExit(process, run, startNanos + timeout.toNanos());
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
        } finally {
            // the run's length is the command's own, not the time spent stopping what it left behind
            endNanos = System.nanoTime();
            if (timedOut || interrupted || run.cancelled) {
                run.tree.kill(killGrace);
            } else {
                run.tree.stopLeftovers(killGrace);
            }
            running.remove(run);
        }
        Duration duration = Duration.ofNanos(endNanos - startNanos);
        int exitCode = exitCodeOf(process);
        boolean streamClosed = awaitReader(reader);
        OutputCapture.Captured captured = capture.captured();
        String output = captured.text();
        if (!streamClosed) {
            output += "\n[ratchet: a background process kept the output open after the command ended; stopped reading]\n";
        }
        return new CheckResult(command, startedAt, duration, exitCode, timedOut,
                interrupted || run.cancelled, output, captured.omittedBytes());
    }

    /**
     * Stops every running check and its whole process tree, and returns when they are gone.
     * Safe to call from a shutdown hook or any other thread; the interrupted runs report
     * {@link CheckResult#interrupted()}.
     */
    public void cancel() {
        List<Run> toStop;
        synchronized (running) {
            toStop = List.copyOf(running);
        }
        for (Run run : toStop) {
            run.cancelled = true;
            run.tree.kill(killGrace);
        }
    }

    /**
     * setsid starts the command as the leader of a new process group, so killing the group also
     * reaches grandchildren that were re-parented before ratchet saw them. Without setsid (macOS)
     * the tree is tracked process by process. (setsid would fork, and exit at once, only if its
     * caller led a process group; the JVM never starts children that way, so the pid stays the root.)
     */
    private static Optional<Path> findSetsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Checked up front because behind setsid a missing program is only exit code 127. */
    private static void requireProgram(CheckCommand command, String path) {
        Path dir = command.workingDir();
        if (!Files.isDirectory(dir)) {
            throw new CheckStartException(command, new IOException("working directory " + dir + " does not exist"));
        }
        String program = command.argv().get(0);
        boolean found;
        if (program.contains("/")) {
            found = Files.isExecutable(dir.resolve(program));
        } else {
            found = Arrays.stream(path.split(File.pathSeparator))
                    .filter(entry -> !entry.isEmpty())
                    .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
        }
        if (!found) {
            throw new CheckStartException(command, new IOException(program + " is not an executable program"
                    + (program.contains("/") ? "" : " on PATH")));
        }
    }

    /** Returns false on timeout; true when the process exited (by itself or after cancel()). */
    private static boolean awaitExit(Process process, Run run, long deadlineNanos) throws InterruptedException {
        while (true) {
            // remember descendants while they are still attached, so a timeout can find them all
            run.tree.refresh();
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            if (process.waitFor(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS)
                    || run.cancelled) {
                return true;
            }
        }
    }

    private static int exitCodeOf(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    private static boolean awaitReader(Thread reader) {
        boolean interrupted = Thread.interrupted();
        try {
            reader.join(READER_GRACE.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !reader.isAlive();
    }

    private static void pump(InputStream in, OutputCapture capture) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                capture.append(buffer, 0, n);
            }
        } catch (IOException e) {
            // the pipe closes under us when the process tree is killed; what was read so far is kept
        }
    }

    private static final class Run {
        final ProcessTree tree;
        volatile boolean cancelled;

        Run(ProcessTree tree) {
            this.tree = tree;
        }
    }
}
