package dev.ratchet.agent;

import dev.ratchet.model.Spend;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended, for the summary line, the JSON output and the exit code.
 *
 * @param testsBefore  failing test ids before the first edit (empty when they passed or no tests ran)
 * @param testsAfter   failing test ids at the end
 * @param testsPassed  whether the last test run passed (null when no tests ran)
 * @param commit       the commit made on the branch, or null
 * @param outcome      the workspace's record of what happened to the changes (committed, uncommitted, …)
 */
public record RunResult(
        String runId,
        StopReason reason,
        String detail,
        int iterations,
        List<String> filesChanged,
        String diff,
        List<String> testsBefore,
        List<String> testsAfter,
        Boolean testsPassed,
        Spend spend,
        String commit,
        String outcome,
        Path transcript) {

    public RunResult {
        filesChanged = List.copyOf(filesChanged);
        testsBefore = List.copyOf(testsBefore);
        testsAfter = List.copyOf(testsAfter);
    }
}
