package dev.ratchet.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a check run means for the next iteration: did it pass, which tests failed and where, and
 * the text the model reads, already cut to the token budget it was given.
 *
 * @param headline e.g. "`mvn -B -q test` failed (exit 1) after 4.2 s"
 * @param testsRun tests counted in the XML reports, or -1 when only the console output was read
 * @param evidence where the failures come from: "2 JUnit XML reports" or "the test output"
 * @param forModel the summary for the model, at most the budgeted number of tokens
 * @param tokens tokens in {@code forModel}
 */
public record FailureSummary(
        String headline,
        boolean passed,
        List<TestFailure> failures,
        int testsRun,
        String evidence,
        String forModel,
        int tokens) {

    public FailureSummary {
        failures = List.copyOf(failures);
    }

    /** Ids of the failing tests, in report order. */
    public Set<String> failingTests() {
        Set<String> ids = new LinkedHashSet<>();
        failures.forEach(failure -> ids.add(failure.testId()));
        return ids;
    }

    /** True when the run failed but no test could be named: a build error, a crash, a timeout. */
    public boolean failedWithoutTestResults() {
        return !passed && failures.isEmpty();
    }
}
