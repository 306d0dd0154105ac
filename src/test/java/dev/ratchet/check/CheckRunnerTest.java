package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {
    private static final Duration GRACE = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private final CheckRunner runner = new CheckRunner(4096, 4096, GRACE, Map.of());

    @Test
    void keepsStdoutAndStderrInTheOrderTheyWereWritten() {
        CheckResult result = runner.run(
                CheckCommand.shell("echo one; echo two >&2; echo three", dir, "--test-cmd"), Duration.ofSeconds(20));

        assertThat(result.passed()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("one\ntwo\nthree\n");
        assertThat(result.omittedBytes()).isZero();
        assertThat(result.headline()).startsWith("`echo one; echo two >&2; echo three` passed after ");
    }

    @Test
    void reportsTheExitCodeAndRunsInTheWorkingDirectory() throws IOException {
        Files.writeString(dir.resolve("marker.txt"), "here");
        CheckResult result = runner.run(CheckCommand.shell("cat marker.txt; exit 3", dir, "--test-cmd"), Duration.ofSeconds(20));

        assertThat(result.passed()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("here");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.headline()).contains("failed (exit 3)");
    }

    @Test
    void givesTheCommandAnEmptyStdinAndCiEnvironment() {
        CheckResult result = runner.run(
                CheckCommand.shell("cat; echo \"CI=$CI NO_COLOR=$NO_COLOR\"", dir, "--test-cmd"), Duration.ofSeconds(20));

        assertThat(result.output()).isEqualTo("CI=true NO_COLOR=1\n");
    }

    @Test
    void timeoutKillsTheChildAndItsSleepingGrandchild() throws Exception {
        // sh -> sh -> sleep: the grandchild writes its pid so the test can check it is gone
        String script = "sh -c 'sleep 300 & echo $! > grandchild.pid; echo $$ > child.pid; wait'";
        long started = System.nanoTime();
        CheckResult result = runner.run(CheckCommand.shell(script, dir, "--test-cmd"), Duration.ofMillis(1500));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.headline()).contains("timed out and was stopped");
        assertThat(tookMillis).isLessThan(8000);
        assertGone(pidIn("child.pid"));
        assertGone(pidIn("grandchild.pid"));
    }

    @Test
    void timeoutAlsoKillsAGrandchildWhoseParentAlreadyExited() throws Exception {
        // the subshell exits at once, so the sleep is re-parented before anyone can see it under the root
        String script = "(sleep 300 & echo $! > orphan.pid); sleep 300";
        CheckResult result = runner.run(CheckCommand.shell(script, dir, "--test-cmd"), Duration.ofMillis(1500));

        assertThat(result.timedOut()).isTrue();
        assertGone(pidIn("orphan.pid"));
    }

    @Test
    void aProcessThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        String script = "trap '' TERM; echo $$ > stubborn.pid; while true; do sleep 0.05; done";
        CheckResult result = runner.run(CheckCommand.shell(script, dir, "--test-cmd"), Duration.ofMillis(1000));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1000)).isLessThan(Duration.ofSeconds(5));
        assertGone(pidIn("stubborn.pid"));
    }

    @Test
    void cancelStopsARunningCheckFromAnotherThread() throws Exception {
        CompletableFuture<CheckResult> pending = CompletableFuture.supplyAsync(() -> runner.run(
                CheckCommand.shell("echo started; sleep 300 & echo $! > bg.pid; wait", dir, "--test-cmd"),
                Duration.ofMinutes(5)));
        awaitFile(dir.resolve("bg.pid"));

        runner.cancel();
        CheckResult result = pending.get(20, TimeUnit.SECONDS);

        assertThat(result.interrupted()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).startsWith("started");
        assertGone(pidIn("bg.pid"));
    }

    @Test
    void interruptingTheCallingThreadStopsTheTree() throws Exception {
        CompletableFuture<CheckResult> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> outcome.complete(runner.run(
                CheckCommand.shell("sleep 300 & echo $! > bg.pid; wait", dir, "--test-cmd"), Duration.ofMinutes(5))));
        caller.start();
        awaitFile(dir.resolve("bg.pid"));

        caller.interrupt();
        CheckResult result = outcome.get(20, TimeUnit.SECONDS);

        assertThat(result.interrupted()).isTrue();
        assertGone(pidIn("bg.pid"));
    }

    @Test
    void backgroundProcessesLeftBehindByAPassingRunAreStopped() throws Exception {
        CheckResult result = runner.run(
                CheckCommand.shell("sleep 300 & echo $! > server.pid; echo done", dir, "--test-cmd"), Duration.ofSeconds(20));

        assertThat(result.passed()).isTrue();
        assertThat(result.output()).isEqualTo("done\n");
        assertGone(pidIn("server.pid"));
    }

    @Test
    void aDaemonThatDetachesIntoItsOwnSessionIsLeftRunning() throws Exception {
        // like a build daemon, it has detached (a new process group) before the command exits
        String script = "setsid sleep 300 </dev/null >/dev/null 2>&1 & d=$!; echo $d > daemon.pid; "
                + "while [ \"$(cut -d' ' -f5 /proc/$d/stat)\" = \"$(cut -d' ' -f5 /proc/$$/stat)\" ]; do sleep 0.01; done";
        CheckResult result = runner.run(CheckCommand.shell(script, dir, "--test-cmd"), Duration.ofSeconds(20));
        long daemon = pidIn("daemon.pid");
        try {
            assertThat(result.passed()).isTrue();
            assertThat(ProcessHandle.of(daemon).map(CheckRunnerTest::isRunning)).contains(true);
        } finally {
            ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void ctrlCInTheAgentStopsTheCheckThroughTheShutdownHook() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process agent = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CancelOnShutdownMain.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile())
                .start();
        try {
            awaitFile(dir.resolve("grandchild.pid"));

            // what the terminal sends on Ctrl-C; the check runs in its own session, so only the agent gets it
            new ProcessBuilder("kill", "-INT", Long.toString(agent.pid())).start().waitFor();

            assertThat(agent.waitFor(20, TimeUnit.SECONDS)).as("agent exited").isTrue();
            assertGone(pidIn("grandchild.pid"));
        } finally {
            agent.destroyForcibly();
        }
    }

    @Test
    void capsHugeOutputKeepingWholeLinesFromTheHeadAndTheTail() {
        // 20,000 numbered lines (~150 KB) through a 4 KiB head and a 4 KiB tail
        CheckResult result = runner.run(
                CheckCommand.shell("seq 1 20000 | sed 's/^/line /'; echo 'the last line'", dir, "--test-cmd"),
                Duration.ofSeconds(20));

        List<String> lines = result.output().lines().toList();
        assertThat(lines.get(0)).isEqualTo("line 1");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("the last line");
        assertThat(result.output()).matches("(?s).*\\[\\.\\.\\. \\d+ bytes of output cut here \\.\\.\\.\\].*");
        assertThat(result.output().length()).isLessThan(8192 + 100);
        assertThat(lines).allMatch(line -> line.matches("line \\d+|the last line|\\[\\.\\.\\. .*"));
        long total = 0;
        for (int i = 1; i <= 20000; i++) {
            total += ("line " + i + "\n").length();
        }
        total += "the last line\n".length();
        assertThat(result.omittedBytes() + result.output().length()
                - result.output().lines().filter(l -> l.startsWith("[...")).mapToInt(l -> l.length() + 1).sum())
                .isEqualTo(total);
    }

    @Test
    void aMissingProgramIsReportedBeforeAnythingRuns() {
        CheckCommand command = CheckCommand.of(dir, "pom.xml found -> mvn-not-installed -B -q test", "mvn-not-installed", "test");

        assertThatThrownBy(() -> runner.run(command, Duration.ofSeconds(5)))
                .isInstanceOf(CheckStartException.class)
                .hasMessageContaining("mvn-not-installed is not an executable program on PATH")
                .hasMessageContaining("pom.xml found")
                .hasMessageContaining("--test-cmd");
    }

    @Test
    void aMissingWorkingDirectoryIsReported() {
        CheckCommand command = CheckCommand.shell("true", dir.resolve("gone"), "--test-cmd");

        assertThatThrownBy(() -> runner.run(command, Duration.ofSeconds(5)))
                .isInstanceOf(CheckStartException.class)
                .hasMessageContaining("does not exist");
    }

    private long pidIn(String file) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(file)).trim());
    }

    private static void assertGone(long pid) throws InterruptedException {
        // a killed process may linger a moment as a zombie until init reaps it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && ProcessHandle.of(pid).map(CheckRunnerTest::isRunning).orElse(false)) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(pid).map(CheckRunnerTest::isRunning).orElse(false))
                .as("process %d is still running", pid)
                .isFalse();
    }

    private static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            // zombies count as dead: they hold no resources and cannot run
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitFile(Path file) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(file + " never appeared");
    }
}
