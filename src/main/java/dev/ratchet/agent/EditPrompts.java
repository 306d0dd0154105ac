package dev.ratchet.agent;

import dev.ratchet.check.FailureSummary;
import dev.ratchet.check.TestDelta;
import dev.ratchet.edit.apply.ClosestLine;
import dev.ratchet.edit.apply.Refusal;
import dev.ratchet.edit.format.EditFormat;
import dev.ratchet.edit.format.ParseProblem;
import java.util.List;
import java.util.Set;

/**
 * The agent's own words to the model in the edit loop. The format's rules come from the format
 * itself ({@link EditFormat#instructions()}); this class adds the role, the workflow and the
 * feedback messages, written as the GPT-4.1 guide advises: literal, firm, ordered, and with the
 * key instruction restated at the end.
 */
final class EditPrompts {
    private final EditFormat format;

    EditPrompts(EditFormat format) {
        this.format = format;
    }

    String system() {
        return """
                # Role and objective
                You are ratchet, a careful software engineer working in the user's git repository. You change \
                the code so that the user's task is done and the project's tests pass.

                # Instructions
                - Read the task, the repository map and the files you are shown before you change anything.
                - Change only what the task needs. Keep the code's existing style, names and indentation.
                - Fix the code, not the tests, unless the task asks you to change tests.
                - If you need a file you have not been shown, say which one in one sentence and make no edit for it; \
                never guess the contents of a file.
                - Answer with a short plan in one or two sentences, then the edits. Do not repeat unchanged files.
                - When the edits are applied, the tests are run and any failure is sent back to you. Keep going \
                until the task is done.

                """ + format.instructions();
    }

    String closing() {
        return "Think step by step about what must change, then write every change as " + format.name()
                + " edits exactly as the format rules above say.";
    }

    String baselineFeedback(FailureSummary baseline) {
        return "# Current test results, before any change\n" + baseline.forModel();
    }

    String noEdits() {
        return "Your reply contains no edits, so nothing was changed. Write the change now as " + format.name()
                + " edits, following the format rules exactly. If you cannot make the change, say in one sentence what is missing.";
    }

    String refusals(List<Refusal> refusals, List<ParseProblem> problems, boolean someApplied, Set<String> wholeFilePaths) {
        StringBuilder text = new StringBuilder();
        text.append(someApplied
                ? "Some of your edits were applied; the files now contain them. These edits were NOT applied:\n"
                : "None of your edits were applied. The file contents are unchanged. These edits were refused:\n");
        for (ParseProblem problem : problems) {
            text.append("- reply line ").append(problem.line()).append(": ").append(problem.message()).append('\n');
        }
        for (Refusal refusal : refusals) {
            text.append("- ").append(refusal.path());
            if (refusal.hunk() > 0) {
                text.append(", edit ").append(refusal.hunk());
            }
            text.append(": ").append(refusal.reason()).append('\n');
            if (!refusal.closest().isEmpty()) {
                text.append("  The closest lines in ").append(refusal.path()).append(" are:\n");
                for (ClosestLine line : refusal.closest()) {
                    text.append("  ").append(line.line()).append(": ").append(line.text()).append('\n');
                }
            }
        }
        if (wholeFilePaths.isEmpty()) {
            text.append("\nSend again only the refused edits, corrected so that the lines you quote are exactly "
                    + "the lines in the file now. Do not resend edits that were applied.");
        } else {
            text.append("\nEdits to ").append(String.join(", ", wholeFilePaths)).append(" keep failing to match. ")
                    .append("For each of these files, send its complete new content instead: the path alone on its own "
                            + "line, then one fenced code block holding the entire file, with nothing left out. ")
                    .append("For any other refused edit, send the corrected edit again.");
        }
        return text.toString();
    }

    String lintFailures(FailureSummary lint) {
        return "# Lint results after your edits\n" + lint.forModel() + "\n\nFix these findings with " + format.name()
                + " edits against the files as they are now.";
    }

    String testFailures(FailureSummary after, TestDelta delta) {
        StringBuilder text = new StringBuilder("# Test results after your edits\n");
        if (delta != null) {
            text.append(delta.oneLine()).append('\n');
            String details = delta.details();
            if (!details.isBlank()) {
                text.append(details).append('\n');
            }
        }
        text.append(after.forModel()).append("\n\nFind the cause of these failures and fix it with ")
                .append(format.name()).append(" edits against the files as they are now, with your earlier edits applied.");
        return text.toString();
    }
}
