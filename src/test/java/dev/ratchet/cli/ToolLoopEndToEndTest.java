package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratchet.workspace.ScratchRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratchet run --mode tools} from the user's side: a local server streams a model that
 * explores, reads, patches (one wrong hunk, then right), runs the tests and finishes, on a copy of
 * a testrepo whose real tests run. Also the ways a model can go wrong: repeating itself, stopping
 * while tests fail, malformed calls, and the tool-call budget.
 */
class ToolLoopEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-e2e-secret-never-written";
    private static final Path TESTREPOS = Path.of("testrepos").toAbsolutePath();
    private static final List<String> TOOLS = List.of("list_files", "read_file", "search", "apply_patch", "run_tests", "run_command");

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    private Path copyOf(String project) throws IOException {
        return ScratchRepository.create(TESTREPOS.resolve(project).resolve("repo"), temp.resolve(project));
    }

    private static String task(String project) throws IOException {
        return Files.readString(TESTREPOS.resolve(project).resolve("task.md"), StandardCharsets.UTF_8).strip();
    }

    private CliRun run(Path repo, String task, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", task, "--mode", "tools", "--repo", repo.toString(),
                "--base-url", server.url("/v1").toString(), "--provider", "openai", "--request-timeout", "20", "--retries", "0"));
        args.addAll(List.of(extra));
        if (!args.contains("--output-format")) {
            args.addAll(List.of("--output-format", "json"));
        }
        return CliRun.run("", Map.of("OPENAI_API_KEY", KEY), args.toArray(String[]::new));
    }

    /** Queues the hand-written tool-loop conversation of a testrepo, streamed the way the API streams it. */
    private int enqueueCassette(String project) throws IOException {
        List<String> lines = Files.readAllLines(TESTREPOS.resolve(project).resolve("cassette-tools.jsonl"));
        for (String line : lines) {
            JsonNode reply = JSON.readTree(line).get("reply");
            List<ChatStream.Call> calls = new ArrayList<>();
            for (JsonNode call : reply.path("tool_calls")) {
                calls.add(new ChatStream.Call(call.get("id").asText(), call.get("name").asText(), call.get("arguments").toString()));
            }
            JsonNode usage = reply.get("usage");
            server.enqueue(ChatStream.reply(reply.get("content").asText(), calls, usage.get("prompt_tokens").asLong(),
                    usage.get("cached_tokens").asLong(), usage.get("completion_tokens").asLong()));
        }
        return lines.size();
    }

    private static List<JsonNode> transcript(JsonNode result) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(result.get("transcript").asText()))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void theModelExploresPatchesWrongThenRightTestsAndTheRunEndsGreenAndCommitted() throws Exception {
        Path repo = copyOf("python-ini");
        int replies = enqueueCassette("python-ini");

        CliRun result = run(repo, task("python-ini"));

        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stopReason").asText()).isEqualTo("tests_pass");
        assertThat(json.get("iterations").asInt()).as("tool calls").isEqualTo(6);
        assertThat(json.get("tests").get("failingBefore")).isNotEmpty();
        assertThat(json.get("tests").get("failingAfter")).isEmpty();
        assertThat(json.get("usage").get("requests").asInt()).isEqualTo(replies);
        assertThat(Files.readString(repo.resolve("iniconf/parser.py"))).contains("def _strip_inline_comment(value):")
                .contains("value = _strip_inline_comment(pair.group(\"value\").strip())");
        try (Git git = Git.open(repo.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getName()).isEqualTo(json.get("commit").asText());
            assertThat(git.status().call().isClean()).isTrue();
        }

        List<JsonNode> transcript = transcript(json);
        assertThat(transcript.toString()).doesNotContain(KEY);
        List<String> calls = transcript.stream().filter(line -> line.get("type").asText().equals("toolCalled"))
                .map(line -> line.get("tool").asText()).toList();
        assertThat(calls).containsExactly("list_files", "search", "read_file", "apply_patch", "apply_patch", "run_tests");
        assertThat(transcript).filteredOn(line -> line.get("type").asText().equals("editsRefused")).hasSize(1);
        assertThat(transcript).filteredOn(line -> line.get("type").asText().equals("request")).hasSize(replies);
        assertThat(transcript.get(0).get("mode").asText()).isEqualTo("tools");

        JsonNode first = JSON.readTree(server.takeRequest().getBody().utf8());
        List<String> offered = new ArrayList<>();
        first.get("tools").forEach(tool -> offered.add(tool.get("function").get("name").asText()));
        assertThat(offered).isEqualTo(TOOLS);
        assertThat(first.get("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(first.get("messages").get(0).get("content").asText()).contains("keep going until the issue is completely resolved")
                .contains("do NOT guess").contains("plan before each function call").contains("*** Begin Patch");
        assertThat(first.get("messages").get(1).get("content").asText()).startsWith("# Issue\n\n<issue>\n# Inline comments")
                .contains("Test results before any change");
        for (int i = 2; i <= 4; i++) {
            server.takeRequest();
        }
        JsonNode fifth = JSON.readTree(server.takeRequest().getBody().utf8());
        JsonNode refusal = fifth.get("messages").get(fifth.get("messages").size() - 1);
        assertThat(refusal.get("role").asText()).isEqualTo("tool");
        assertThat(refusal.get("tool_call_id").asText()).isEqualTo("call_4");
        assertThat(refusal.get("content").asText()).contains("Patch NOT applied").contains("closest lines in iniconf/parser.py");
    }

    @Test
    void theSameCallOverAndOverIsNudgedThenStopped() throws Exception {
        Path repo = copyOf("python-ini");
        Files.writeString(repo.resolve("AGENTS.md"), "Run the tests with python3 -m unittest.\n");
        ChatStream.Call read = ChatStream.call("call_r", "read_file", Map.of("path", "iniconf/parser.py"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(ChatStream.reply("Reading the parser.", List.of(read), 1000, 0, 20));
        }

        CliRun result = run(repo, task("python-ini"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.GAVE_UP);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stopReason").asText()).isEqualTo("repeated_calls");
        assertThat(json.get("outcome").asText()).isNotEqualTo("committed");
        assertThat(server.takeRequest().getBody().utf8()).as("the repository's conventions reach the model")
                .contains("# Repository conventions").contains("<file path=\\\"AGENTS.md\\\">")
                .contains("Run the tests with python3 -m unittest.");
        for (int i = 0; i < 2; i++) {
            server.takeRequest();
        }
        String fourth = server.takeRequest().getBody().utf8();
        assertThat(fourth).contains("with the same arguments 3 times in a row").contains("Another identical call ends the run");
        assertThat(transcript(json)).anySatisfy(line -> assertThat(line.get("type").asText()).isEqualTo("nudged"));
    }

    @Test
    void aModelThatStopsWhileTestsFailIsToldSoOnceThenTheRunStops() throws Exception {
        Path repo = copyOf("python-ini");
        server.enqueue(ChatStream.text("I think the parser is fine as it is.", 1000, 0, 20));
        server.enqueue(ChatStream.text("I still believe nothing needs to change.", 1200, 0, 20));

        CliRun result = run(repo, task("python-ini"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.GAVE_UP);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stopReason").asText()).isEqualTo("stopped_with_failing_tests");
        assertThat(json.get("tests").get("passed").asBoolean()).isFalse();
        server.takeRequest();
        assertThat(server.takeRequest().getBody().utf8()).contains("You ended your turn, but the tests still fail");
    }

    @Test
    void malformedCallsComeBackAsErrorsAndTheRunGoesOnUntilTheToolCallBudget() throws Exception {
        Path repo = copyOf("python-ini");
        server.enqueue(ChatStream.reply("Two tries.", List.of(
                new ChatStream.Call("call_a", "read_file", "{\"path\": \"iniconf/parser.py\""),
                new ChatStream.Call("call_b", "open_file", "{}")), 1000, 0, 20));
        server.enqueue(ChatStream.reply("Searching.", List.of(ChatStream.call("call_c", "search", Map.of("pattern", "loads("))), 1100, 0, 20));
        server.enqueue(ChatStream.reply("Listing.", List.of(ChatStream.call("call_d", "list_files", Map.of())), 1200, 0, 20));

        CliRun result = run(repo, task("python-ini"), "--max-iterations", "3");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.GAVE_UP);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stopReason").asText()).isEqualTo("max_iterations");
        assertThat(json.get("iterations").asInt()).isEqualTo(3);
        server.takeRequest();
        String second = server.takeRequest().getBody().utf8();
        assertThat(second).contains("are not valid JSON").contains("no tool named \\\"open_file\\\"");
        assertThat(server.takeRequest().getBody().utf8()).contains("not a valid Java regular expression");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void autoChoosesTheEditLoopForASmallRepositoryAndToolsForOneLargerThanTheContextBudget() throws Exception {
        Path small = copyOf("python-ini");
        // the edit loop asks once more after a reply without edits
        server.enqueue(ChatStream.text("Nothing to change.", 1000, 0, 10));
        server.enqueue(ChatStream.text("Still nothing to change.", 1000, 0, 10));
        CliRun edit = CliRun.run("", Map.of("OPENAI_API_KEY", KEY), "run", "explain", "--repo", small.toString(), "--no-test",
                "--base-url", server.url("/v1").toString(), "--provider", "openai", "--retries", "0",
                "--request-timeout", "20", "--max-iterations", "1", "--output-format", "stream-json");
        assertThat(JSON.readTree(edit.out().lines().findFirst().orElseThrow()).get("mode").asText()).isEqualTo("edit");

        Path source = Files.createDirectories(temp.resolve("large-source"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(source.resolve("data" + i + ".txt"), ("x".repeat(99) + "\n").repeat(3_000));
        }
        Path large = ScratchRepository.create(source, temp.resolve("large"));
        server.enqueue(ChatStream.text("Nothing to change.", 1000, 0, 10));
        CliRun tools = CliRun.run("", Map.of("OPENAI_API_KEY", KEY), "run", "explain", "--repo", large.toString(), "--no-test",
                "--base-url", server.url("/v1").toString(), "--provider", "openai", "--retries", "0",
                "--request-timeout", "20", "--output-format", "stream-json");
        assertThat(JSON.readTree(tools.out().lines().findFirst().orElseThrow()).get("mode").asText()).isEqualTo("tools");

    }

    @Test
    void allowCommandsFromRatchetYmlRunPlainCommandsButNotOnesWithMetacharacters() throws Exception {
        Path repo = copyOf("python-ini");
        Files.writeString(repo.resolve(".ratchet.yml"), "allow_commands: [cat]\n");
        server.enqueue(ChatStream.reply("Looking.", List.of(ChatStream.call("call_1", "run_command",
                Map.of("command", "cat README.md"))), 1000, 0, 20));
        server.enqueue(ChatStream.reply("And more.", List.of(ChatStream.call("call_2", "run_command",
                Map.of("command", "cat README.md; touch pwned"))), 1100, 0, 20));
        server.enqueue(ChatStream.text("Nothing to change.", 1200, 0, 20));

        CliRun result = run(repo, "explain the parser", "--no-test");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.GAVE_UP);
        assertThat(JSON.readTree(result.out()).get("stopReason").asText()).isEqualTo("no_edits");
        server.takeRequest();
        assertThat(server.takeRequest().getBody().utf8()).contains("allowed by the allow-list entry \\\"cat\\\"");
        assertThat(server.takeRequest().getBody().utf8()).contains("the command was not run")
                .contains("shell metacharacter ';'");
        assertThat(repo.resolve("pwned")).doesNotExist();
    }

    @Test
    void anUnknownModeIsAUsageError() throws Exception {
        CliRun result = CliRun.run("", Map.of("OPENAI_API_KEY", KEY), "run", "fix it", "--mode", "agent",
                "--repo", copyOf("python-ini").toString(), "--base-url", server.url("/v1").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--mode agent is not a mode; use edit, tools or auto");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theToolDemoReplaysItsCassetteOfflineAndSaysSo() throws Exception {
        CliRun demo = CliRun.run("", Map.of(), "demo", "--mode", "tools", "--testrepos", TESTREPOS.toString());

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.err()).contains("ratchet demo: python-ini").contains("replayed").contains("not recorded from a live model");
        assertThat(demo.out()).contains("tool loop").contains("list_files").contains("search").contains("read_file")
                .contains("refused").contains("run_tests").contains("done: the tests pass").contains("6 tool calls")
                .contains("committed");
    }
}
