package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fix mode through real {@code git commit}s: the edit loop fixes the staged files, the hook stages the fix. */
class HookFixTest {
    private static final String SUMS = "1+1=2\n2+2=4\n3+3=6\n4+4=8\n5+5=10\n6+6=12\n";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    private HookRepo repoWithFixHook() throws Exception {
        HookRepo repo = HookRepo.create(temp, server.url("/v1").toString());
        repo.write("calc.txt", SUMS).git("add", "calc.txt");
        repo.git("commit", "-q", "-m", "six sums");
        CliRun install = repo.ratchetInProcess(Map.of(), "hook", "install", "--mode", "fix", "--launcher", repo.launcher.toString());
        assertThat(install.exitCode()).as(install.err()).isZero();
        return repo;
    }

    private static String edit(String from, String to) {
        return "calc.txt\n```\n<<<<<<< SEARCH\n" + from + "\n=======\n" + to + "\n>>>>>>> REPLACE\n```\n";
    }

    @Test
    void theFixIsStagedOnTopOfTheStagedContentAndTheCommitLandsGreenWithUnstagedHunksStillUnstaged() throws Exception {
        HookRepo repo = repoWithFixHook();
        String before = repo.head();
        repo.write("calc.txt", SUMS + "7+7=15\n").git("add", "calc.txt");
        String unstaged = SUMS.replace("1+1=2", "1+1=2 and more to come") + "7+7=15\n";
        repo.write("calc.txt", unstaged);
        server.enqueue(RunEndToEndTest.streamed(edit("7+7=15", "7+7=14"), 800, 0, 40));
        server.enqueue(HookRepo.reply("OK"));

        HookRepo.Ran commit = repo.commit("-m", "sums, fixed by the hook");

        assertThat(commit.exitCode()).as(commit.out()).isZero();
        assertThat(commit.out()).contains("ratchet hook: passed (fixed and staged calc.txt, tests passed, review: OK)");
        assertThat(repo.git("rev-parse", "HEAD~1").strip()).isEqualTo(before);
        assertThat(repo.committed("calc.txt")).isEqualTo(SUMS + "7+7=14\n");
        assertThat(repo.read("calc.txt")).isEqualTo(SUMS.replace("1+1=2", "1+1=2 and more to come") + "7+7=14\n");
        assertThat(repo.git("diff", "--cached", "--name-only")).isEmpty();
        assertThat(repo.git("diff", "-U0")).contains("-1+1=2\n+1+1=2 and more to come").doesNotContain("7+7");
        assertThat(server.getRequestCount()).isEqualTo(2);
        server.takeRequest();
        // the review reads what will be committed: the staged change with the fix
        assertThat(server.takeRequest().getBody().utf8()).contains("+7+7=14").doesNotContain("7+7=15");
        assertThat(repo.dir.resolve(".git/ratchet/hook/stash")).doesNotExist();
    }

    @Test
    void withoutAGreenFixTheCommitIsBlockedTheTreeIsAsTheUserHadItAndTheProposalIsSaved() throws Exception {
        HookRepo repo = repoWithFixHook();
        String before = repo.head();
        String staged = SUMS.replace("2+2=4", "2+2=5");
        repo.write("calc.txt", staged).git("add", "calc.txt");
        byte[] unstaged = (staged + "7+7=14").getBytes(StandardCharsets.UTF_8);
        Files.write(repo.dir.resolve("calc.txt"), unstaged);
        // three iterations, three wrong answers
        server.enqueue(RunEndToEndTest.streamed(edit("2+2=5", "2+2=6"), 800, 0, 40));
        server.enqueue(RunEndToEndTest.streamed(edit("2+2=6", "2+2=7"), 800, 0, 40));
        server.enqueue(RunEndToEndTest.streamed(edit("2+2=7", "2+2=8"), 800, 0, 40));
        server.enqueue(HookRepo.reply("OK"));

        HookRepo.Ran commit = repo.commit("-m", "not fixable");

        assertThat(commit.exitCode()).as(commit.out()).isEqualTo(1);
        assertThat(repo.head()).isEqualTo(before);
        assertThat(commit.out()).contains("calc.txt: 2+2 is not 5",
                "ratchet hook: blocked (no fix (the tests still fail after the last iteration), tests failed, review: OK)");
        Matcher saved = Pattern.compile("the proposed fix is saved as (\\S+\\.patch)").matcher(commit.out());
        assertThat(saved.find()).as(commit.out()).isTrue();
        assertThat(Files.readString(Path.of(saved.group(1)))).contains("-2+2=5", "+2+2=8");
        assertThat(Path.of(saved.group(1))).startsWith(repo.dir.resolve(".git/ratchet/hook").toRealPath());
        assertThat(Files.readAllBytes(repo.dir.resolve("calc.txt"))).isEqualTo(unstaged);
        assertThat(repo.staged("calc.txt")).isEqualTo(staged);
    }

    @Test
    void aFixOverlappingTheUnstagedHunkIsNotStagedAndEverythingStaysAsTheUserHadIt() throws Exception {
        HookRepo repo = repoWithFixHook();
        String staged = SUMS.replace("2+2=4", "2+2=5");
        repo.write("calc.txt", staged).git("add", "calc.txt");
        byte[] unstaged = SUMS.replace("2+2=4", "2+2=5 (checking this one)").getBytes(StandardCharsets.UTF_8);
        Files.write(repo.dir.resolve("calc.txt"), unstaged);
        server.enqueue(RunEndToEndTest.streamed(edit("2+2=5", "2+2=4"), 800, 0, 40));
        server.enqueue(HookRepo.reply("OK"));

        HookRepo.Ran commit = repo.commit("-m", "overlap");

        assertThat(commit.exitCode()).as(commit.out()).isEqualTo(1);
        assertThat(commit.out()).contains("no fix (it overlaps your unstaged changes)", "the proposed fix is saved as ");
        assertThat(Files.readAllBytes(repo.dir.resolve("calc.txt"))).isEqualTo(unstaged);
        assertThat(repo.staged("calc.txt")).isEqualTo(staged);
    }

    @Test
    void aFixThatReachesBeyondTheStagedFilesIsTakenBack() throws Exception {
        HookRepo repo = repoWithFixHook();
        String staged = SUMS.replace("2+2=4", "2+2=5");
        repo.write("calc.txt", staged).git("add", "calc.txt");
        // the model "fixes" the test instead of the staged file
        server.enqueue(RunEndToEndTest.streamed("check.sh\n```\n<<<<<<< SEARCH\necho all sums right\n=======\n"
                + "echo all sums right\n>>>>>>> REPLACE\n```\n", 800, 0, 40));
        server.enqueue(RunEndToEndTest.streamed("check.sh\n```\n<<<<<<< SEARCH\nwhile IFS='+=' read a b c; do\n=======\n"
                + "exit 0\nwhile IFS='+=' read a b c; do\n>>>>>>> REPLACE\n```\n", 800, 0, 40));
        server.enqueue(HookRepo.reply("OK"));
        String checkBefore = repo.read("check.sh");

        HookRepo.Ran commit = repo.commit("-m", "beyond");

        assertThat(commit.exitCode()).as(commit.out()).isEqualTo(1);
        assertThat(commit.out()).contains("no fix (it changed files that are not staged: check.sh)");
        assertThat(repo.read("check.sh")).isEqualTo(checkBefore);
        assertThat(repo.read("calc.txt")).isEqualTo(staged);
        assertThat(repo.git("status", "--porcelain")).isEqualTo("M  calc.txt\n");
    }
}
