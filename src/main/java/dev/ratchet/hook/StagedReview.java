package dev.ratchet.hook;

import dev.ratchet.context.ConventionFiles;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatMessage;
import dev.ratchet.model.ChatRequest;
import dev.ratchet.model.ChatResponse;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.workspace.StagedChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a model to review the staged diff against the repository's rules, for concrete defects
 * only, and reads its answer: one {@code path:line: message} per line, or {@code OK}.
 */
final class StagedReview {
    /** Long diffs are cut: a hook must stay fast and cheap, and defects hide in the first hunks as often as the last. */
    static final int MAX_DIFF_CHARS = 120_000;
    private static final int MAX_REPLY_TOKENS = 1_000;
    private static final Pattern FINDING = Pattern.compile("^(?:[-*]\\s+)?`?([^\\s:`][^:`]*?):(\\d+)(?::\\d+)?`?:\\s*(.+)$");

    static final String SYSTEM = """
            You review a change just before it is committed. You get the repository's rules and the staged diff.
            Report only concrete defects the change introduces: a bug, a crash, a security hole, a test that \
            cannot pass, or a clear violation of a written rule. No style preferences, no praise, no summaries, \
            no suggestions for code the diff does not touch.
            Answer with one line per defect and nothing else, in exactly this form:
            path/to/file:LINE: what is wrong and why
            where LINE is the line number in the new version of the file. If there is no such defect, answer \
            exactly: OK""";

    private final MeteredChatModel model;
    private final String modelName;
    private final Cancellation cancellation;

    StagedReview(MeteredChatModel model, String modelName, Cancellation cancellation) {
        this.model = model;
        this.modelName = modelName;
        this.cancellation = cancellation;
    }

    /** The findings, and whether the answer could be read at all. */
    record Answer(List<Finding> findings, boolean readable) {
    }

    Answer review(StagedChanges staged, List<ConventionFiles.Document> rules, boolean blocking) {
        ChatRequest request = ChatRequest.of(modelName, List.of(new ChatMessage.SystemPrompt(SYSTEM),
                        new ChatMessage.User(prompt(staged, rules))))
                .withStream(false).withTemperature(0.0).withMaxCompletionTokens(MAX_REPLY_TOKENS);
        ChatResponse response = model.send(request, event -> { }, cancellation);
        return parse(response.text(), Set.copyOf(staged.paths()), blocking);
    }

    static String prompt(StagedChanges staged, List<ConventionFiles.Document> rules) {
        StringBuilder text = new StringBuilder();
        if (rules.isEmpty()) {
            text.append("The repository has no written rules (no AGENTS.md or CONVENTIONS.md).\n\n");
        }
        for (ConventionFiles.Document rule : rules) {
            text.append("Rules from ").append(rule.path()).append(":\n").append(rule.text().strip()).append("\n\n");
        }
        String diff = staged.diff();
        if (diff.length() > MAX_DIFF_CHARS) {
            diff = diff.substring(0, MAX_DIFF_CHARS) + "\n[... the rest of the diff is cut: "
                    + (staged.diff().length() - MAX_DIFF_CHARS) + " characters ...]\n";
        }
        if (!staged.withheld().isEmpty()) {
            text.append("Also staged, but not shown (they look like secrets or generated files): ")
                    .append(String.join(", ", staged.withheld())).append("\n\n");
        }
        text.append("The staged diff:\n```diff\n").append(diff).append(diff.endsWith("\n") ? "" : "\n").append("```\n");
        return text.toString();
    }

    /**
     * Reads a reply. Lines naming a file the change does not touch are dropped: the model was
     * asked about this diff, and a commit must not be blocked over a file it invented.
     */
    static Answer parse(String reply, Set<String> stagedPaths, boolean blocking) {
        List<Finding> findings = new ArrayList<>();
        boolean ok = false;
        for (String raw : reply.strip().split("\n")) {
            String line = raw.strip();
            if (line.equalsIgnoreCase("OK") || line.equalsIgnoreCase("OK.")) {
                ok = true;
                continue;
            }
            Matcher match = FINDING.matcher(line);
            if (match.matches() && stagedPaths.contains(match.group(1))) {
                findings.add(new Finding(match.group(1), Integer.parseInt(match.group(2)), match.group(3).strip(), blocking));
            }
        }
        return new Answer(List.copyOf(findings), ok || !findings.isEmpty());
    }
}
