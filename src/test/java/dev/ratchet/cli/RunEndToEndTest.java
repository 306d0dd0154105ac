package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratchet.workspace.ScratchRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole product, from the user's side: {@code ratchet run} on a copy of each testrepo, with a
 * local server speaking the Chat Completions streaming protocol and answering with the project's
 * replies. The project's real tests run; the run must end green, committed, with a complete
 * transcript and the exact cost.
 */
class RunEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-e2e-secret-never-written";
    private static final Path TESTREPOS = Path.of("testrepos").toAbsolutePath();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    static MockResponse streamed(String text, long promptTokens, long cachedTokens, long completionTokens) {
        return ChatStream.text(text, promptTokens, cachedTokens, completionTokens);
    }

    private Path copyOf(String project) throws IOException {
        return ScratchRepository.create(TESTREPOS.resolve(project).resolve("repo"), temp.resolve(project));
    }

    private static List<String> replies(String project) throws IOException {
        try (Stream<Path> files = Files.list(TESTREPOS.resolve(project).resolve("replies"))) {
            return files.sorted((a, b) -> Integer.compare(number(a), number(b))).map(RunEndToEndTest::read).toList();
        }
    }

    private static int number(Path reply) {
        String name = reply.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CliRun run(Path repo, String task, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", task, "--repo", repo.toString(),
                "--base-url", server.url("/v1").toString(), "--provider", "openai",
                // a request the test did not queue a reply for fails in seconds, not after minutes of retries
                "--request-timeout", "20", "--retries", "0"));
        args.addAll(List.of(extra));
        if (!args.contains("--output-format")) {
            args.addAll(List.of("--output-format", "json"));
        }
        return CliRun.run("", Map.of("OPENAI_API_KEY", KEY), args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"js-money", "python-ini", "python-contacts-multifile", "java-duration"})
    void everyTestrepoEndsGreenAndCommitted(String project) throws Exception {
        Path repo = copyOf(project);
        List<String> replies = replies(project);
        // first request: nothing cached; later ones: the stable prefix is cached, as OpenAI reports it
        server.enqueue(streamed(replies.get(0), 1000, 0, 100));
        for (String reply : replies.subList(1, replies.size())) {
            server.enqueue(streamed(reply, 1000, 512, 100));
        }
        String task = read(TESTREPOS.resolve(project).resolve("task.md")).strip();

        CliRun result = run(repo, task);

        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("status").asText()).isEqualTo("done");
        assertThat(json.get("stopReason").asText()).isEqualTo("tests_pass");
        assertThat(json.get("tests").get("passed").asBoolean()).isTrue();
        assertThat(json.get("tests").get("failingBefore")).isNotEmpty();
        assertThat(json.get("tests").get("failingAfter")).isEmpty();
        assertThat(json.get("usage").get("requests").asInt()).isEqualTo(replies.size());
        // gpt-4.1: $2.00 / 1M input, $0.50 / 1M cached input, $8.00 / 1M output
        BigDecimal first = new BigDecimal("0.0028");            // 1000 * 2 + 100 * 8, per million
        BigDecimal later = new BigDecimal("0.002032");          // 488 * 2 + 512 * 0.5 + 100 * 8, per million
        BigDecimal expected = first.add(later.multiply(BigDecimal.valueOf(replies.size() - 1L)));
        assertThat(json.get("cost").decimalValue()).isEqualByComparingTo(expected);

        try (Git git = Git.open(repo.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getName()).isEqualTo(json.get("commit").asText());
            assertThat(head.getFullMessage()).contains("ratchet").contains("gpt-4.1");
            assertThat(git.status().call().isClean()).as("everything the run changed is committed").isTrue();
        }
        assertThat(json.get("filesChanged")).isNotEmpty();

        String transcript = Files.readString(Path.of(json.get("transcript").asText()));
        assertThat(transcript).doesNotContain(KEY);
        List<String> types = transcript.lines().map(line -> read(line).get("type").asText()).toList();
        assertThat(types).startsWith("runStarted").endsWith("runFinished")
                .contains("request", "modelReplied", "editsApplied", "testsRan", "iterationEnded");
        assertThat(types.stream().filter("request"::equals).count()).isEqualTo(replies.size());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4.1");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").toString()).contains(task.substring(0, 20).replace("\"", "\\\""));
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCostBudgetTooSmallForOneRequestStopsBeforeSendingAnything() throws Exception {
        Path repo = copyOf("python-ini");

        CliRun result = run(repo, "make inline comments work", "--max-cost", "0.0001");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.BUDGET);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stopReason").asText()).isEqualTo("cost_budget");
        assertThat(json.get("detail").asText()).contains("0.0001");
        assertThat(server.getRequestCount()).isZero();
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void givingUpAtTheIterationLimitLeavesTheChangesUncommittedAndSaysSo() throws Exception {
        Path repo = copyOf("python-ini");
        String wrong = replies("python-ini").get(0); // applies, but breaks a quoted-value test
        server.enqueue(streamed(wrong, 1000, 0, 100));

        CliRun result = run(repo, read(TESTREPOS.resolve("python-ini").resolve("task.md")), "--max-iterations", "1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.GAVE_UP);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stopReason").asText()).isEqualTo("max_iterations");
        assertThat(json.get("commit").isNull()).isTrue();
        assertThat(json.get("outcome").asText()).isEqualTo("uncommitted");
        assertThat(json.get("tests").get("failingAfter")).isNotEmpty();
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().getModified()).isNotEmpty();
        }

        CliRun undo = CliRun.run("", "undo", "--repo", repo.toString());

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        Path original = TESTREPOS.resolve("python-ini").resolve("repo");
        assertThat(Files.readString(repo.resolve("iniconf/parser.py"))).isEqualTo(Files.readString(original.resolve("iniconf/parser.py")));
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void streamJsonPrintsOneEventPerLineEndingWithTheResult() throws Exception {
        Path repo = copyOf("js-money");
        for (String reply : replies("js-money")) {
            server.enqueue(streamed(reply, 800, 0, 90));
        }

        CliRun result = run(repo, read(TESTREPOS.resolve("js-money").resolve("task.md")), "--output-format", "stream-json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> events = result.out().lines().map(RunEndToEndTest::read).toList();
        assertThat(events.get(0).get("type").asText()).isEqualTo("runStarted");
        assertThat(events).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("modelText"));
        assertThat(events).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("editsRefused"));
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("runFinished");
        assertThat(last.get("result").get("status").asText()).isEqualTo("done");
    }

    @Test
    void withoutKeyOrBaseUrlTheMessageSaysHowToSetUpOrTryTheDemo() throws Exception {
        Path repo = copyOf("python-ini");

        CliRun result = CliRun.run("", Map.of(), "run", "fix it", "--repo", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("OPENAI_API_KEY").contains("ratchet demo");
    }

    @Test
    void lintFindingsGoBackToTheModelAndKeepTheRunFromEndingGreen() throws Exception {
        Path repo = copyOf("python-ini");
        List<String> replies = replies("python-ini");
        server.enqueue(streamed(replies.get(0), 1000, 0, 100));
        server.enqueue(streamed(replies.get(1), 1000, 512, 100));
        String lint = "echo 'iniconf/parser.py:3:80: E501 line too long (91 > 79 characters)'; exit 1";

        CliRun result = run(repo, read(TESTREPOS.resolve("python-ini").resolve("task.md")),
                "--lint-cmd", lint, "--max-iterations", "2");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.GAVE_UP);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("tests").get("passed").asBoolean()).as("the tests pass, the lint does not").isTrue();
        assertThat(json.get("stopReason").asText()).isEqualTo("max_iterations");
        server.takeRequest();
        String second = server.takeRequest().getBody().utf8();
        assertThat(second).contains("Lint results").contains("E501 line too long");
    }

    @Test
    void filesListedUnderReadInRatchetYmlReachTheModelAsInstructions() throws Exception {
        Path repo = copyOf("python-ini");
        Files.writeString(repo.resolve("STYLE.md"), "Always use single quotes for strings in this project.\n");
        Files.writeString(repo.resolve(".ratchet.yml"), "read: [STYLE.md]\nmax_iterations: 1\n");
        server.enqueue(streamed(replies("python-ini").get(0), 1000, 0, 100));

        CliRun result = run(repo, "make inline comments work");

        assertThat(result.exitCode()).as(result.err()).isIn(ExitCode.OK, ExitCode.GAVE_UP);
        assertThat(server.takeRequest().getBody().utf8()).contains("Always use single quotes for strings in this project.");
    }

    /** A two-function Python project whose add() subtracts; its unittest suite fails until that is fixed. */
    private Path calcRepo() throws IOException {
        Path source = Files.createDirectories(temp.resolve("calc-source"));
        Files.writeString(source.resolve("calc.py"), "def add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n    return a - b\n");
        Files.writeString(source.resolve("test_calc.py"), "import unittest\n\nfrom calc import add, sub\n\n\n"
                + "class CalcTest(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n\n"
                + "    def test_sub(self):\n        self.assertEqual(sub(5, 3), 2)\n");
        return ScratchRepository.create(source, temp.resolve("calc"));
    }

    @Test
    void aReplyThatOnlyDescribesTheChangeIsAskedAgainNotCountedAsDone() throws Exception {
        Path repo = calcRepo();
        server.enqueue(streamed("The bug is in add(): it subtracts instead of adding. Change the minus to a plus.", 500, 0, 30));
        server.enqueue(streamed("calc.py\n```python\n<<<<<<< SEARCH\ndef add(a, b):\n    return a - b\n=======\n"
                + "def add(a, b):\n    return a + b\n>>>>>>> REPLACE\n```\n", 600, 0, 40));

        CliRun result = run(repo, "add() subtracts; make it add", "--edit-format", "search-replace");

        assertThat(result.exitCode()).as(result.err()).isZero();
        server.takeRequest();
        assertThat(server.takeRequest().getBody().utf8()).contains("Your reply contains no edits");
        assertThat(Files.readString(repo.resolve("calc.py"))).contains("return a + b");
    }

    @Test
    void aFileWhoseEditsKeepBeingRefusedIsAskedForWholeAndThenFixed() throws Exception {
        Path repo = calcRepo();
        String wrongSearch = "calc.py\n```python\n<<<<<<< SEARCH\ndef add(x, y):\n    return x - y\n=======\n"
                + "def add(x, y):\n    return x + y\n>>>>>>> REPLACE\n```\n";
        server.enqueue(streamed("Fixing add.\n\n" + wrongSearch, 500, 0, 50));
        server.enqueue(streamed("Trying again.\n\n" + wrongSearch, 600, 0, 50));
        server.enqueue(streamed("Here is the whole file.\n\ncalc.py\n```python\ndef add(a, b):\n    return a + b\n\n\n"
                + "def sub(a, b):\n    return a - b\n```\n", 700, 0, 50));

        CliRun result = run(repo, "add() subtracts; make it add", "--edit-format", "search-replace");

        assertThat(result.exitCode()).as(result.err()).isZero();
        server.takeRequest();
        assertThat(server.takeRequest().getBody().utf8()).doesNotContain("complete new content");
        assertThat(server.takeRequest().getBody().utf8()).contains("calc.py keep failing to match")
                .contains("complete new content");
        assertThat(Files.readString(repo.resolve("calc.py"))).contains("return a + b");
    }

    @Test
    void rankModelInRatchetYmlPicksFilesWithOneBookedRequestBeforeTheEdit() throws Exception {
        Path repo = calcRepo();
        Files.writeString(repo.resolve(".ratchet.yml"), "rank_model: gpt-4.1-nano\ncontext_mode: map\n");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"chatcmpl-rank\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1-nano\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"paths\\\": [\\\"calc.py\\\"]}\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":10}}").build());
        server.enqueue(streamed("calc.py\n```python\n<<<<<<< SEARCH\ndef add(a, b):\n    return a - b\n=======\n"
                + "def add(a, b):\n    return a + b\n>>>>>>> REPLACE\n```\n", 600, 0, 40));

        CliRun result = run(repo, "add() subtracts; make it add", "--edit-format", "search-replace");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode ranking = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(ranking.path("model").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(ranking.path("messages").get(1).path("content").asText()).contains("add() subtracts; make it add")
                .contains("<repo_map>");
        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("model").asText()).isEqualTo("gpt-4.1");
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("usage").get("requests").asInt()).isEqualTo(2);
        // gpt-4.1-nano: 500 * 0.10 + 10 * 0.40; gpt-4.1: 600 * 2.00 + 40 * 8.00; per million tokens
        assertThat(json.get("cost").decimalValue()).isEqualByComparingTo("0.001574");
        assertThat(Files.readString(repo.resolve("calc.py"))).contains("return a + b");
    }

    @Test
    void weakModelFlagChoosesTheRankModel() throws Exception {
        Path ranked = calcRepo();
        Files.writeString(ranked.resolve(".ratchet.yml"), "rank_model: gpt-4.1-nano\ncontext_mode: map\n");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"chatcmpl-rank\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"[\\\"calc.py\\\"]\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":10}}").build());
        server.enqueue(streamed(FIX_ADD, 600, 0, 40));

        CliRun withMini = run(ranked, "add() subtracts; make it add", "--edit-format", "search-replace",
                "--weak-model", "gpt-4.1-mini");

        assertThat(withMini.exitCode()).as(withMini.err()).isZero();
        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("model").asText()).isEqualTo("gpt-4.1");
    }

    @Test
    void weakModelNoneTurnsOffTheRankModelOfRatchetYml() throws Exception {
        Path unranked = calcRepo();
        Files.writeString(unranked.resolve(".ratchet.yml"), "rank_model: gpt-4.1-nano\ncontext_mode: map\n");
        server.enqueue(streamed(FIX_ADD, 600, 0, 40));

        CliRun off = run(unranked, "add() subtracts; make it add", "--edit-format", "search-replace", "--weak-model", "none");

        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(JSON.readTree(off.out()).get("usage").get("requests").asInt()).isEqualTo(1);
    }

    private static final String FIX_ADD = "calc.py\n```python\n<<<<<<< SEARCH\ndef add(a, b):\n    return a - b\n=======\n"
            + "def add(a, b):\n    return a + b\n>>>>>>> REPLACE\n```\n";
}
