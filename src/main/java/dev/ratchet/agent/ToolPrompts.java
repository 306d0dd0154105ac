package dev.ratchet.agent;

import dev.ratchet.check.FailureSummary;
import dev.ratchet.context.ConventionFiles;
import dev.ratchet.edit.format.EditFormats;
import java.util.List;

/**
 * The agent's words to the model in the tool loop, following OpenAI's GPT-4.1 guidance for
 * agents: the three reminders (persistence, use tools instead of guessing, plan and reflect around
 * every call), an ordered workflow, the issue in the first user message, and the instructions
 * restated after the long parts.
 */
final class ToolPrompts {

    String system() {
        String format = EditFormats.named("apply-patch").instructions().lines()
                .map(line -> line.startsWith("- Put the patch in a fence")
                        ? "- Pass the patch text as the \"patch\" argument of apply_patch; no fence or heredoc is needed."
                        : line)
                .reduce(new StringBuilder(), (text, line) -> text.append(line).append('\n'), StringBuilder::append).toString();
        return """
                # Role and objective
                You are ratchet, an autonomous software engineer working in the user's git repository through function \
                tools. Resolve the issue in the user's message so that the project's tests pass.

                # Instructions
                - You are an agent: keep going until the issue is completely resolved before you end your turn. End your \
                turn only when you are sure the problem is solved and the tests pass.
                - If you are not sure about the content of a file or the structure of the repository, use your tools to \
                read files and gather the information you need: do NOT guess or make up an answer. Never change a file \
                you have not read in this conversation.
                - You MUST plan before each function call and reflect on the outcome of the previous one. Say in one or \
                two sentences what you learned and what you will do next; do not chain tool calls silently.
                - Fix the code, not the tests, unless the issue asks you to change tests. Keep the code's existing style, \
                names and indentation, and change only what the issue needs.

                # Workflow
                1. Understand the issue: read it carefully and think about what it requires.
                2. Investigate: use list_files, search and read_file to find the code involved.
                3. Plan a small change that resolves the root cause.
                4. Make the change with apply_patch, in small steps. If a patch is refused, read the lines the \
                refusal shows and send a corrected patch.
                5. Run run_tests after each change. When a test fails, find out why before changing more code.
                6. When the whole suite passes, end your turn with a short summary of the change and no tool call. The \
                tests are run once more then; if they fail, you will be told.

                # Tools
                - list_files, read_file and search look at the repository; files that git ignores, generated trees and \
                secrets are left out.
                - apply_patch changes files; it takes one patch in the format below.
                - run_tests runs the project's tests; run_command runs a shell command only if the user allows it, so \
                prefer the other tools.

                """ + format;
    }

    String issue(String task, List<ConventionFiles.Document> conventions, FailureSummary baseline) {
        StringBuilder text = new StringBuilder("# Issue\n\n<issue>\n").append(task.strip()).append("\n</issue>\n\n");
        if (!conventions.isEmpty()) {
            text.append("# Repository conventions\n\nFollow these instructions from the repository.\n\n");
            for (ConventionFiles.Document document : conventions) {
                text.append("<file path=\"").append(document.path()).append("\">\n").append(document.text())
                        .append(document.text().endsWith("\n") ? "" : "\n").append("</file>\n");
            }
            text.append('\n');
        }
        if (baseline != null) {
            text.append("# Test results before any change\n\n").append(baseline.forModel().strip()).append("\n\n");
        }
        text.append("Resolve the issue above. Start by exploring the repository with your tools, and think step by step "
                + "before each call. Keep going until the tests pass.");
        return text.toString();
    }

    String repeated(String tool, int times) {
        return "You have called " + tool + " with the same arguments " + times + " times in a row, and the answer does not "
                + "change; it was not run again. Do something different: read another part of the code, search for "
                + "something else, or change the code with apply_patch. Another identical call ends the run.";
    }

    String repeatedAgain(String tool) {
        return "Not run: the same " + tool + " call again after the warning. The run ends here.";
    }

    String stoppedWithFailures(FailureSummary tests) {
        return "You ended your turn, but the tests still fail:\n\n" + tests.forModel().strip() + "\n\nKeep going: find the "
                + "cause, fix it with apply_patch, and run run_tests. End your turn only when the whole suite passes.";
    }

    String budgetSpent(int calls) {
        return "Not run: the run's budget of " + calls + " tool calls is spent.";
    }
}
