package dev.ratchet.cli;

import dev.ratchet.agent.AgentEvent;
import dev.ratchet.agent.AgentSettings;
import dev.ratchet.agent.EditLoop;
import dev.ratchet.agent.LoopChoice;
import dev.ratchet.agent.ToolLoop;
import dev.ratchet.agent.tools.CommandAllowList;
import dev.ratchet.agent.tools.CommandApproval;
import dev.ratchet.agent.RunResult;
import dev.ratchet.agent.StopReason;
import dev.ratchet.check.CheckCommand;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.check.NoTestCommandException;
import dev.ratchet.check.TestCommandDetector;
import dev.ratchet.config.ConfigKey;
import dev.ratchet.config.ConfigValue;
import dev.ratchet.config.Settings;
import dev.ratchet.context.ContextAssembler;
import dev.ratchet.context.ContextMode;
import dev.ratchet.context.ContextOptions;
import dev.ratchet.context.ModelFileRanker;
import dev.ratchet.context.ReferenceGraphRanker;
import dev.ratchet.context.RepositorySize;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.edit.format.EditFormats;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatModelFactory;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ModelCatalog;
import dev.ratchet.model.ModelInfo;
import dev.ratchet.model.TokenCounter;
import dev.ratchet.workspace.GitWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Turns run options into a configured {@link EditLoop} or {@link ToolLoop}, runs it, and reports in the chosen output format. */
final class AgentRunner {

    /** Who answers when the model wants a command the allow-list does not allow: a person at a terminal, or nobody. */
    static CommandApproval approval(Io io, RunOptions options) {
        return io.interactive() && !options.yes && options.outputFormat == RunOptions.OutputFormat.TEXT
                ? new TerminalApproval(io) : CommandApproval.NOBODY;
    }
    private static final int DEFAULT_MAX_ITERATIONS = 5;
    /** A SWE-bench-style run reads, searches and tests many times per change; 50 calls fit a small fix with room to spare. */
    private static final int DEFAULT_MAX_TOOL_CALLS = 50;
    private static final int REFUSAL_RETRIES = 3;
    private static final int FEEDBACK_TOKENS = 6_000;

    private final Io io;

    AgentRunner(Io io) {
        this.io = io;
    }

    /** The documented exit code for each way a run can end. */
    static int exitCode(StopReason reason) {
        return switch (reason) {
            case TESTS_PASS, EDITS_APPLIED -> ExitCode.OK;
            case MAX_ITERATIONS, EDITS_REFUSED, NO_EDITS, REPEATED_CALLS, STOPPED_WITH_FAILING_TESTS -> ExitCode.GAVE_UP;
            case COST_BUDGET, TIME_BUDGET -> ExitCode.BUDGET;
            case MODEL_ERROR -> ExitCode.MODEL;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
        };
    }

    int run(String task, RunOptions options, ModelOptions modelOptions) throws IOException {
        if (task == null || task.isBlank()) {
            throw new UsageException("say what to change, e.g. ratchet \"make the parser accept trailing commas\"; "
                    + "see ratchet --help, or try ratchet demo");
        }
        try (GitWorkspace git = GitWorkspace.open(options.repo)) {
            Path root = git.workTree();
            Map<ConfigKey, String> flags = modelOptions.flags();
            if (options.weakModel != null) {
                flags.put(ConfigKey.RANK_MODEL, options.weakModel);
            }
            Settings settings = ModelOptions.load(io, root, flags);
            String model = settings.model().model();
            String editFormat = editFormat(options, settings, model);
            CheckCommand tests = testCommand(options, settings, root);
            ModelInfo info = ModelCatalog.forSettings(settings.model()).lookup(model);
            ContextOptions context = contextOptions(options, settings, info);
            LoopChoice choice = loopChoice(options, settings, root, context);
            boolean tools = choice.mode() == LoopChoice.Mode.TOOLS;
            // max_iterations in .ratchet.yml counts edit-and-test iterations; in tool mode only the flag counts tool calls
            int maxIterations = options.maxIterations != null ? options.maxIterations
                    : tools ? DEFAULT_MAX_TOOL_CALLS
                    : settings.values().integer(ConfigKey.MAX_ITERATIONS, 1, 100).orElse(DEFAULT_MAX_ITERATIONS);
            if (maxIterations < 1) {
                throw new UsageException("--max-iterations must be at least 1, not " + maxIterations);
            }
            if (options.timeoutSeconds < 1) {
                throw new UsageException("--timeout must be at least 1 second, not " + options.timeoutSeconds);
            }
            CheckCommand lint = Optional.ofNullable(options.lintCommand).or(() -> settings.values().text(ConfigKey.LINT_CMD))
                    .map(command -> CheckCommand.shell(command, root, options.lintCommand != null ? "--lint-cmd" : ".ratchet.yml lint_cmd"))
                    .orElse(null);
            TokenCounter counter = new TokenCounter();
            MeteredChatModel chat = ChatModelFactory.create(settings.model(), counter);
            Optional<String> rankModel = RankModel.name(settings);
            if (rankModel.isPresent()) {
                // Through the run's own client, so the ranking request is booked and budgeted with the run.
                context = context.withRanker(new ModelFileRanker(chat, rankModel.get(), counter,
                        ModelFileRanker.DEFAULT_MAP_TOKENS, new ReferenceGraphRanker(), this::warn));
            }
            AgentSettings agentSettings = new AgentSettings(task, model, editFormat, tests, lint, context, maxIterations,
                    REFUSAL_RETRIES, Duration.ofSeconds(options.timeoutSeconds), FEEDBACK_TOKENS, !options.noCommit,
                    options.branch, !options.noVerify);
            if (settings.model().replay() != null && options.outputFormat == RunOptions.OutputFormat.TEXT) {
                io.err().println("ratchet: replaying recorded model answers from " + settings.model().replay()
                        + "; no model is called, and tokens and cost are the recorded ones");
                io.err().flush();
            }
            if (options.outputFormat == RunOptions.OutputFormat.TEXT && options.mode == null
                    && settings.values().text(ConfigKey.LOOP_MODE).isEmpty()) {
                io.err().println("ratchet: " + (tools ? "tool loop" : "edit loop") + " (" + choice.reason() + ")");
                io.err().flush();
            }
            Consumer<AgentEvent> listener = listener(options);
            CheckRunner checks = new CheckRunner();
            Cancellation cancellation = new Cancellation();
            RunResult result;
            try (InterruptGuard guard = new InterruptGuard(cancellation)) {
                try {
                    if (tools) {
                        CommandApproval approval = approval(io, options);
                        result = new ToolLoop(chat, new Applier(), checks, new FailureSummarizer(counter), approval, listener,
                                cancellation, Clock.systemUTC()).run(git, agentSettings, allowList(options, settings));
                    } else {
                        result = new EditLoop(chat, new ContextAssembler(counter), new Applier(), checks,
                                new FailureSummarizer(counter), listener, cancellation, Clock.systemUTC()).run(git, agentSettings);
                    }
                } finally {
                    guard.done();
                }
            }
            if (options.outputFormat == RunOptions.OutputFormat.JSON) {
                new JsonOutput(io.out()).finalResult(result);
            }
            new StepSummary(io).append(task, result);
            return exitCode(result.reason());
        }
    }

    private void warn(String message) {
        io.err().println("ratchet: " + message);
        io.err().flush();
    }

    private Consumer<AgentEvent> listener(RunOptions options) {
        return switch (options.outputFormat) {
            case TEXT -> {
                Colour colour = Colour.forTerminal(io);
                yield new TerminalProgress(io.out(), colour, new Spinner(io.err(), colour.enabled()), options.verbose);
            }
            case JSON -> event -> { };
            case STREAM_JSON -> new JsonOutput(io.out())::event;
        };
    }

    private static LoopChoice loopChoice(RunOptions options, Settings settings, Path root, ContextOptions context) {
        String asked = options.mode != null ? options.mode : settings.values().text(ConfigKey.LOOP_MODE).orElse("auto");
        LoopChoice.Mode mode;
        try {
            mode = LoopChoice.parse(asked);
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(unknown.getMessage());
        }
        return LoopChoice.choose(mode, !options.files.isEmpty(), () -> {
            try {
                return new RepositorySize().estimatedTokens(root, context);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }, context.autoWholeTokens());
    }

    /** --allow-command entries and the allow_commands: list of the config files, together. */
    private static CommandAllowList allowList(RunOptions options, Settings settings) {
        List<String> entries = new ArrayList<>(options.allowCommands);
        settings.values().value(ConfigKey.ALLOW_COMMANDS).map(ConfigValue::list).ifPresent(entries::addAll);
        return new CommandAllowList(entries);
    }

    private static String editFormat(RunOptions options, Settings settings, String model) {
        String name = options.editFormat != null ? options.editFormat
                : settings.values().text(ConfigKey.EDIT_FORMAT).orElse(defaultEditFormat(model));
        if (name.equals("auto")) {
            throw new UsageException("--edit-format auto is for reading replies (ratchet apply); "
                    + "ask the model for one format: apply-patch, search-replace, udiff or whole");
        }
        try {
            return EditFormats.named(name).name();
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(unknown.getMessage());
        }
    }

    /**
     * GPT-4.1 was trained on the V4A apply_patch format (OpenAI's prompting guide recommends it);
     * other models get SEARCH/REPLACE blocks, which most code models know.
     */
    static String defaultEditFormat(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return name.contains("gpt-4.1") ? "apply-patch" : "search-replace";
    }

    private CheckCommand testCommand(RunOptions options, Settings settings, Path root) {
        if (options.noTest) {
            return null;
        }
        Optional<String> configured = Optional.ofNullable(options.testCommand)
                .or(() -> settings.values().text(ConfigKey.TEST_CMD));
        String origin = options.testCommand != null ? "--test-cmd" : ".ratchet.yml test_cmd";
        try {
            return new TestCommandDetector().resolve(root, configured, origin);
        } catch (NoTestCommandException none) {
            if (options.outputFormat == RunOptions.OutputFormat.TEXT) {
                io.err().println("ratchet: " + none.getMessage() + "; running without tests");
                io.err().flush();
            }
            return null;
        }
    }

    private static ContextOptions contextOptions(RunOptions options, Settings settings, ModelInfo info) {
        ContextOptions context = ContextOptions.defaults().withNamedFiles(options.files)
                .withReadFiles(settings.values().value(ConfigKey.READ).map(ConfigValue::list).orElse(List.of()));
        String mode = options.contextMode != null ? options.contextMode
                : settings.values().text(ConfigKey.CONTEXT_MODE).orElse("auto");
        try {
            context = context.withMode(ContextMode.valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw new UsageException("--context " + mode + " is not a context mode; use auto, map or whole");
        }
        if (info.contextWindow().isPresent()) {
            int answer = info.maxOutput().orElse(32_768);
            context = context.withWindow(info.contextWindow().getAsInt(), Math.min(answer, info.contextWindow().getAsInt() / 4));
        }
        return context;
    }

    /**
     * On Ctrl-C, cancels the model call and the test process, then holds the JVM's shutdown until
     * the loop has recorded the run (so the transcript and run record are complete and undo works).
     */
    private static final class InterruptGuard implements AutoCloseable {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook;

        InterruptGuard(Cancellation cancellation) {
            hook = new Thread(() -> {
                cancellation.cancel();
                try {
                    finished.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, "ratchet-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void done() {
            finished.countDown();
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for done(), which has been called
            }
        }
    }

    /** Appends a Markdown summary for GitHub Actions when GITHUB_STEP_SUMMARY names a file. */
    private static final class StepSummary {
        private final Io io;

        StepSummary(Io io) {
            this.io = io;
        }

        void append(String task, RunResult result) {
            String file = io.env("GITHUB_STEP_SUMMARY");
            if (file == null) {
                return;
            }
            StringBuilder md = new StringBuilder();
            md.append("### ratchet: ").append(result.reason().success() ? "done" : "stopped").append(" — ")
                    .append(result.reason().description()).append("\n\n");
            md.append("**Task:** ").append(task.replace("\n", " ")).append("\n\n");
            md.append("| | |\n|---|---|\n");
            md.append("| run | `").append(result.runId()).append("` |\n");
            md.append("| iterations | ").append(result.iterations()).append(" |\n");
            md.append("| files changed | ").append(result.filesChanged().isEmpty() ? "none"
                    : "`" + String.join("`, `", result.filesChanged()) + "`").append(" |\n");
            md.append("| tests failing before → after | ").append(result.testsBefore().size()).append(" → ")
                    .append(result.testsAfter().size()).append(" |\n");
            md.append("| cost | ").append(result.spend().describe()).append(" |\n");
            if (result.commit() != null) {
                md.append("| commit | `").append(result.commit()).append("` |\n");
            }
            if (!result.diff().isBlank()) {
                md.append("\n<details><summary>diff</summary>\n\n```diff\n").append(result.diff())
                        .append(result.diff().endsWith("\n") ? "" : "\n").append("```\n</details>\n");
            }
            try {
                java.nio.file.Files.writeString(Path.of(file), md.toString(), java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                PrintWriter err = io.err();
                err.println("ratchet: could not append the summary to GITHUB_STEP_SUMMARY (" + file + "): " + e.getMessage());
                err.flush();
            }
        }
    }
}
