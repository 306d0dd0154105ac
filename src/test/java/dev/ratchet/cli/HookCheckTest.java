package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-mode hook from the user's side: real {@code git commit}s, the hook running this build's
 * ratchet, and a local server in the model's place.
 */
class HookCheckTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    private HookRepo installed(String... options) throws Exception {
        HookRepo repo = HookRepo.create(temp, server.url("/v1").toString());
        repo.write("AGENTS.md", "Sums are written as a+b=c, one per line.\n").git("add", "AGENTS.md");
        repo.git("commit", "-q", "-m", "rules");
        String[] args = new String[4 + options.length];
        args[0] = "hook";
        args[1] = "install";
        args[2] = "--launcher";
        args[3] = repo.launcher.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        CliRun install = repo.ratchetInProcess(Map.of(), args);
        assertThat(install.exitCode()).as(install.err()).isZero();
        return repo;
    }

    @Test
    void aCleanCommitPassesAfterTheReviewSaysOk() throws Exception {
        HookRepo repo = installed();
        server.enqueue(HookRepo.reply("OK"));
        repo.write("calc.txt", "2+2=4\n3+4=7\n").write(".env", "API_TOKEN=hunter2\n").git("add", "calc.txt", ".env");

        HookRepo.Ran commit = repo.commit("-m", "a sum");

        assertThat(commit.exitCode()).as(commit.out()).isZero();
        assertThat(repo.committed("calc.txt")).isEqualTo("2+2=4\n3+4=7\n");
        assertThat(commit.out()).containsPattern("ratchet hook: passed \\(tests passed, review: OK\\) in [0-9.]+ s, \\$0\\.000");
        RecordedRequest review = server.takeRequest(5, TimeUnit.SECONDS);
        String body = review.getBody().utf8();
        assertThat(body).contains("gpt-4.1-mini", "Sums are written as a+b=c", "+3+4=7").doesNotContain("\"stream\":true");
        // a staged secret is named, never sent
        assertThat(body).contains("not shown (they look like secrets or generated files): .env").doesNotContain("hunter2");
        assertThat(review.getHeaders().get("Authorization")).isEqualTo("Bearer " + HookRepo.KEY);
    }

    @Test
    void aCommitThatBreaksATestIsBlockedWithTheFailingLine() throws Exception {
        HookRepo repo = installed();
        server.enqueue(HookRepo.reply("OK"));
        String before = repo.head();
        repo.write("calc.txt", "2+2=4\n3+4=8\n").git("add", "calc.txt");

        HookRepo.Ran commit = repo.commit("-m", "a wrong sum");

        assertThat(commit.exitCode()).isEqualTo(1);
        assertThat(repo.head()).isEqualTo(before);
        assertThat(commit.out()).contains("`sh check.sh` failed (exit 1)", "calc.txt: 3+4 is not 8",
                "ratchet hook: blocked (tests failed, review: OK)");
    }

    @Test
    void aReviewFindingBlocksAndWithReviewWarnItIsAdvisory() throws Exception {
        HookRepo repo = installed();
        server.enqueue(HookRepo.reply("calc.txt:2: the sum is written as c=a+b, against AGENTS.md\nnowhere.txt:1: invented"));
        repo.write("calc.txt", "2+2=4\n7=3+4\n").write("check.sh", "exit 0\n").git("add", "-A");

        HookRepo.Ran blocked = repo.commit("-m", "reversed sum");

        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.out()).contains("calc.txt:2: the sum is written as c=a+b, against AGENTS.md\n",
                "ratchet hook: blocked (tests passed, review: 1 finding)");
        assertThat(blocked.out()).doesNotContain("nowhere.txt");

        repo.ratchetInProcess(Map.of(), "hook", "install", "--launcher", repo.launcher.toString());
        Files.writeString(repo.dir.resolve(".git/hooks/pre-commit"),
                Files.readString(repo.dir.resolve(".git/hooks/pre-commit")).replace("'check'", "'check' '--review' 'warn'"));
        server.enqueue(HookRepo.reply("calc.txt:2: the sum is written as c=a+b, against AGENTS.md"));
        HookRepo.Ran warned = repo.commit("-m", "reversed sum, warned only");
        assertThat(warned.exitCode()).as(warned.out()).isZero();
        assertThat(warned.out()).contains("calc.txt:2: the sum is written as c=a+b, against AGENTS.md (advisory)",
                "ratchet hook: passed");
    }

    @Test
    void checksSeeTheStagedContentAndUnstagedEditsInTheSameFileSurviveByteExact() throws Exception {
        HookRepo repo = installed("--mode", "check");
        server.enqueue(HookRepo.reply("OK"));
        server.enqueue(HookRepo.reply("OK"));
        // staged: right; unstaged on top, in the same file: wrong, CRLF, no final newline
        repo.write("calc.txt", "2+2=4\n1+1=2\n").git("add", "calc.txt");
        byte[] unstaged = "2+2=4\r\n1+1=2\r\n9+9=1".getBytes(StandardCharsets.UTF_8);
        Files.write(repo.dir.resolve("calc.txt"), unstaged);
        repo.write("untracked.txt", "mine\n");

        HookRepo.Ran passed = repo.commit("-m", "staged is right");

        assertThat(passed.exitCode()).as(passed.out()).isZero();
        assertThat(repo.committed("calc.txt")).isEqualTo("2+2=4\n1+1=2\n");
        assertThat(Files.readAllBytes(repo.dir.resolve("calc.txt"))).isEqualTo(unstaged);
        assertThat(repo.read("untracked.txt")).isEqualTo("mine\n");

        // staged: wrong; unstaged: right. Blocked, and the unstaged version is still there.
        repo.write("calc.txt", "2+2=4\n1+1=3\n").git("add", "calc.txt");
        byte[] fixedLocally = "2+2=4\n1+1=2\n".getBytes(StandardCharsets.UTF_8);
        Files.write(repo.dir.resolve("calc.txt"), fixedLocally);
        HookRepo.Ran blocked = repo.commit("-m", "staged is wrong");
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.out()).contains("1+1 is not 3");
        assertThat(Files.readAllBytes(repo.dir.resolve("calc.txt"))).isEqualTo(fixedLocally);
        assertThat(repo.staged("calc.txt")).isEqualTo("2+2=4\n1+1=3\n");
        assertThat(repo.dir.resolve(".git/ratchet/hook/stash")).doesNotExist();
    }

    /** Starts a commit whose hook check pauses; returns it once the staged version is checked out. */
    private Process commitPausedInTheHook(HookRepo repo, Path paused, byte[] unstaged) throws Exception {
        // the pause point: the check announces itself, then waits to be stopped
        repo.write(".ratchet.yml", "test_cmd: sh check.sh\nhook:\n  test_cmd: touch '" + paused + "'; sleep 60\n")
                .git("add", ".ratchet.yml");
        repo.git("commit", "-q", "--no-verify", "-m", "slow hook check");
        repo.write("calc.txt", "2+2=4\n5+5=10\n").git("add", "calc.txt");
        Files.write(repo.dir.resolve("calc.txt"), unstaged);
        Files.delete(repo.dir.resolve("AGENTS.md")); // an unstaged deletion is set aside too

        Process commit = repo.start(repo.dir, List.of("git", "commit", "-q", "-m", "stopped"), Map.of());
        commit.getOutputStream().close();
        for (int i = 0; i < 600 && !Files.exists(paused); i++) {
            Thread.sleep(50);
        }
        assertThat(paused).as("the hook reached its check").exists();
        assertThat(repo.read("calc.txt")).as("the staged version is checked out").isEqualTo("2+2=4\n5+5=10\n");
        assertThat(repo.dir.resolve("AGENTS.md")).exists();
        return commit;
    }

    private static ProcessHandle ratchetIn(Process commit) {
        return commit.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
    }

    @Test
    void aHookKilledMidCheckLosesNothingAndTheNextRunPutsTheUnstagedChangesBack() throws Exception {
        HookRepo repo = installed();
        byte[] unstaged = "2+2=4\n5+5=10\nunstaged work\n".getBytes(StandardCharsets.UTF_8);
        Process commit = commitPausedInTheHook(repo, temp.resolve("paused"), unstaged);

        ratchetIn(commit).destroyForcibly(); // SIGKILL: no shutdown hook runs
        commit.descendants().forEach(ProcessHandle::destroyForcibly);
        assertThat(commit.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(commit.exitValue()).isNotZero();
        assertThat(repo.dir.resolve(".git/ratchet/hook/stash/manifest")).exists();

        repo.write(".ratchet.yml", "test_cmd: sh check.sh\n");
        CliRun next = repo.ratchetInProcess(Map.of(), "hook", "run", "--review", "off");

        assertThat(next.err()).contains("restored unstaged changes an earlier, stopped hook run had set aside: ");
        assertThat(next.err()).contains("calc.txt", "AGENTS.md");
        assertThat(Files.readAllBytes(repo.dir.resolve("calc.txt"))).isEqualTo(unstaged);
        assertThat(repo.dir.resolve("AGENTS.md")).doesNotExist();
        assertThat(repo.dir.resolve(".git/ratchet/hook/stash")).doesNotExist();
    }

    @Test
    void aHookStoppedLikeCtrlCPutsTheUnstagedChangesBackAtOnce() throws Exception {
        HookRepo repo = installed();
        byte[] unstaged = "2+2=4\n5+5=10\nunstaged work, no final newline".getBytes(StandardCharsets.UTF_8);
        Process commit = commitPausedInTheHook(repo, temp.resolve("paused"), unstaged);

        ratchetIn(commit).destroy(); // SIGTERM: the JVM's shutdown hooks run, as on Ctrl-C
        assertThat(commit.waitFor(30, TimeUnit.SECONDS)).isTrue();
        commit.descendants().forEach(ProcessHandle::destroyForcibly);

        assertThat(commit.exitValue()).isNotZero();
        assertThat(Files.readAllBytes(repo.dir.resolve("calc.txt"))).isEqualTo(unstaged);
        assertThat(repo.dir.resolve("AGENTS.md")).doesNotExist();
        assertThat(repo.dir.resolve(".git/ratchet/hook/stash")).doesNotExist();
        assertThat(repo.staged("calc.txt")).isEqualTo("2+2=4\n5+5=10\n");
    }

    @Test
    void aFileChangedAgainAfterTheKillIsLeftAloneAndItsSetAsideVersionKept() throws Exception {
        HookRepo repo = installed();
        byte[] unstaged = "2+2=4\n5+5=10\nunstaged work\n".getBytes(StandardCharsets.UTF_8);
        Process commit = commitPausedInTheHook(repo, temp.resolve("paused"), unstaged);
        ratchetIn(commit).destroyForcibly();
        commit.descendants().forEach(ProcessHandle::destroyForcibly);
        assertThat(commit.waitFor(30, TimeUnit.SECONDS)).isTrue();
        repo.write("calc.txt", "edited after the kill\n");

        CliRun next = repo.ratchetInProcess(Map.of(), "hook", "run", "--review", "off");

        assertThat(next.err()).contains("restored unstaged changes an earlier, stopped hook run had set aside: AGENTS.md",
                "left as they are, because they changed since: calc.txt");
        assertThat(next.exitCode()).isEqualTo(1);
        assertThat(next.err()).contains("still in");
        assertThat(repo.read("calc.txt")).isEqualTo("edited after the kill\n");
        assertThat(Files.readAllBytes(repo.dir.resolve(".git/ratchet/hook/stash/files/1"))).isEqualTo(unstaged);
    }

    @Test
    void aReviewOverTheCostBudgetIsNotSentAndOnlyWarns() throws Exception {
        HookRepo repo = installed();
        repo.write("calc.txt", "2+2=4\n8+8=16\n").git("add", "calc.txt");

        CliRun run = repo.ratchetInProcess(Map.of(), "hook", "run", "--max-cost", "0.000001");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).startsWith("ratchet hook: warning: the review failed: ").contains("--max-cost");
        assertThat(run.out()).contains("passed (tests passed, review skipped)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void withoutAKeyOneWarningAndChecksStillRunAndStrictBlocks() throws Exception {
        HookRepo repo = HookRepo.create(temp, null);
        repo.write("calc.txt", "2+2=4\n6+6=12\n").git("add", "calc.txt");

        CliRun lenient = repo.ratchetInProcess(Map.of(), "hook", "run");
        assertThat(lenient.exitCode()).as(lenient.out() + lenient.err()).isZero();
        assertThat(lenient.err().lines().toList()).containsExactly(
                "ratchet hook: warning: no API key (OPENAI_API_KEY) and no base URL; the model review is skipped, checks still ran");
        assertThat(lenient.out()).contains("passed (tests passed, review skipped)");

        CliRun strict = repo.ratchetInProcess(Map.of(), "hook", "run", "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("no model review (no API key (OPENAI_API_KEY) and no base URL); --strict blocks");

        repo.write("calc.txt", "6+6=13\n").git("add", "calc.txt");
        CliRun failing = repo.ratchetInProcess(Map.of(), "hook", "run");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).contains("6+6 is not 13");
    }

    @Test
    void ratchetsOwnCommitDoesNotRunTheHookAgain() throws Exception {
        HookRepo repo = installed();
        // the hook's own check always fails: had the hook run for ratchet's commit, the commit would be refused
        repo.write(".ratchet.yml", "test_cmd: sh check.sh\nhook:\n  test_cmd: echo the hook ran >&2; exit 1\n")
                .git("add", ".ratchet.yml");
        repo.git("commit", "-q", "--no-verify", "-m", "hook check that always fails");
        repo.write("calc.txt", "2+2=5\n").git("add", "calc.txt");
        repo.git("commit", "-q", "--no-verify", "-m", "a broken sum");
        server.enqueue(RunEndToEndTest.streamed("calc.txt\n```\n<<<<<<< SEARCH\n2+2=5\n=======\n2+2=4\n>>>>>>> REPLACE\n```\n", 500, 0, 30));

        CliRun run = repo.ratchetInProcess(Map.of(), "run", "fix the sum in calc.txt", "--edit-format", "search-replace",
                "--retries", "0", "--request-timeout", "20", "--output-format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("\"outcome\":\"committed\"");
        assertThat(repo.committed("calc.txt")).isEqualTo("2+2=4\n");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
