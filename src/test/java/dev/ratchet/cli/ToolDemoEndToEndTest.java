package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratchet.workspace.ScratchRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ratchet demo NAME --mode tools}, offline, for every testrepo with a tool-loop cassette:
 * the hand-written conversation replays against the project's real tools and tests, makes its
 * mistake, recovers, and ends green and committed with exactly the project's solution.
 */
class ToolDemoEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TESTREPOS = Path.of("testrepos").toAbsolutePath();
    private static final String CASSETTE = "cassette-tools.jsonl";
    /** A tool line of the text output: "   4 apply_patch src/format.js → refused: 1 problem". */
    private static final Pattern TOOL_LINE = Pattern.compile("^ +\\d+ (\\w+) .* → (.*)$", Pattern.MULTILINE);
    private static final Pattern COPY = Pattern.compile("copied into (.+) \\(a new git repository\\)");

    @TempDir
    Path temp;

    static Stream<String> projectsWithToolCassettes() throws IOException {
        try (Stream<Path> entries = Files.list(TESTREPOS)) {
            return entries.filter(project -> Files.isRegularFile(project.resolve(CASSETTE)))
                    .map(project -> project.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void everyTestrepoHasAToolCassette() throws IOException {
        assertThat(projectsWithToolCassettes().toList())
                .contains("java-duration", "js-money", "python-contacts-multifile", "python-ini").hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("projectsWithToolCassettes")
    void theToolDemoReplaysOfflineRecoversFromItsMistakeAndEndsWithTheSolutionCommitted(String project) throws Exception {
        Path source = TESTREPOS.resolve(project).resolve("repo");
        List<String> test = testCommand(source);
        assumeOnPath(test.get(0));
        if (Files.isRegularFile(source.resolve("package.json"))) {
            assumeOnPath("npm"); // ratchet runs `npm test` there
        }
        List<String> cassetteCalls = cassetteToolCalls(project);

        CliRun demo = CliRun.run("", Map.of(), "demo", project, "--mode", "tools", "--testrepos", TESTREPOS.toString());

        assertThat(demo.exitCode()).as(demo.err() + demo.out()).isZero();
        assertThat(demo.err()).contains("ratchet demo: " + project).contains("the model's answers are replayed")
                .contains("not recorded from a live model");
        assertThat(demo.out()).contains("tool loop").contains("done: the tests pass")
                .contains(cassetteCalls.size() + " tool calls").contains("committed");

        List<String> calls = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        Matcher line = TOOL_LINE.matcher(demo.out());
        while (line.find()) {
            calls.add(line.group(1));
            outcomes.add(line.group(1) + " → " + line.group(2));
        }
        assertThat(calls).as("the tool calls the demo printed").isEqualTo(cassetteCalls);
        assertThat(calls).contains("apply_patch", "run_tests").containsAnyOf("list_files", "search", "read_file");
        assertThat(outcomes).as("the cassette's mistake: a refused patch or a red test run")
                .anyMatch(outcome -> outcome.startsWith("apply_patch → refused")
                        || outcome.startsWith("run_tests → ") && outcome.contains(" failed "));
        assertThat(outcomes.get(outcomes.size() - 1)).as("the last call runs the tests, green").startsWith("run_tests → ")
                .contains(" passed ");

        Matcher copied = COPY.matcher(demo.err());
        assertThat(copied.find()).as(demo.err()).isTrue();
        Path copy = Path.of(copied.group(1));
        try (Git git = Git.open(copy.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getParentCount()).as("the run's commit on top of the initial one").isEqualTo(1);
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(head.getTree().getName()).as("the tree committed in %s is the project with solution.diff applied "
                    + "(compare git diff HEAD~1 there with the solution)", copy)
                    .isEqualTo(solutionTree(project));
        }
        Path log = temp.resolve("tests.log");
        int exit = runTests(test, copy, log);
        assertThat(exit).as("%s in the demo's copy:%n%s", String.join(" ", test), Files.readString(log)).isZero();
        deleteTree(copy.getParent()); // the demo keeps its copy for the user; a passing test does not need it
    }

    /** The names of the tool calls in the cassette, in order. */
    private static List<String> cassetteToolCalls(String project) throws IOException {
        List<String> names = new ArrayList<>();
        for (String text : Files.readAllLines(TESTREPOS.resolve(project).resolve(CASSETTE), StandardCharsets.UTF_8)) {
            if (!text.isBlank()) {
                JSON.readTree(text).path("reply").path("tool_calls").forEach(call -> names.add(call.path("name").asText()));
            }
        }
        return names;
    }

    /** The tree id of a fresh copy of the project with its solution.diff applied and committed. */
    private String solutionTree(String project) throws Exception {
        Path expected = ScratchRepository.create(TESTREPOS.resolve(project).resolve("repo"), temp.resolve("solution-" + project));
        PersonIdent who = new PersonIdent("test", "test@ratchet.invalid");
        try (Git git = Git.open(expected.toFile());
             InputStream diff = Files.newInputStream(TESTREPOS.resolve(project).resolve("solution.diff"))) {
            git.apply().setPatch(diff).call();
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage("solution").setAuthor(who).setCommitter(who).setSign(false).setNoVerify(true)
                    .call().getTree().getName();
        }
    }

    /** How the testrepos README says each kind of project runs its tests; an unknown kind fails the test. */
    private static List<String> testCommand(Path repo) {
        if (Files.isRegularFile(repo.resolve("pom.xml"))) {
            return List.of("mvn", "-o", "-q", "test");
        }
        if (Files.isRegularFile(repo.resolve("package.json"))) {
            return List.of("node", "--test");
        }
        try (Stream<Path> files = Files.walk(repo)) {
            if (files.anyMatch(file -> file.toString().endsWith(".py"))) {
                return List.of("python3", "-m", "unittest", "discover");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no known test runner for " + repo + "; teach testCommand about it");
    }

    private static int runTests(List<String> command, Path dir, Path log) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 180 s in " + dir);
        }
        return process.exitValue();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void assumeOnPath(String program) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
        assumeTrue(found, program + " is not installed");
    }
}
