package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runner output captured from real runs (python 3.11, pytest 9, node 20, cargo 1.9x), paths replaced by @ROOT@. */
class TestOutputScannerTest {
    @TempDir
    Path root;

    @Test
    void unittestFailuresAndErrorsWithTheirFramesInTheRepo() throws IOException {
        touch("calc.py", "test_calc.py");

        List<TestFailure> failures = scan("unittest.txt");

        assertThat(failures).extracting(TestFailure::testId)
                .containsExactly("test_calc.CalcTest#test_div", "test_calc.CalcTest#test_add");
        assertThat(failures.get(0).message()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(failures.get(0).locations()).containsExactly(
                new SourceLocation("test_calc.py", 7, "test_div"), new SourceLocation("calc.py", 4, "div"));
        assertThat(failures.get(1).message()).isEqualTo("AssertionError: -1 != 3");
        assertThat(failures.get(1).locations()).containsExactly(new SourceLocation("test_calc.py", 5, "test_add"));
    }

    @Test
    void unittestMessageIsTheExceptionWithTheDiffThatFollowsIt() throws IOException {
        touch("tests/test_parser.py");
        String output = String.join("\n",
                "======================================================================",
                "FAIL: test_drops_comments (tests.test_parser.LoadsTest.test_drops_comments)",
                "----------------------------------------------------------------------",
                "Traceback (most recent call last):",
                "  File \"" + root + "/tests/test_parser.py\", line 33, in test_drops_comments",
                "    self.assertEqual({\"a\": \"1\"}, config)",
                "AssertionError: {'a': '1'} != {'a': '1 ; note'}",
                "- {'a': '1'}",
                "+ {'a': '1 ; note'}",
                "",
                "----------------------------------------------------------------------",
                "Ran 1 test in 0.001s");

        List<TestFailure> failures = scanner().failures(TestOutputScanner.cleanLines(output));

        assertThat(failures).containsExactly(new TestFailure("tests.test_parser.LoadsTest#test_drops_comments",
                "AssertionError: {'a': '1'} != {'a': '1 ; note'}\n- {'a': '1'}\n+ {'a': '1 ; note'}",
                List.of(new SourceLocation("tests/test_parser.py", 33, "test_drops_comments"))));
    }

    @Test
    void pytestShortSummaryWithLocationsFromEachFailureSection() throws IOException {
        touch("calc.py", "test_calc.py");

        List<TestFailure> failures = scan("pytest.txt");

        assertThat(failures).extracting(TestFailure::testId)
                .containsExactly("test_calc.py::CalcTest::test_add", "test_calc.py::CalcTest::test_div");
        assertThat(failures.get(0).message()).isEqualTo("AssertionError: -1 != 3");
        assertThat(failures.get(0).locations()).containsExactly(new SourceLocation("test_calc.py", 5, ""));
        assertThat(failures.get(1).locations()).containsExactly(
                new SourceLocation("test_calc.py", 7, ""), new SourceLocation("calc.py", 4, ""));
    }

    @Test
    void nodeTapReporterNamesNestedTestsAndSkipsTheFailedSuite() throws IOException {
        touch("calc.js", "test/calc.test.js");

        List<TestFailure> failures = scan("node-tap.txt");

        assertThat(failures).extracting(TestFailure::testId).containsExactly("adds numbers", "group > nested fails");
        assertThat(failures.get(0).message()).isEqualTo("Expected values to be strictly equal:\n-1 !== 3");
        assertThat(failures.get(0).locations()).first().isEqualTo(new SourceLocation("test/calc.test.js", 4, ""));
        assertThat(failures.get(0).locations()).extracting(SourceLocation::path).containsOnly("test/calc.test.js");
        assertThat(failures.get(1).message()).isEqualTo("boom");
    }

    @Test
    void nodeSpecReporterGivesTheSameIdsAsTap() throws IOException {
        touch("calc.js", "test/calc.test.js");

        List<TestFailure> failures = scan("node-spec.txt");

        assertThat(failures).extracting(TestFailure::testId).containsExactly("adds numbers", "group > nested fails");
        assertThat(failures.get(0).message())
                .isEqualTo("AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n-1 !== 3");
        assertThat(failures.get(0).locations()).containsExactly(
                new SourceLocation("test/calc.test.js", 4, "TestContext.<anonymous>"));
        assertThat(failures.get(1).message()).isEqualTo("Error: boom");
    }

    @Test
    void jestFailureBlocks() throws IOException {
        touch("src/calc.test.js");

        List<TestFailure> failures = scan("jest.txt");

        assertThat(failures).extracting(TestFailure::testId).containsExactly("Calc › adds numbers");
        assertThat(failures.get(0).message())
                .isEqualTo("expect(received).toBe(expected) // Object.is equality\nExpected: 3\nReceived: -1");
        assertThat(failures.get(0).locations()).containsExactly(new SourceLocation("src/calc.test.js", 5, "Object.toBe"));
    }

    @Test
    void goTestNamesSubtestsInsteadOfTheirParentsAndFindsPackageRelativeFiles() throws IOException {
        touch("go.mod", "pkg/calc/calc_test.go");

        List<TestFailure> failures = scan("go.txt");

        assertThat(failures).extracting(TestFailure::testId).containsExactly("TestAdd", "TestTable/negatives");
        assertThat(failures.get(0).message()).isEqualTo("calc_test.go:8: Add(1, 2) = -1, want 3");
        assertThat(failures.get(0).locations()).containsExactly(new SourceLocation("pkg/calc/calc_test.go", 8, ""));
        assertThat(failures.get(1).locations()).containsExactly(new SourceLocation("pkg/calc/calc_test.go", 21, ""));
    }

    @Test
    void cargoPanicsWithTheirAssertionAndOnlyTheCratesOwnFrames() throws IOException {
        touch("Cargo.toml", "src/lib.rs");

        List<TestFailure> failures = scan("cargo.txt");

        assertThat(failures).extracting(TestFailure::testId).containsExactly("tests::adds");
        assertThat(failures.get(0).message()).isEqualTo("assertion `left == right` failed\nleft: -1\nright: 3");
        assertThat(failures.get(0).locations()).extracting(SourceLocation::path).containsOnly("src/lib.rs");
        assertThat(failures.get(0).locations()).first().isEqualTo(new SourceLocation("src/lib.rs", 6, ""));
    }

    @Test
    void mavenConsoleFailuresWhenThereAreNoReports() throws IOException {
        touch("src/test/java/com/example/CalcTest.java");
        String output = String.join("\n",
                "[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.041 s <<< FAILURE! -- in com.example.CalcTest",
                "[ERROR] com.example.CalcTest.adds -- Time elapsed: 0.012 s <<< FAILURE!",
                "org.opentest4j.AssertionFailedError: expected: <3> but was: <-1>",
                "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)",
                "\tat com.example.CalcTest.adds(CalcTest.java:12)",
                "",
                "[ERROR] Failures: ");

        List<TestFailure> failures = scanner().failures(TestOutputScanner.cleanLines(output));

        assertThat(failures).containsExactly(new TestFailure("com.example.CalcTest#adds",
                "org.opentest4j.AssertionFailedError: expected: <3> but was: <-1>",
                List.of(new SourceLocation("src/test/java/com/example/CalcTest.java", 12, "CalcTest.adds"))));
    }

    @Test
    void cleanLinesDropsColourCodesAndProgressOverwrites() {
        String output = "\u001B[31mFAIL\u001B[0m x\r\nbuilding 10%\rbuilding 100%\ndone\n";

        assertThat(TestOutputScanner.cleanLines(output)).containsExactly("FAIL x", "building 100%", "done");
    }

    @Test
    void relevantLinesKeepFailuresTracebacksAndTheTailWithGapsMarked() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lines.add("compiling module " + i);
        }
        lines.add("Traceback (most recent call last):");
        lines.add("  File \"x.py\", line 3, in <module>");
        lines.add("    import missing");
        lines.add("ModuleNotFoundError: No module named 'missing'");
        lines.add("");
        for (int i = 51; i <= 100; i++) {
            lines.add("cleanup step " + i);
        }

        List<String> kept = scanner().relevantLines(lines, 3);

        assertThat(kept).containsExactly(
                "[... 48 lines ...]",
                "compiling module 49",
                "compiling module 50",
                "Traceback (most recent call last):",
                "  File \"x.py\", line 3, in <module>",
                "    import missing",
                "ModuleNotFoundError: No module named 'missing'",
                "",
                "cleanup step 51",
                "cleanup step 52",
                "cleanup step 53",
                "[... 44 lines ...]",
                "cleanup step 98",
                "cleanup step 99",
                "cleanup step 100");
    }

    private List<TestFailure> scan(String fixture) throws IOException {
        String output;
        try (InputStream in = getClass().getResourceAsStream("/check/output/" + fixture)) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ROOT@", root.toString());
        }
        return scanner().failures(TestOutputScanner.cleanLines(output));
    }

    private TestOutputScanner scanner() {
        return new TestOutputScanner(new RepoStackFrames(root));
    }

    private void touch(String... relativePaths) throws IOException {
        for (String relative : relativePaths) {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
    }
}
