package dev.ratchet.check;

import dev.ratchet.model.TokenCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link CheckResult} into a {@link FailureSummary}: failing tests from the JUnit XML
 * reports the run wrote (or, without reports, from the console output), the stack frames in the
 * repository's own files, and a text for the model that fits a token budget. Failures come first
 * in that text, then the output lines that look relevant, then the tail of the output.
 */
public final class FailureSummarizer {
    private static final int TAIL_LINES = 20;
    private static final int MIN_OUTPUT_TOKENS = 40;
    private static final int MAX_LINE_CHARS = 500;
    private static final int SHORT_MESSAGE_CHARS = 160;

    private final TokenCounter tokens;

    public FailureSummarizer(TokenCounter tokens) {
        this.tokens = tokens;
    }

    /**
     * @param repoRoot the repository the command ran in; reports and stack frames are looked up there
     * @param tokenBudget the most tokens {@link FailureSummary#forModel()} may have
     */
    public FailureSummary summarize(CheckResult result, Path repoRoot, int tokenBudget) {
        String headline = result.headline();
        if (result.passed()) {
            String text = fit(List.of(headline + "."), tokenBudget);
            return new FailureSummary(headline, true, List.of(), -1, "the exit code", text, tokens.count(text));
        }
        RepoStackFrames frames = new RepoStackFrames(repoRoot);
        TestOutputScanner scanner = new TestOutputScanner(frames);
        List<String> lines = TestOutputScanner.cleanLines(result.output());
        JUnitXmlReports.Reported reported = new JUnitXmlReports(repoRoot, frames).readWrittenSince(result.startedAt());

        List<TestFailure> failures;
        String evidence;
        int testsRun;
        List<String> output;
        if (!reported.failures().isEmpty()) {
            failures = reported.failures();
            int files = reported.reportFiles().size();
            evidence = files + " JUnit XML report" + (files == 1 ? "" : "s");
            testsRun = reported.testsRun();
            // the reports already hold the failures; the console adds only how the run ended
            output = TestOutputScanner.tail(lines, TAIL_LINES);
        } else {
            failures = scanner.failures(lines);
            evidence = "the test output";
            testsRun = -1;
            output = scanner.relevantLines(lines, TAIL_LINES);
        }
        String text = render(result, headline, failures, testsRun, evidence, !reported.failures().isEmpty(),
                capLines(output), tokenBudget);
        return new FailureSummary(headline, false, failures, testsRun, evidence, text, tokens.count(text));
    }

    /**
     * For a lint command: no tests to name, and every line of a linter's output is a finding, so
     * the output is kept whole, or its start and end when it does not fit the budget.
     */
    public FailureSummary summarizeLint(CheckResult result, int tokenBudget) {
        String headline = result.headline();
        String header = fit(List.of(headline + "."), tokenBudget);
        List<String> lines = capLines(TestOutputScanner.cleanLines(result.output()));
        String text = header;
        String title = "\n\nOutput:\n";
        int outputBudget = tokenBudget - tokens.count(header) - tokens.count(title) - 10;
        if (!result.passed() && !lines.isEmpty() && outputBudget >= MIN_OUTPUT_TOKENS) {
            text = trimToBudget(header + title + fitKeepingEnds(lines, outputBudget), tokenBudget);
        }
        return new FailureSummary(headline, result.passed(), List.of(), -1, "the lint output", text, tokens.count(text));
    }

    private String render(CheckResult result, String headline, List<TestFailure> failures, int testsRun,
            String evidence, boolean reportsRead, List<String> output, int budget) {
        List<String> header = new ArrayList<>();
        header.add(headline + ".");
        if (result.timedOut()) {
            header.add("It was stopped because it ran past its time limit; a test may hang or loop forever.");
        }
        if (!failures.isEmpty()) {
            String of = testsRun > 0 ? " of " + testsRun : "";
            header.add(failures.size() + of + (failures.size() == 1 && of.isEmpty() ? " test" : " tests")
                    + " failed (from " + evidence + "):");
        } else if (!result.timedOut() && !result.interrupted()) {
            header.add("No failing test could be named; the output below shows what went wrong (often a build or import error).");
        }
        String headerText = fit(header, budget);
        int used = tokens.count(headerText) + 1;

        StringBuilder text = new StringBuilder(headerText);
        int shown = 0;
        for (TestFailure failure : failures) {
            int reserveForRest = shown + 1 < failures.size() ? 30 : 0;
            String block = "\n" + failureBlock(failure, shown + 1);
            int cost = tokens.count(block);
            if (used + cost + reserveForRest > budget) {
                // a test with a huge message still gets its name, first message line and first frame
                block = "\n" + failureBlock(shortened(failure), shown + 1);
                cost = tokens.count(block);
                if (used + cost + reserveForRest > budget) {
                    break;
                }
            }
            text.append(block);
            used += cost;
            shown++;
        }
        if (shown < failures.size()) {
            String rest = restLine(failures.subList(shown, failures.size()), budget - used);
            text.append(rest);
            used += tokens.count(rest);
        }
        int outputBudget = budget - used - 10;
        if (outputBudget >= MIN_OUTPUT_TOKENS && !output.isEmpty()) {
            String title = reportsRead ? "\n\nEnd of the output:\n" : "\n\nOutput (the lines that matter, and the end):\n";
            text.append(title).append(fitKeepingEnds(output, outputBudget - tokens.count(title)));
        }
        return trimToBudget(text.toString(), budget);
    }

    private static String failureBlock(TestFailure failure, int number) {
        StringBuilder block = new StringBuilder("\n").append(number).append(". ").append(failure.testId());
        if (!failure.message().isEmpty()) {
            failure.message().lines().forEach(line -> block.append("\n   ").append(line));
        }
        for (SourceLocation location : failure.locations()) {
            block.append("\n   at ").append(location);
        }
        return block.toString();
    }

    private static TestFailure shortened(TestFailure failure) {
        String firstLine = failure.message().lines().findFirst().orElse("");
        String message = firstLine.length() <= SHORT_MESSAGE_CHARS ? firstLine : firstLine.substring(0, SHORT_MESSAGE_CHARS) + " [...]";
        return new TestFailure(failure.testId(), message, failure.locations().stream().limit(1).toList());
    }

    private String restLine(List<TestFailure> rest, int budget) {
        StringBuilder line = new StringBuilder("\n\n...and " + rest.size() + " more failing: ");
        int listed = 0;
        for (TestFailure failure : rest) {
            String next = (listed == 0 ? "" : ", ") + failure.testId();
            if (tokens.count(line + next) > budget - 5) {
                break;
            }
            line.append(next);
            listed++;
        }
        if (listed < rest.size()) {
            line.append(listed == 0 ? "(names cut)" : ", ...");
        }
        return line.toString();
    }

    /** Joins lines, dropping from the end until the text fits. */
    private String fit(List<String> lines, int budget) {
        List<String> kept = new ArrayList<>(lines);
        String text = String.join("\n", kept);
        while (tokens.count(text) > budget && kept.size() > 1) {
            kept.remove(kept.size() - 1);
            text = String.join("\n", kept);
        }
        return trimToBudget(text, budget);
    }

    /**
     * The lines if they fit; otherwise as many from the start and from the end as fit, with a marker
     * between them: the first error and the final summary are both worth keeping.
     */
    String fitKeepingEnds(List<String> lines, int budget) {
        String all = String.join("\n", lines);
        if (tokens.count(all) <= budget) {
            return all;
        }
        int[] cost = lines.stream().mapToInt(line -> tokens.count(line) + 1).toArray();
        int markerCost = 15;
        int headBudget = (budget - markerCost) / 3;
        int head = 0;
        int used = 0;
        while (head < lines.size() && used + cost[head] <= headBudget) {
            used += cost[head++];
        }
        int tail = lines.size();
        while (tail > head && used + cost[tail - 1] <= budget - markerCost) {
            used += cost[--tail];
        }
        // the cut may border gap markers of the excerpt: fold them into one marker with the right count
        while (head > 0 && TestOutputScanner.gapSize(lines.get(head - 1)) > 0) {
            head--;
        }
        while (tail < lines.size() && TestOutputScanner.gapSize(lines.get(tail)) > 0) {
            tail++;
        }
        int cut = 0;
        for (String line : lines.subList(head, tail)) {
            cut += Math.max(1, TestOutputScanner.gapSize(line));
        }
        List<String> kept = new ArrayList<>(lines.subList(0, head));
        kept.add(TestOutputScanner.gap(cut));
        kept.addAll(lines.subList(tail, lines.size()));
        return String.join("\n", kept);
    }

    /** Last resort, so the promise "at most tokenBudget tokens" holds even for one enormous line. */
    private String trimToBudget(String text, int budget) {
        if (tokens.count(text) <= budget) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (tokens.count(text.substring(0, mid)) <= budget) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, low);
    }

    /** One minified-JavaScript line must not eat the budget of everything after it. */
    private static List<String> capLines(List<String> lines) {
        return lines.stream()
                .map(line -> line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " [... line cut]")
                .toList();
    }
}
