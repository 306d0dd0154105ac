package dev.ratchet.hook;

import dev.ratchet.check.CheckResult;
import dev.ratchet.check.FailureSummary;
import dev.ratchet.check.SourceLocation;
import dev.ratchet.check.TestFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed test or lint run into {@code path:line: message} findings, one per failure. */
final class CheckFindings {
    private static final Pattern LOCATED = Pattern.compile("^([^\\s:][^:]*):(\\d+)(?::\\d+)?:\\s*(.+)$");
    private static final int TAIL_LINES = 3;
    private static final int MAX_MESSAGE = 300;

    private CheckFindings() {
    }

    static List<Finding> ofTests(CheckResult result, FailureSummary summary) {
        if (result.passed()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (TestFailure failure : summary.failures()) {
            String message = cut(failure.testId() + ": " + failure.message().lines().findFirst().orElse("failed"));
            if (failure.locations().isEmpty()) {
                findings.add(Finding.general(message, true));
            } else {
                SourceLocation where = failure.locations().get(0);
                findings.add(new Finding(where.path(), where.line(), message, true));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.general(withTail(result), true));
        }
        return findings;
    }

    static List<Finding> ofLint(CheckResult result) {
        if (result.passed()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            Matcher match = LOCATED.matcher(line.strip());
            if (match.matches()) {
                findings.add(new Finding(match.group(1), Integer.parseInt(match.group(2)), cut(match.group(3)), true));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.general(withTail(result), true));
        }
        return findings;
    }

    /** The headline and the last lines of output, which is where a failing script says why. */
    private static String withTail(CheckResult result) {
        List<String> lines = result.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        String headline = result.headline();
        return tail.isEmpty() ? headline : headline + ": " + cut(String.join(" | ", tail));
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
