package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.model.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureSummarizerTest {
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final String MAVEN_TAIL = String.join("\n",
            "[ERROR] Failures: ",
            "[ERROR]   CalcTest.adds:10 expected: <3> but was: <-1>",
            "[ERROR] Errors: ",
            "[ERROR]   CalcTest.divides:15 » Arithmetic / by zero",
            "[ERROR] Tests run: 3, Failures: 1, Errors: 1, Skipped: 0",
            "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.6.1:test (default-test) on project calc: There are test failures.",
            "");

    @TempDir
    Path root;

    private final FailureSummarizer summarizer = new FailureSummarizer(TOKENS);

    @Test
    void surefireReportGivesTestsMessagesAndTheRepositorysOwnFrames() throws IOException {
        mavenSources();
        Instant started = Instant.now();
        copyFixture("reports/TEST-com.example.CalcTest.xml", "target/surefire-reports/TEST-com.example.CalcTest.xml");

        String boilerplate = String.join("\n",
                "[ERROR] ",
                "[ERROR] See /tmp/x/target/surefire-reports for the individual test results.",
                "[ERROR] See dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.",
                "[ERROR] -> [Help 1]",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
                "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
                "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException",
                "");

        FailureSummary summary = summarizer.summarize(failed(started, MAVEN_TAIL + boilerplate), root, 2000);

        assertThat(summary.passed()).isFalse();
        assertThat(summary.testsRun()).isEqualTo(3);
        assertThat(summary.evidence()).isEqualTo("1 JUnit XML report");
        assertThat(summary.failures()).containsExactly(
                new TestFailure("com.example.CalcTest#adds", "AssertionFailedError: expected: <3> but was: <-1>",
                        List.of(new SourceLocation("src/test/java/com/example/CalcTest.java", 10, "CalcTest.adds"))),
                new TestFailure("com.example.CalcTest#divides", "ArithmeticException: / by zero",
                        List.of(new SourceLocation("src/main/java/com/example/Calc.java", 9, "Calc.divide"),
                                new SourceLocation("src/test/java/com/example/CalcTest.java", 15, "CalcTest.divides"))));
        assertThat(summary.forModel()).isEqualTo(String.join("\n",
                "`mvn -B -q test` failed (exit 1) after 4.0 s.",
                "2 of 3 tests failed (from 1 JUnit XML report):",
                "",
                "1. com.example.CalcTest#adds",
                "   AssertionFailedError: expected: <3> but was: <-1>",
                "   at src/test/java/com/example/CalcTest.java:10 (CalcTest.adds)",
                "",
                "2. com.example.CalcTest#divides",
                "   ArithmeticException: / by zero",
                "   at src/main/java/com/example/Calc.java:9 (Calc.divide)",
                "   at src/test/java/com/example/CalcTest.java:15 (CalcTest.divides)",
                "",
                "End of the output:",
                MAVEN_TAIL.strip(),
                "[ERROR] See /tmp/x/target/surefire-reports for the individual test results."));
        assertThat(summary.tokens()).isEqualTo(TOKENS.count(summary.forModel()));
    }

    @Test
    void reportsFromBeforeTheRunAreIgnored() throws IOException {
        mavenSources();
        copyFixture("reports/TEST-com.example.CalcTest.xml", "target/surefire-reports/TEST-com.example.CalcTest.xml");
        Files.setLastModifiedTime(root.resolve("target/surefire-reports/TEST-com.example.CalcTest.xml"),
                FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        String compileError = "[ERROR] COMPILATION ERROR : \n"
                + "[ERROR] " + root + "/src/main/java/com/example/Calc.java:[5,16] cannot find symbol\n"
                + "  symbol:   variable c\n";

        FailureSummary summary = summarizer.summarize(failed(Instant.now(), compileError), root, 2000);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.failedWithoutTestResults()).isTrue();
        assertThat(summary.evidence()).isEqualTo("the test output");
        assertThat(summary.forModel())
                .contains("No failing test could be named")
                .contains("Calc.java:[5,16] cannot find symbol");
    }

    @Test
    void aReportFromTheRunJustBeforeIsIgnoredEvenWithinTheSameSecond() throws IOException {
        // the previous run wrote its report 30 ms before this run started (a replayed model answers at once)
        copyFixture("reports/TEST-com.example.CalcTest.xml", "target/surefire-reports/TEST-com.example.CalcTest.xml");
        Instant previousRunWrote = Files.getLastModifiedTime(
                root.resolve("target/surefire-reports/TEST-com.example.CalcTest.xml")).toInstant();

        FailureSummary summary = summarizer.summarize(failed(previousRunWrote.plusMillis(30), "BUILD FAILURE\n"), root, 2000);

        assertThat(summary.failedWithoutTestResults()).isTrue();
    }

    @Test
    void timestampsAreComparedWithATickOfSlackOrByTheSecondOnCoarseFileSystems() {
        Instant started = Instant.parse("2026-11-25T08:00:00.700Z");

        assertThat(JUnitXmlReports.writtenSince(Instant.parse("2026-11-25T08:00:00Z"), started)).isTrue();
        assertThat(JUnitXmlReports.writtenSince(Instant.parse("2026-11-25T08:00:00.650Z"), started)).isFalse();
        assertThat(JUnitXmlReports.writtenSince(Instant.parse("2026-11-25T08:00:00.690Z"), started)).isTrue();
        assertThat(JUnitXmlReports.writtenSince(Instant.parse("2026-11-25T08:00:00.701Z"), started)).isTrue();
        assertThat(JUnitXmlReports.writtenSince(Instant.parse("2026-11-25T07:59:59Z"), started)).isFalse();
    }

    @Test
    void pytestJunitXmlWrittenAnywhereInTheRepository() throws IOException {
        Files.writeString(root.resolve("calc.py"), "");
        Files.writeString(root.resolve("test_calc.py"), "");
        Instant started = Instant.now();
        copyFixture("reports/pytest-report.xml", "reports/pytest.xml");

        FailureSummary summary = summarizer.summarize(failed(started, "2 failed, 1 passed\n"), root, 2000);

        assertThat(summary.testsRun()).isEqualTo(3);
        assertThat(summary.failingTests()).containsExactly("test_calc.CalcTest#test_add", "test_calc.CalcTest#test_div");
        assertThat(summary.failures().get(1).message()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(summary.failures().get(1).locations()).containsExactly(
                new SourceLocation("test_calc.py", 7, ""), new SourceLocation("calc.py", 4, ""));
    }

    @Test
    void aReportCutShortByAKilledRunIsSkipped() throws IOException {
        Instant started = Instant.now();
        Files.createDirectories(root.resolve("target/surefire-reports"));
        Files.writeString(root.resolve("target/surefire-reports/TEST-x.xml"),
                "<?xml version=\"1.0\"?><testsuite name=\"x\"><testcase name=\"a\" classname=\"X\"><failure message=\"m");

        FailureSummary summary = summarizer.summarize(failed(started, "FAILED test_x.py::test_a - assert 1 == 2\n"), root, 2000);

        assertThat(summary.evidence()).isEqualTo("the test output");
        assertThat(summary.failingTests()).containsExactly("test_x.py::test_a");
    }

    @Test
    void manyFailuresAreCutToTheTokenBudgetAndTheRestAreNamed() throws IOException {
        Instant started = Instant.now();
        StringBuilder xml = new StringBuilder("<testsuite name=\"big\" tests=\"300\">");
        for (int i = 0; i < 300; i++) {
            xml.append("<testcase classname=\"com.example.BigTest\" name=\"case").append(i).append("\">")
                    .append("<failure message=\"expected ").append(i).append(" but got something rather different\" ")
                    .append("type=\"java.lang.AssertionError\">java.lang.AssertionError\n\tat x.Y.z(Y.java:1)</failure></testcase>");
        }
        Files.createDirectories(root.resolve("build/test-results/test"));
        Files.writeString(root.resolve("build/test-results/test/TEST-com.example.BigTest.xml"), xml.append("</testsuite>"));

        FailureSummary summary = summarizer.summarize(failed(started, "x\n".repeat(5000)), root, 500);

        assertThat(summary.failures()).hasSize(300);
        assertThat(summary.tokens()).isLessThanOrEqualTo(500).isEqualTo(TOKENS.count(summary.forModel()));
        assertThat(summary.forModel())
                .startsWith("`mvn -B -q test` failed (exit 1) after 4.0 s.\n300 of 300 tests failed")
                .contains("1. com.example.BigTest#case0\n   AssertionError: expected 0 but got something rather different")
                .containsPattern("\\.\\.\\.and \\d+ more failing: com\\.example\\.BigTest#case\\d+");
    }

    @Test
    void aFailureWithAHugeMessageIsShortenedRatherThanDropped() throws IOException {
        Instant started = Instant.now();
        String huge = "expected:\n" + "a line of a very long diff that goes on and on\n".repeat(400);
        Files.createDirectories(root.resolve("target/surefire-reports"));
        Files.writeString(root.resolve("target/surefire-reports/TEST-x.xml"),
                "<testsuite><testcase classname=\"com.example.DiffTest\" name=\"bigDiff\"><failure type=\"java.lang.AssertionError\" "
                        + "message=\"" + huge.replace("\n", "&#10;") + "\">java.lang.AssertionError</failure></testcase></testsuite>");

        FailureSummary summary = summarizer.summarize(failed(started, ""), root, 300);

        assertThat(summary.tokens()).isLessThanOrEqualTo(300);
        assertThat(summary.forModel()).contains("1. com.example.DiffTest#bigDiff\n   AssertionError: expected:");
    }

    @Test
    void theBudgetHoldsEvenWhenItIsTiny() {
        FailureSummary summary = summarizer.summarize(failed(Instant.now(), "error: everything broke\n".repeat(100)), root, 8);

        assertThat(summary.tokens()).isLessThanOrEqualTo(8);
        assertThat(summary.forModel()).isNotEmpty();
    }

    @Test
    void longOutputWithoutReportsKeepsTheFirstErrorAndTheEnd() {
        StringBuilder output = new StringBuilder("error: the first thing that broke\n");
        for (int i = 0; i < 3000; i++) {
            output.append("warning: noisy line number ").append(i).append(" failed to be quiet\n");
        }
        output.append("Ran 12 tests: FAILED (errors=1)\n");

        FailureSummary summary = summarizer.summarize(failed(Instant.now(), output.toString()), root, 400);

        assertThat(summary.tokens()).isLessThanOrEqualTo(400);
        assertThat(summary.forModel())
                .contains("error: the first thing that broke")
                .containsPattern("\\[\\.\\.\\. \\d+ lines \\.\\.\\.\\]")
                .endsWith("Ran 12 tests: FAILED (errors=1)");
    }

    @Test
    void cuttingAnExcerptFoldsBorderingGapMarkersIntoOneWithTheRightCount() {
        List<String> excerpt = List.of("first error", "[... 5 lines ...]", "middle", "[... 7 lines ...]", "last line");
        int all = TOKENS.count(String.join("\n", excerpt));

        String cut = summarizer.fitKeepingEnds(excerpt, all - 1);

        // the 15 lines the excerpt stands for are all still accounted for, behind a single marker
        assertThat(cut.lines()).filteredOn(line -> line.startsWith("[... ")).hasSize(1);
        assertThat(cut.lines().mapToInt(line -> Math.max(1, TestOutputScanner.gapSize(line))).sum()).isEqualTo(15);
        assertThat(cut).endsWith("last line");
    }

    @Test
    void aHugeLineIsCutSoTheEndOfTheOutputStillFits() {
        String output = "error: bundle failed\n" + "x".repeat(100_000) + "\nTests: 1 failed, 3 passed\n";

        FailureSummary summary = summarizer.summarize(failed(Instant.now(), output), root, 600);

        assertThat(summary.tokens()).isLessThanOrEqualTo(600);
        assertThat(summary.forModel()).contains("[... line cut]").endsWith("Tests: 1 failed, 3 passed");
    }

    @Test
    void aPassingRunIsOneLine() {
        CheckResult passed = new CheckResult(command(), Instant.now(), Duration.ofMillis(1500), 0, false, false, "ok\n", 0);

        FailureSummary summary = summarizer.summarize(passed, root, 100);

        assertThat(summary.passed()).isTrue();
        assertThat(summary.failingTests()).isEmpty();
        assertThat(summary.forModel()).isEqualTo("`mvn -B -q test` passed after 1.5 s.");
    }

    @Test
    void aTimeoutSaysSoAndShowsWhereItStopped() {
        CheckResult timedOut = new CheckResult(command(), Instant.now(), Duration.ofSeconds(60), 143, true, false,
                "test_fast ... ok\ntest_forever ...", 0);

        FailureSummary summary = summarizer.summarize(timedOut, root, 300);

        assertThat(summary.forModel())
                .startsWith("`mvn -B -q test` timed out and was stopped after 60.0 s.\nIt was stopped because it ran past its time limit")
                .endsWith("test_forever ...");
    }

    @Test
    void lintOutputIsKeptWholeWhenItFits() {
        CheckCommand lint = CheckCommand.shell("ruff check .", root, "--lint-cmd");
        String output = "calc.py:1:8: F401 [*] `os` imported but unused\ncalc.py:4:5: E741 Ambiguous variable name: `l`\nFound 2 errors.\n";
        CheckResult result = new CheckResult(lint, Instant.now(), Duration.ofMillis(300), 1, false, false, output, 0);

        FailureSummary summary = summarizer.summarizeLint(result, 500);

        assertThat(summary.passed()).isFalse();
        assertThat(summary.forModel()).isEqualTo("`ruff check .` failed (exit 1) after 0.3 s.\n\nOutput:\n" + output.strip());
    }

    private CheckResult failed(Instant started, String output) {
        return new CheckResult(command(), started, Duration.ofSeconds(4), 1, false, false, output, 0);
    }

    private CheckCommand command() {
        return CheckCommand.of(root, "pom.xml found -> mvn -B -q test", "mvn", "-B", "-q", "test");
    }

    private void mavenSources() throws IOException {
        for (String file : List.of("src/main/java/com/example/Calc.java", "src/test/java/com/example/CalcTest.java")) {
            copyFixture("maven-project/" + file, file);
        }
    }

    private void copyFixture(String resource, String target) throws IOException {
        Path file = root.resolve(target);
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/check/" + resource)) {
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ROOT@", root.toString()));
        }
    }
}
