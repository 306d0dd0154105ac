package dev.ratchet.check;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which tests one iteration fixed, left failing or broke, for the line the user sees after each
 * iteration ("tests 3 failing -> 1 failing (2 fixed)") and for the model's feedback.
 */
public record TestDelta(FailureSummary before, FailureSummary after, Set<String> fixed, Set<String> stillFailing,
        Set<String> newlyFailing) {

    public TestDelta {
        // copies keep the report order, which is the order the user saw the failures in
        fixed = Collections.unmodifiableSet(new LinkedHashSet<>(fixed));
        stillFailing = Collections.unmodifiableSet(new LinkedHashSet<>(stillFailing));
        newlyFailing = Collections.unmodifiableSet(new LinkedHashSet<>(newlyFailing));
    }

    /** Compares two runs of the same check, before and after an iteration's edits. */
    public static TestDelta between(FailureSummary before, FailureSummary after) {
        Set<String> was = before.failingTests();
        Set<String> now = after.failingTests();
        Set<String> fixed = new LinkedHashSet<>(was);
        fixed.removeAll(now);
        if (after.failedWithoutTestResults()) {
            // nothing ran (say, a compile error): no test can be called fixed
            fixed.clear();
        }
        Set<String> still = new LinkedHashSet<>(was);
        still.retainAll(now);
        Set<String> added = new LinkedHashSet<>(now);
        added.removeAll(was);
        return new TestDelta(before, after, fixed, still, added);
    }

    /** E.g. "tests 3 failing -> 1 failing (2 fixed)", "tests 1 failing -> passing", "tests 2 failing -> build broken (exit 1)". */
    public String oneLine() {
        String line = "tests " + state(before) + " -> " + state(after);
        StringBuilder counts = new StringBuilder();
        if (!fixed.isEmpty()) {
            counts.append(fixed.size()).append(" fixed");
        }
        if (!newlyFailing.isEmpty() && !before.failedWithoutTestResults()) {
            counts.append(counts.isEmpty() ? "" : ", ").append(newlyFailing.size()).append(" newly failing");
        }
        return counts.isEmpty() ? line : line + " (" + counts + ")";
    }

    /** The test names behind {@link #oneLine()}, one group per line, for the model and the transcript. */
    public String details() {
        StringBuilder text = new StringBuilder();
        appendGroup(text, "fixed", fixed);
        appendGroup(text, "still failing", stillFailing);
        appendGroup(text, "newly failing", newlyFailing);
        if (after.failedWithoutTestResults()) {
            text.append(text.isEmpty() ? "" : "\n").append("no test results after this iteration: ").append(after.headline());
        }
        return text.toString();
    }

    private static void appendGroup(StringBuilder text, String label, Set<String> ids) {
        if (!ids.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n").append(label).append(": ").append(String.join(", ", ids));
        }
    }

    private static String state(FailureSummary summary) {
        if (summary.passed()) {
            return "passing";
        }
        if (summary.failedWithoutTestResults()) {
            return "failing without test results";
        }
        return summary.failures().size() + " failing";
    }
}
