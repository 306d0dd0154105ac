package dev.ratchet.hook;

import dev.ratchet.agent.AgentSettings;
import dev.ratchet.agent.EditLoop;
import dev.ratchet.agent.RunResult;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.context.ContextAssembler;
import dev.ratchet.context.ContextOptions;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.TokenCounter;
import dev.ratchet.workspace.GitWorkspace;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Fix mode's edit loop: the staged files in the model's view, the hook's checks as its tests, and
 * never a commit (the hook only stages; the user's {@code git commit} commits).
 */
final class FixRun {
    private static final int MAX_ITERATIONS = 3;
    private static final int REFUSAL_RETRIES = 2;
    private static final int FEEDBACK_TOKENS = 6_000;

    private final CheckRunner checks;
    private final Cancellation cancellation;
    private final Clock clock;

    FixRun(CheckRunner checks, Cancellation cancellation, Clock clock) {
        this.checks = checks;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    RunResult run(GitWorkspace git, HookSettings settings, List<String> stagedFiles, Duration timeLeft) throws IOException {
        String task = "The staged changes that are about to be committed make the project's checks fail. "
                + "Fix them so the checks pass, changing only these staged files: " + String.join(", ", stagedFiles)
                + ". Keep the intent of the change; do not weaken or delete tests to make them pass.";
        ContextOptions context = ContextOptions.defaults().withNamedFiles(stagedFiles).withReadFiles(settings.readFiles());
        AgentSettings agent = new AgentSettings(task, settings.fixModel(), settings.editFormat(), settings.tests(),
                settings.lint(), context, MAX_ITERATIONS, REFUSAL_RETRIES, timeLeft, FEEDBACK_TOKENS, false, null, false);
        TokenCounter counter = new TokenCounter();
        EditLoop loop = new EditLoop(settings.model(), new ContextAssembler(counter), new Applier(), checks,
                new FailureSummarizer(counter), event -> { }, cancellation, clock);
        return loop.run(git, agent);
    }
}
