package dev.ratchet.agent.tools;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.check.CheckResult;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.check.FailureSummary;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ToolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code run_tests}: the project's test command (detected or configured), optionally narrowed to
 * some tests for the runners whose command line says how; the failure summary goes back.
 */
public final class RunTestsTool implements Tool {
    private static final ParameterSchema SCHEMA = new ParameterSchema()
            .string("tests", "Optional: only these tests, separated by spaces, in the runner's own terms "
                    + "(a test file, module, class or name, e.g. \"tests.test_parser\" or \"DurationTest\"). "
                    + "Default: the whole suite, which decides whether the task is done.", false);

    private final CheckCommand command;
    private final CheckRunner runner;
    private final FailureSummarizer summarizer;
    private final Path repoRoot;
    private final int feedbackTokens;
    private final Supplier<Duration> timeLeft;

    /** {@code command} is null when the project has no test command; {@code timeLeft} throws when the run's time is up. */
    public RunTestsTool(CheckCommand command, CheckRunner runner, FailureSummarizer summarizer, Path repoRoot,
                        int feedbackTokens, Supplier<Duration> timeLeft) {
        this.command = command;
        this.runner = runner;
        this.summarizer = summarizer;
        this.repoRoot = repoRoot;
        this.feedbackTokens = feedbackTokens;
        this.timeLeft = timeLeft;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("run_tests", "Run the project's tests" + (command == null ? "" : " (`" + command.commandLine() + "`)")
                + " and get a summary of the failures with the lines of the repository they point to. Run them "
                + "after every change; the task is done when the whole suite passes.", SCHEMA.node());
    }

    @Override
    public Set<String> parameters() {
        return SCHEMA.names();
    }

    @Override
    public String describe(ToolArguments arguments) {
        return arguments.text("tests").filter(tests -> !tests.isBlank()).orElse("all");
    }

    @Override
    public ToolOutcome run(ToolArguments arguments) {
        if (command == null) {
            throw new ToolFailure("this project has no test command (none was detected and none configured with "
                    + "--test-cmd or test_cmd:), so no tests can run; check your change by reading the code");
        }
        List<String> tests = arguments.text("tests").map(text -> List.of(text.strip().split("\\s+")))
                .filter(list -> !list.get(0).isEmpty()).orElse(List.of());
        for (String test : tests) {
            if (test.startsWith("-")) {
                throw new ToolFailure("\"" + test + "\" is an option, not a test name; give only test names or files");
            }
        }
        Optional<CheckCommand> narrowed = tests.isEmpty() ? Optional.of(command) : narrow(command, tests);
        String note = "";
        if (narrowed.isEmpty()) {
            note = "Note: `" + command.commandLine() + "` cannot be narrowed to single tests, so the whole suite ran.\n";
        }
        CheckCommand chosen = narrowed.orElse(command);
        CheckResult result = runner.run(chosen, timeLeft.get());
        if (result.interrupted()) {
            throw new ChatCancelledException();
        }
        FailureSummary summary = summarizer.summarize(result, repoRoot, feedbackTokens);
        boolean partial = !tests.isEmpty() && narrowed.isPresent();
        String text = note + summary.forModel() + (summary.passed() && partial
                ? "\nOnly the tests you named ran; run run_tests without \"tests\" before you finish." : "");
        return new ToolOutcome(true, text, summary.headline(), new ToolOutcome.Effect.Tested(chosen.commandLine(), summary, partial));
    }

    /** The command for only {@code tests}, for runners whose argv shows how; empty for shell lines and unknown runners. */
    static Optional<CheckCommand> narrow(CheckCommand command, List<String> tests) {
        List<String> argv = command.argv();
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        List<String> out = new ArrayList<>(argv);
        int unittest = argv.indexOf("unittest");
        if (unittest > 0 && argv.get(unittest - 1).equals("-m")) {
            out = new ArrayList<>(argv.subList(0, unittest + 1));
            out.addAll(tests);
        } else if (argv.contains("pytest") || program.equals("cargo")) {
            out.addAll(tests);
        } else if (program.equals("mvn") || program.equals("mvnw")) {
            out.add("-Dtest=" + String.join(",", tests));
            out.add("-Dsurefire.failIfNoSpecifiedTests=false");
        } else if (program.equals("gradle") || program.equals("gradlew")) {
            for (String test : tests) {
                out.add("--tests");
                out.add(test);
            }
        } else if (Set.of("npm", "pnpm", "yarn").contains(program) && argv.size() == 2 && argv.get(1).equals("test")) {
            out.add("--");
            out.addAll(tests);
        } else if (program.equals("go") && argv.size() >= 2 && argv.get(1).equals("test")) {
            out.add("-run");
            out.add(String.join("|", tests));
        } else {
            return Optional.empty();
        }
        return Optional.of(new CheckCommand(out, command.workingDir(), command.reason() + ", narrowed to " + String.join(" ", tests)));
    }
}
