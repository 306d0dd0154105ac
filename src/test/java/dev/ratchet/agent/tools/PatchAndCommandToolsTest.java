package dev.ratchet.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratchet.check.CheckCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply_patch through the applier and the workspace; run_command behind the allow-list; run_tests narrowing. */
class PatchAndCommandToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALC = "def add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n    return a - b\n";

    @TempDir
    Path temp;

    private static String patchCall(String patch) throws Exception {
        return JSON.writeValueAsString(Map.of("patch", patch));
    }

    @Test
    void aWrongHunkIsRefusedWithTheClosestLinesAndChangesNothingThenARightOneApplies() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, "calc.py", CALC);
        Toolbox tools = repo.toolbox();

        ToolOutcome wrong = tools.call(ToolRepo.call("apply_patch", patchCall("*** Begin Patch\n*** Update File: calc.py\n"
                + "@@ def add(x, y):\n-    return x - y\n+    return x + y\n*** End Patch\n")));

        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.forModel()).contains("Patch NOT applied; no file was changed.").contains("- calc.py")
                .contains("matches no line").contains("closest lines in calc.py now:").contains("1: def add(a, b):");
        assertThat(wrong.effect()).isInstanceOf(ToolOutcome.Effect.Patched.class);
        assertThat(Files.readString(repo.root.resolve("calc.py"))).isEqualTo(CALC);

        ToolOutcome right = tools.call(ToolRepo.call("apply_patch", patchCall("*** Begin Patch\n*** Update File: calc.py\n"
                + "@@ def add(a, b):\n-    return a - b\n+    return a + b\n*** End Patch\n")));

        assertThat(right.ok()).isTrue();
        assertThat(right.forModel()).isEqualTo("Patch applied. Changed: update calc.py (1 hunk).\n");
        assertThat(right.summary()).isEqualTo("applied: calc.py");
        assertThat(Files.readString(repo.root.resolve("calc.py"))).startsWith("def add(a, b):\n    return a + b\n");
    }

    @Test
    void aCommandOffTheAllowListIsRefusedWithAReasonAndNotRun() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, "a.txt", "a\n");
        Toolbox tools = repo.toolbox();

        ToolOutcome outcome = tools.call(ToolRepo.call("run_command", "{\"command\": \"touch made.txt\"}"));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.forModel()).contains("the command was not run").contains("no --allow-command");
        assertThat(repo.root.resolve("made.txt")).doesNotExist();
    }

    @Test
    void anAllowListedCommandRunsAndItsOutputComesBack() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, "a.txt", "hello\n");
        Toolbox tools = repo.toolbox(new CommandAllowList(List.of("cat")), CommandApproval.NOBODY);

        ToolOutcome outcome = tools.call(ToolRepo.call("run_command", "{\"command\": \"cat a.txt\"}"));

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.forModel()).contains("`cat a.txt` passed").contains("allowed by the allow-list entry \"cat\"")
                .contains("hello");
    }

    @Test
    void metacharactersDoNotSlipThroughTheEntryForTheFirstWordButAPersonMayApprove() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, "a.txt", "hello\n");
        List<String> asked = new ArrayList<>();
        Toolbox refusing = repo.toolbox(new CommandAllowList(List.of("cat")), command -> {
            asked.add(command);
            return false;
        });

        ToolOutcome outcome = refusing.call(ToolRepo.call("run_command", "{\"command\": \"cat a.txt; touch pwned\"}"));

        assertThat(outcome.forModel()).contains("shell metacharacter ';'").contains("never allows such commands");
        assertThat(asked).containsExactly("cat a.txt; touch pwned");
        assertThat(repo.root.resolve("pwned")).doesNotExist();

        Toolbox approving = repo.toolbox(new CommandAllowList(List.of("cat")), command -> true);
        ToolOutcome approved = approving.call(ToolRepo.call("run_command", "{\"command\": \"cat a.txt && echo done\"}"));
        assertThat(approved.forModel()).contains("approved by the user").contains("hello").contains("done");
    }

    @Test
    void runTestsNarrowsOnlyRunnersWhoseCommandLineSaysHow() {
        Path dir = temp;
        assertThat(RunTestsTool.narrow(CheckCommand.of(dir, "r", "python3", "-m", "unittest", "discover", "-s", "tests"),
                List.of("tests.test_parser")).orElseThrow().argv()).containsExactly("python3", "-m", "unittest", "tests.test_parser");
        assertThat(RunTestsTool.narrow(CheckCommand.of(dir, "r", "mvn", "-B", "-q", "test"), List.of("ATest", "BTest"))
                .orElseThrow().argv()).endsWith("-Dtest=ATest,BTest", "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(RunTestsTool.narrow(CheckCommand.of(dir, "r", "npm", "test"), List.of("test/money.test.js"))
                .orElseThrow().argv()).containsExactly("npm", "test", "--", "test/money.test.js");
        assertThat(RunTestsTool.narrow(CheckCommand.of(dir, "r", "go", "test", "./..."), List.of("TestA", "TestB"))
                .orElseThrow().argv()).containsExactly("go", "test", "./...", "-run", "TestA|TestB");
        assertThat(RunTestsTool.narrow(CheckCommand.shell("make check", dir, "--test-cmd"), List.of("x"))).isEmpty();
    }
}
