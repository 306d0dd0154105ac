package dev.ratchet.agent.tools;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.check.CheckResult;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ToolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code run_command}: a shell command in the repository root, run only when the allow-list
 * allows it or a person says yes at the terminal; otherwise refused with the reason, so the
 * model can use another tool instead.
 */
public final class RunCommandTool implements Tool {
    static final int DEFAULT_TIMEOUT_SECONDS = 120;
    /** Output kept for the model: the head for the command's own errors, the longer tail for summaries. */
    private static final int HEAD_CHARS = 4_000;
    private static final int TAIL_CHARS = 12_000;
    private static final ParameterSchema SCHEMA = new ParameterSchema()
            .string("command", "The command line, run with sh -c in the repository root, e.g. \"python3 -c 'import x'\".", true)
            .integer("timeout_seconds", "Stop the command after this many seconds (default " + DEFAULT_TIMEOUT_SECONDS + ").", 1, 1_800);

    private final Path root;
    private final CheckRunner runner;
    private final CommandAllowList allowList;
    private final CommandApproval approval;
    private final Supplier<Duration> timeLeft;

    public RunCommandTool(Path root, CheckRunner runner, CommandAllowList allowList, CommandApproval approval,
                          Supplier<Duration> timeLeft) {
        this.root = root;
        this.runner = runner;
        this.allowList = allowList;
        this.approval = approval;
        this.timeLeft = timeLeft;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("run_command", "Run a shell command in the repository root and get its exit code and output. "
                + "Commands run only if the user allowed them (an allow-list, or a yes at the terminal); a refused "
                + "command comes back with the reason. Prefer read_file, search, list_files and run_tests, which always "
                + "work; never use this to edit files (use apply_patch).", SCHEMA.node());
    }

    @Override
    public Set<String> parameters() {
        return SCHEMA.names();
    }

    @Override
    public String describe(ToolArguments arguments) {
        return arguments.text("command").orElse("");
    }

    @Override
    public ToolOutcome run(ToolArguments arguments) {
        String command = arguments.required("command").strip();
        if (command.isEmpty()) {
            throw new ToolFailure("the command is empty");
        }
        int seconds = arguments.integer("timeout_seconds", 1, 1_800).orElse(DEFAULT_TIMEOUT_SECONDS);
        Optional<String> entry = allowList.allowing(command);
        String permission;
        if (entry.isPresent()) {
            permission = "allowed by the allow-list entry \"" + entry.get() + "\"";
        } else if (approval.approve(command)) {
            permission = "approved by the user";
        } else {
            return ToolOutcome.failed(refusal(command));
        }
        Duration left = timeLeft.get();
        Duration timeout = left.compareTo(Duration.ofSeconds(seconds)) < 0 ? left : Duration.ofSeconds(seconds);
        CheckResult result = runner.run(CheckCommand.shell(command, root, "run_command"), timeout);
        if (result.interrupted()) {
            throw new ChatCancelledException();
        }
        String output = result.output();
        if (output.length() > HEAD_CHARS + TAIL_CHARS) {
            output = output.substring(0, HEAD_CHARS) + "\n[… " + (output.length() - HEAD_CHARS - TAIL_CHARS)
                    + " characters cut …]\n" + output.substring(output.length() - TAIL_CHARS);
        }
        String text = result.headline() + " (" + permission + ")\n" + (output.isBlank() ? "(no output)\n" : output);
        return new ToolOutcome(result.passed(), text, result.timedOut() ? "timed out" : "exit " + result.exitCode(),
                new ToolOutcome.Effect.CommandRan(command, result.exitCode()));
    }

    private String refusal(String command) {
        Optional<String> meta = CommandAllowList.metacharacter(command);
        StringBuilder why = new StringBuilder("the command was not run: ");
        if (meta.isPresent() && !allowList.entries().isEmpty()) {
            why.append("it contains the shell metacharacter ").append(meta.get())
                    .append(", and the allow-list never allows such commands; run one plain command at a time");
        } else if (allowList.entries().isEmpty()) {
            why.append("no command is allowed in this run (the user gave no --allow-command and there is nobody at a "
                    + "terminal to ask)");
        } else {
            why.append("it is not on the allow-list (").append(String.join(", ", allowList.entries()))
                    .append(") and the user did not approve it");
        }
        return why.append(". Use read_file, search, list_files or run_tests instead.").toString();
    }
}
