package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ratchet.model.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detect, run, summarise, fix, run again: on small real projects with real python3, node, sh and mvn. */
class CheckEndToEndTest {
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path root;

    private final TestCommandDetector detector = new TestCommandDetector();
    private final CheckRunner runner = new CheckRunner();
    private final FailureSummarizer summarizer = new FailureSummarizer(TOKENS);

    @Test
    void pythonUnittestProject() throws IOException {
        assumeOnPath("python3");
        write("calc.py", "def add(a, b):\n    return a - b\n");
        write("tests/test_calc.py", String.join("\n",
                "import unittest",
                "from calc import add",
                "",
                "class CalcTest(unittest.TestCase):",
                "    def test_add(self):",
                "        self.assertEqual(add(1, 2), 3)",
                "",
                "    def test_zero(self):",
                "        self.assertEqual(add(0, 0), 0)",
                ""));
        CheckCommand command = detector.detect(root).orElseThrow();
        assertThat(command.commandLine()).isEqualTo("python3 -m unittest discover -s tests");

        FailureSummary before = summarize(runner.run(command, TIMEOUT));

        assertThat(before.failingTests()).containsExactly("test_calc.CalcTest#test_add");
        assertThat(before.failures().get(0).message()).isEqualTo("AssertionError: -1 != 3");
        assertThat(before.failures().get(0).locations()).containsExactly(new SourceLocation("tests/test_calc.py", 6, "test_add"));
        assertThat(before.forModel()).contains("1 test failed (from the test output):");

        write("calc.py", "def add(a, b):\n    return a + b\n");
        FailureSummary after = summarize(runner.run(command, TIMEOUT));

        assertThat(after.passed()).isTrue();
        assertThat(TestDelta.between(before, after).oneLine()).isEqualTo("tests 1 failing -> passing (1 fixed)");
    }

    @Test
    void nodeBuiltInTestRunnerProject() throws IOException {
        assumeOnPath("node");
        assumeOnPath("npm");
        write("package.json", "{\"name\": \"calc\", \"scripts\": {\"test\": \"node --test\"}}");
        write("calc.js", "exports.add = (a, b) => a - b;\nexports.mul = (a, b) => a * b;\n");
        write("test/calc.test.js", String.join("\n",
                "const test = require('node:test');",
                "const assert = require('node:assert');",
                "const { add, mul } = require('../calc');",
                "test('adds', () => { assert.strictEqual(add(1, 2), 3); });",
                "test('multiplies', () => { assert.strictEqual(mul(2, 3), 6); });",
                ""));
        CheckCommand command = detector.detect(root).orElseThrow();
        assertThat(command.argv()).containsExactly("npm", "test");

        FailureSummary summary = summarize(runner.run(command, TIMEOUT));

        assertThat(summary.failingTests()).containsExactly("adds");
        assertThat(summary.failures().get(0).message()).contains("-1 !== 3");
        assertThat(summary.failures().get(0).locations()).extracting(SourceLocation::path).containsOnly("test/calc.test.js");
    }

    @Test
    void shellTestCommandFromTheUser() throws IOException {
        write("check.sh", "echo 'checking...'\necho 'FAIL: widget is blue, expected red' >&2\nexit 4\n");
        CheckCommand command = detector.resolve(root, Optional.of("sh check.sh && echo never"), "--test-cmd");

        CheckResult result = runner.run(command, TIMEOUT);
        FailureSummary summary = summarize(result);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(summary.failedWithoutTestResults()).isTrue();
        assertThat(summary.forModel()).isEqualTo(String.join("\n",
                "`sh check.sh && echo never` failed (exit 4) after " + seconds(result) + ".",
                "No failing test could be named; the output below shows what went wrong (often a build or import error).",
                "",
                "Output (the lines that matter, and the end):",
                "checking...",
                "FAIL: widget is blue, expected red"));
    }

    @Test
    void realMavenRunWithSurefireReports() throws IOException {
        assumeOnPath("mvn");
        for (String file : List.of("pom.xml", "src/main/java/com/example/Calc.java", "src/test/java/com/example/CalcTest.java")) {
            try (InputStream in = getClass().getResourceAsStream("/check/maven-project/" + file)) {
                write(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        CheckCommand detected = detector.detect(root).orElseThrow();
        assertThat(detected.argv()).containsExactly("mvn", "-B", "-q", "test");
        // offline: this project uses the plugins and JUnit version ratchet's own build has already fetched
        List<String> argv = new ArrayList<>(List.of("mvn", "-o", "-B", "-q"));
        Optional.ofNullable(System.getProperty("maven.repo.local")).ifPresent(repo -> argv.add("-Dmaven.repo.local=" + repo));
        argv.add("test");
        CheckCommand offline = new CheckCommand(argv, root, detected.reason());

        FailureSummary summary = summarize(runner.run(offline, TIMEOUT));

        assertThat(summary.evidence()).isEqualTo("1 JUnit XML report");
        assertThat(summary.testsRun()).isEqualTo(3);
        assertThat(summary.failingTests()).containsExactly("com.example.CalcTest#adds", "com.example.CalcTest#divides");
        assertThat(summary.failures().get(1).locations()).containsExactly(
                new SourceLocation("src/main/java/com/example/Calc.java", 9, "Calc.divide"),
                new SourceLocation("src/test/java/com/example/CalcTest.java", 15, "CalcTest.divides"));
    }

    private static void assumeOnPath(String program) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
        assumeTrue(found, program + " is not installed");
    }

    private FailureSummary summarize(CheckResult result) {
        return summarizer.summarize(result, root, 1500);
    }

    private static String seconds(CheckResult result) {
        return String.format(java.util.Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0);
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
