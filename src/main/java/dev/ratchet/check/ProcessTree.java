package dev.ratchet.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A started process and every descendant seen while it ran. Descendants are remembered because a
 * grandchild whose parent dies is re-parented away and no longer shows up under the root; killing
 * only what {@link ProcessHandle#descendants()} shows at the end would leave it running.
 */
final class ProcessTree {
    private static final long POLL_MILLIS = 20;

    private final ProcessHandle root;
    private final boolean leadsProcessGroup;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private boolean interruptedWhileKilling;

    /**
     * @param leadsProcessGroup true when the root was started as the leader of its own process
     *     group (through setsid), so a group signal also reaches descendants that were re-parented
     *     before they could be seen
     */
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

    /** Asks every process in the tree to stop, waits up to {@code grace}, then kills what is left. */
    synchronized void kill(Duration grace) {
        // an interrupt (Ctrl-C) is what brought us here: finish the killing, then hand the interrupt back
        interruptedWhileKilling = Thread.interrupted();
        try {
            refresh();
            signalGroup("TERM");
            alive().forEach(ProcessHandle::destroy);
            boolean allGone = awaitDeath(grace);
            // members of the group we never saw may have ignored TERM: the group gets KILL regardless
            signalGroup("KILL");
            if (!allGone) {
                // a process may have forked while being asked to stop: look once more, then force
                refresh();
                alive().forEach(ProcessHandle::destroyForcibly);
                awaitDeath(Duration.ofSeconds(5));
            }
        } finally {
            if (interruptedWhileKilling) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void signalGroup(String signal) {
        if (!leadsProcessGroup) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + root.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            while (true) {
                try {
                    kill.waitFor();
                    return;
                } catch (InterruptedException e) {
                    interruptedWhileKilling = true;
                }
            }
        } catch (IOException e) {
            // no kill(1) on PATH: the per-process signals below still reach every process we saw
        }
    }

    private boolean awaitDeath(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            refresh();
            List<ProcessHandle> alive = alive();
            if (alive.isEmpty()) {
                return true;
            }
            // new forks of a process that ignored the first signal get the signal too
            alive.forEach(ProcessHandle::destroy);
            pause();
        }
        return alive().isEmpty();
    }

    private void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            interruptedWhileKilling = true;
        }
    }

    private List<ProcessHandle> alive() {
        List<ProcessHandle> alive = new ArrayList<>();
        if (isRunning(root)) {
            alive.add(root);
        }
        seen.stream().filter(ProcessTree::isRunning).forEach(alive::add);
        return alive;
    }

    /**
     * Alive and not a zombie. A killed grandchild is re-parented to PID 1, and in containers PID 1
     * often never reaps, so it would look alive forever to {@link ProcessHandle#isAlive()}.
     */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            int afterName = line.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= line.length() || line.charAt(afterName + 2) != 'Z';
        } catch (NoSuchFileException e) {
            // no /proc (macOS) means we cannot tell a zombie apart; gone between the calls means dead
            return !Files.isDirectory(Path.of("/proc", "self"));
        } catch (IOException e) {
            return true;
        }
    }
}
