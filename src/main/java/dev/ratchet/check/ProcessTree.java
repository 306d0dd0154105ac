package dev.ratchet.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A started check process and everything it spawned. Two nets catch the spawned processes: every
 * descendant seen while the check ran (a grandchild whose parent dies is re-parented away and no
 * longer shows up under the root), and, when the root leads its own process group (started through
 * setsid), every member of that group, which also catches processes re-parented before anyone saw
 * them. Group membership is read from /proc; without /proc only the first net exists.
 */
final class ProcessTree {
    private static final long POLL_MILLIS = 20;
    private static final Duration FORCED_KILL_WAIT = Duration.ofSeconds(5);

    private final ProcessHandle root;
    private final boolean leadsProcessGroup;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private boolean interruptedWhileKilling;

    /** @param leadsProcessGroup true when the root was started as the leader of a new process group */
    ProcessTree(ProcessHandle root, boolean leadsProcessGroup) {
        this.root = root;
        this.leadsProcessGroup = leadsProcessGroup;
    }

    /** Remembers the current descendants of the root and of every process already seen. */
    void refresh() {
        if (root.isAlive()) {
            root.descendants().forEach(seen::add);
        }
        for (ProcessHandle known : List.copyOf(seen)) {
            if (known.isAlive()) {
                known.descendants().forEach(seen::add);
            }
        }
    }

    /**
     * Stops the root, every descendant ever seen and every member of its process group: SIGTERM,
     * up to {@code grace} to exit, then SIGKILL. Used on timeout and cancellation.
     */
    synchronized void kill(Duration grace) {
        stop(grace, true);
    }

    /**
     * After a normal exit: stops what is left in the check's process group (a test server started
     * in the background and never stopped). Processes that left the group on purpose, like a Gradle
     * daemon that detaches into its own session, are left alone.
     */
    synchronized void stopLeftovers(Duration grace) {
        stop(grace, false);
    }

    private void stop(Duration grace, boolean everythingSeen) {
        // an interrupt (Ctrl-C) may be what brought us here: finish the job, then hand the interrupt back
        interruptedWhileKilling = Thread.interrupted();
        try {
            if (everythingSeen) {
                refresh();
            }
            Set<ProcessHandle> targets = targets(everythingSeen);
            if (targets.isEmpty()) {
                return;
            }
            targets.forEach(ProcessHandle::destroy);
            if (!awaitDeath(grace, everythingSeen, false)) {
                awaitDeath(FORCED_KILL_WAIT, everythingSeen, true);
            }
        } finally {
            if (interruptedWhileKilling) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Signals the targets again on every round, so processes forked meanwhile are caught too. */
    private boolean awaitDeath(Duration limit, boolean everythingSeen, boolean force) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (everythingSeen) {
                refresh();
            }
            Set<ProcessHandle> targets = targets(everythingSeen);
            if (targets.isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            targets.forEach(force ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
            pause();
        }
    }

    private Set<ProcessHandle> targets(boolean everythingSeen) {
        Set<ProcessHandle> targets = new LinkedHashSet<>();
        if (everythingSeen) {
            if (isRunning(root)) {
                targets.add(root);
            }
            seen.stream().filter(ProcessTree::isRunning).forEach(targets::add);
        }
        if (leadsProcessGroup) {
            groupMembers().forEach(targets::add);
        }
        return targets;
    }

    /** Running processes whose process group is the root's pid (the group setsid created). */
    private Stream<ProcessHandle> groupMembers() {
        String group = Long.toString(root.pid());
        return ProcessHandle.allProcesses()
                .filter(process -> stat(process).map(fields -> fields.length > 2 && fields[2].equals(group)
                        && !fields[0].equals("Z")).orElse(false));
    }

    /**
     * Alive and not a zombie. A killed grandchild is re-parented to PID 1, and in containers PID 1
     * often never reaps, so it would look alive forever to {@link ProcessHandle#isAlive()}.
     */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return true;
        }
        return stat(process).map(fields -> !fields[0].equals("Z")).orElse(false);
    }

    /** The fields of /proc/PID/stat after the command name: state, ppid, pgrp, ... */
    private static Optional<String[]> stat(ProcessHandle process) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = line.lastIndexOf(')');
            return afterName < 0 ? Optional.empty() : Optional.of(line.substring(afterName + 1).trim().split(" "));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            interruptedWhileKilling = true;
        }
    }
}
