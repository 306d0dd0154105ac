package dev.ratchet.cli;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.check.NoTestCommandException;
import dev.ratchet.check.TestCommandDetector;
import dev.ratchet.config.ConfigKey;
import dev.ratchet.config.ConfigValue;
import dev.ratchet.config.Settings;
import dev.ratchet.hook.Finding;
import dev.ratchet.hook.HookInterruptedException;
import dev.ratchet.hook.HookMode;
import dev.ratchet.hook.HookOutcome;
import dev.ratchet.hook.HookSettings;
import dev.ratchet.hook.PreCommitCheck;
import dev.ratchet.hook.ReviewPolicy;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatModelFactory;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ModelSettings;
import dev.ratchet.model.ModelSetupException;
import dev.ratchet.model.Provider;
import dev.ratchet.model.TokenCounter;
import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.PreCommitHook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ratchet hook run}: what the pre-commit hook calls; checks (and in fix mode, fixes) the staged changes. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Check exactly what is staged: unstaged changes are set aside while the tests and lint run and put back "
                + "byte for byte afterwards (also when the hook is stopped). Then a model reviews the staged diff against "
                + "AGENTS.md / CONVENTIONS.md. Prints one 'path:line: message' line per finding and a summary line.",
            "",
            "The review uses gpt-4.1-mini (hook.model in .ratchet.yml), fixes the run model (model:, default gpt-4.1); "
                + "--model sets both. Tests and lint: hook.test_cmd / hook.lint_cmd, else test_cmd / lint_cmd.",
            "",
            "Exit codes: 0 the commit may go ahead; 1 blocked (a check failed, the review found a defect, or no green "
                + "fix was found); 2 usage or configuration error; 130 interrupted.",
            ""
        })
final class HookRunCommand implements Callable<Integer> {
    static final String DEFAULT_MODEL = "gpt-4.1-mini";

    private final Io io;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository to work in (default: the current directory).")
    Path repo;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "check",
            description = "check (default): block when checks or the review fail; fix: let ratchet fix failing checks and stage the fix.")
    String mode;

    @Option(names = "--review", paramLabel = "POLICY", defaultValue = "block",
            description = "block (default): review findings block the commit; warn: they are printed only; off: no review.")
    String review;

    @Option(names = "--strict", description = "Block when the review cannot run (no key, no network) instead of warning.")
    boolean strict;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time budget for the checks and a fix (default 60); a model request also gives up after this long.")
    long timeoutSeconds;

    @Mixin
    ModelOptions modelOptions;

    HookRunCommand(Io io) {
        this.io = io;
    }

    /** The mode name as given, checked; usage error otherwise. */
    static String mode(String name) {
        return parse(HookMode.class, name, "--mode", "check or fix").name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = io.err();
        if (io.env(PreCommitHook.INTERNAL_COMMIT_ENV) != null) {
            err.println("ratchet hook: skipped (a commit made by ratchet itself)");
            err.flush();
            return ExitCode.OK;
        }
        if ("1".equals(io.env("RATCHET_SKIP"))) {
            err.println("ratchet hook: skipped (RATCHET_SKIP=1)");
            err.flush();
            return ExitCode.OK;
        }
        HookMode hookMode = parse(HookMode.class, mode, "--mode", "check or fix");
        ReviewPolicy policy = parse(ReviewPolicy.class, review, "--review", "block, warn or off");
        if (timeoutSeconds < 1) {
            throw new UsageException("--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (GitWorkspace git = GitWorkspace.openForCommitHook(repo)) {
            Path root = git.workTree();
            Settings settings = modelOptions.load(io, root);
            CheckCommand tests = tests(settings, root);
            CheckCommand lint = settings.values().text(ConfigKey.HOOK_LINT_CMD)
                    .map(command -> CheckCommand.shell(command, root, ".ratchet.yml hook.lint_cmd"))
                    .or(() -> settings.values().text(ConfigKey.LINT_CMD)
                            .map(command -> CheckCommand.shell(command, root, ".ratchet.yml lint_cmd")))
                    .orElse(null);
            String reviewModel = Optional.ofNullable(modelOptions.model)
                    .or(() -> settings.values().text(ConfigKey.HOOK_MODEL)).orElse(DEFAULT_MODEL);
            String fixModel = Optional.ofNullable(modelOptions.model)
                    .or(() -> settings.values().text(ConfigKey.MODEL)).orElse(ModelSettings.DEFAULT_MODEL);
            Tokenizer tokens = new Tokenizer();
            MeteredChatModel model = null;
            String noModel = "no model needed";
            if (policy != ReviewPolicy.OFF || hookMode == HookMode.FIX) {
                try {
                    model = ChatModelFactory.create(forHook(settings.model(), timeout), tokens.get());
                    noModel = null;
                } catch (ModelSetupException unusable) {
                    noModel = unusable.getMessage().startsWith("no API key")
                            ? "no API key (" + settings.model().apiKeyVariable() + ") and no base URL" : unusable.getMessage();
                }
            }
            List<String> readFiles = settings.values().value(ConfigKey.READ).map(ConfigValue::list).orElse(List.of());
            String editFormat = settings.values().text(ConfigKey.EDIT_FORMAT).orElse(AgentRunner.defaultEditFormat(fixModel));
            if (hookMode == HookMode.FIX && !checksTheRealIndex(git)) {
                say("fix mode needs a plain 'git commit' (not -a, --only or paths); checking only");
                hookMode = HookMode.CHECK;
            }
            HookSettings hook = new HookSettings(hookMode, policy, strict, timeout, tests, lint, model, noModel,
                    reviewModel, fixModel, editFormat, readFiles);
            Cancellation cancellation = new Cancellation();
            HookOutcome outcome;
            try (CancelOnInterrupt stop = new CancelOnInterrupt(cancellation)) {
                CheckRunner checks = new CheckRunner();
                try (Cancellation.Registration stopChecks = cancellation.onCancel(checks::cancel)) {
                    outcome = new PreCommitCheck(checks, () -> new FailureSummarizer(tokens.get()), cancellation,
                            line -> say(line), Clock.systemUTC()).run(git, hook);
                }
            } catch (HookInterruptedException interrupted) {
                err.println("ratchet hook: " + interrupted.getMessage());
                err.flush();
                return ExitCode.INTERRUPTED;
            }
            print(outcome);
            return outcome.blocked() ? ExitCode.GAVE_UP : ExitCode.OK;
        }
    }

    /**
     * Whether git hands the hook the repository's own index. 'git commit -a' or with paths gives its
     * hooks a temporary index (GIT_INDEX_FILE); the edit loop's snapshots and undo work on the real
     * one, so fix mode stays off there.
     */
    private boolean checksTheRealIndex(GitWorkspace git) {
        String index = io.env("GIT_INDEX_FILE");
        if (index == null) {
            return true;
        }
        Path given = git.workTree().resolve(index).toAbsolutePath().normalize();
        return given.equals(git.gitDir().resolve("index").toAbsolutePath().normalize());
    }

    private void say(String line) {
        io.err().println("ratchet hook: " + line);
        io.err().flush();
    }

    private void print(HookOutcome outcome) {
        PrintWriter out = io.out();
        for (Finding finding : outcome.findings()) {
            out.println(finding.render());
        }
        if (outcome.fixPatch() != null) {
            out.println("ratchet hook: the proposed fix is saved as " + outcome.fixPatch());
        }
        Colour colour = Colour.forTerminal(io);
        String verdict = outcome.blocked() ? colour.red("blocked") : colour.green("passed");
        out.println("ratchet hook: " + verdict + " (" + outcome.summary() + ") in "
                + String.format(Locale.ROOT, "%.1f s", outcome.took().toMillis() / 1000.0) + ", "
                + outcome.spend().cost().map(dev.ratchet.model.Money::format).orElse("cost unknown")
                + (outcome.blocked() ? "; fix the above, or skip once with git commit --no-verify" : ""));
        out.flush();
    }

    private CheckCommand tests(Settings settings, Path root) {
        Optional<String> hookTests = settings.values().text(ConfigKey.HOOK_TEST_CMD);
        Optional<String> configured = hookTests.or(() -> settings.values().text(ConfigKey.TEST_CMD));
        String origin = hookTests.isPresent() ? ".ratchet.yml hook.test_cmd" : ".ratchet.yml test_cmd";
        try {
            return new TestCommandDetector().resolve(root, configured, origin);
        } catch (NoTestCommandException none) {
            say(none.getMessage() + "; no tests run");
            return null;
        }
    }

    /** One tokenizer per process, loaded on first use: it takes ~0.3 s, and a green check without a model needs none. */
    private static final class Tokenizer implements Supplier<TokenCounter> {
        private TokenCounter counter;

        @Override
        public TokenCounter get() {
            if (counter == null) {
                counter = new TokenCounter();
            }
            return counter;
        }
    }

    /** A hook must not hang a commit: one retry at most, and no request may outlast the hook's budget. */
    private static ModelSettings forHook(ModelSettings s, Duration timeout) {
        Duration requestTimeout = s.timeout().compareTo(timeout) < 0 ? s.timeout() : timeout;
        return new ModelSettings(s.model(), s.provider(), s.baseUrl(), s.apiKey(), s.apiKeyVariable(), s.azureDeployment(),
                s.azureApiVersion(), Math.min(s.retries(), 1), requestTimeout, s.maxCost(), s.contextWindow(), s.maxOutput(),
                s.prices(), s.record(), s.replay());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option, String allowed) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(option + " " + value + " is not known; use " + allowed);
        }
    }
}
