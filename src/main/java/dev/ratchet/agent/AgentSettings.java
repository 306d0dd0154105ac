package dev.ratchet.agent;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.context.ContextOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one run of the edit loop needs to know, already resolved by the front end.
 *
 * @param testCommand     the project's test command, or null to run no tests
 * @param lintCommand     a lint command run after each round of edits, or null
 * @param refusalRetries  how many times refused edits are sent back within one iteration
 * @param feedbackTokens  budget for the test-failure summary sent back to the model
 * @param branch          run on this new branch, or null for the current one
 */
public record AgentSettings(
        String task,
        String model,
        String editFormat,
        CheckCommand testCommand,
        CheckCommand lintCommand,
        ContextOptions context,
        int maxIterations,
        int refusalRetries,
        Duration timeout,
        int feedbackTokens,
        boolean commit,
        String branch,
        boolean verify) {

    public AgentSettings {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(editFormat, "editFormat");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(timeout, "timeout");
        if (task.isBlank()) {
            throw new IllegalArgumentException("the task is empty; say what to change, e.g. ratchet \"make the parser accept trailing commas\"");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("--max-iterations must be at least 1, not " + maxIterations);
        }
    }
}
