package dev.ratchet.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM in the middle of a multi-file batch, 100 times at different points (and a
 * few more at random moments, and some again while it repairs), and checks each time that the
 * next open leaves the tree exactly as before or exactly as after, user changes included.
 */
class CrashRecoveryTest {
    private static final int HALTED = 137;
    private static final int CRASHES = 100;
    private static final int RANDOM_KILLS = 10;

    /** Only what the child loads: a short class path starts measurably faster than surefire's. */
    private static final String CHILD_CLASS_PATH = String.join(java.io.File.pathSeparator,
            locationOf(CrashingWriter.class), locationOf(Workspace.class));

    @TempDir
    Path root;

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyCrashIsRepairedToExactlyBeforeOrAfter() throws Exception {
        Path journal;
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("src/Main.java", "class Main {}\n")
                    .write("src/util/Parser.java", "class Parser {}\n")
                    .write("src/Old.java", "class Old {}\n")
                    .write("notes.md", "committed notes\n")
                    .write("README.md", "readme\n")
                    .write("build.sh", "#!/bin/sh\necho build\n");
            Files.setPosixFilePermissions(root.resolve("build.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
            repo.commitAll("project");
            // The user's uncommitted work: one file the batch overwrites, one it leaves alone, one untracked.
            repo.write("notes.md", "user notes\n").write("README.md", "user's unsaved readme edit\n")
                    .write("scratch.txt", "user scratch\n");
            journal = Workspace.journalDirFor(root.toRealPath(), Map.of());
        }
        Map<String, String> before = TreeState.of(root);

        ChildResult complete = runChild(journal, "write", 0);
        assertThat(journal.resolve("batch.journal")).doesNotExist();
        assertThat(complete.exitCode).as(complete.output).isZero();
        int steps = Integer.parseInt(complete.output.strip().replace("steps ", ""));
        Map<String, String> after = TreeState.of(root);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.get("build.sh")).startsWith("rwxr-xr-x");
        TreeState.restore(root, before);

        int rolledBack = 0;
        int completed = 0;
        int repairCrashes = 0;
        List<String> seen = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < CRASHES + RANDOM_KILLS; i++) {
            String label;
            if (i < CRASHES) {
                int haltAt = 1 + i % steps;
                ChildResult child = runChild(journal, "write", haltAt);
                assertThat(child.exitCode).as(child.output).isEqualTo(HALTED);
                label = "halt at step " + haltAt + " of " + steps;
                if (i % 8 == 0) {
                    int repairHalt = 1 + (i / 8) % 4;
                    ChildResult repair = runChild(journal, "repair", repairHalt);
                    repairCrashes += repair.exitCode == HALTED ? 1 : 0;
                    label += ", then halt at repair step " + repairHalt;
                }
            } else {
                int delay = random.nextInt(steps * 3 + 10);
                killAfter(journal, delay);
                label = "kill -9 after " + delay + " ms";
            }

            Workspace.open(root, new JournalStore(journal), StepHook.NONE);

            Map<String, String> state = TreeState.of(root);
            assertThat(state).as(label).isIn(before, after);
            assertThat(journal.resolve("batch.journal")).as(label).doesNotExist();
            try (var leftovers = Files.list(journal)) {
                assertThat(leftovers.map(p -> p.getFileName().toString())).as(label).containsOnly("lock");
            }
            assertThat(Files.readString(root.resolve("README.md"))).isEqualTo("user's unsaved readme edit\n");
            assertThat(Files.readString(root.resolve("scratch.txt"))).isEqualTo("user scratch\n");
            if (state.equals(after)) {
                completed++;
                TreeState.restore(root, before);
            } else {
                rolledBack++;
            }
            seen.add(label);
        }

        System.out.printf("crash test: %d child JVMs killed during a batch (%d at hook steps 1..%d, %d by kill -9 "
                + "at random moments), %d more killed while repairing; %d repaired to before, %d to after%n",
                seen.size(), CRASHES, steps, RANDOM_KILLS, repairCrashes, rolledBack, completed);
        assertThat(rolledBack).isGreaterThan(CRASHES / 2);
        assertThat(completed).as("kills after the journal was cleared").isGreaterThanOrEqualTo(CRASHES / steps);
        assertThat(repairCrashes).isGreaterThan(3);
    }

    private record ChildResult(int exitCode, String output) {
    }

    private ChildResult runChild(Path journal, String mode, int step) throws IOException, InterruptedException {
        Process process = child(journal, mode, step).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ChildResult(process.exitValue(), output);
    }

    /** A kill -9 at a moment chosen by the clock, not by the hook: it may land inside any step. */
    private void killAfter(Path journal, int delayMillis) throws IOException, InterruptedException {
        Process process = child(journal, "slow", 0).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).isEqualTo("ready");
        Thread.sleep(delayMillis);
        process.destroyForcibly(); // SIGKILL on Linux
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private ProcessBuilder child(Path journal, String mode, int step) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:-UsePerfData", "-cp", CHILD_CLASS_PATH,
                CrashingWriter.class.getName(), root.toString(), journal.toString(), mode, String.valueOf(step));
    }
}
