package dev.ratchet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of an agent run, shared by {@code ratchet "TASK"}, {@code ratchet run} and {@code ratchet demo}. */
public final class RunOptions {

    /** How the run reports to the user. */
    enum OutputFormat { TEXT, JSON, STREAM_JSON }

    @Option(names = "--repo", paramLabel = "DIR", description = "The repository to work in (default: the current directory).")
    Path repo = Path.of("");

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "A file the model must see whole (repeatable). Named files are always sent, even secrets.")
    List<String> files = new ArrayList<>();

    @Option(names = "--weak-model", paramLabel = "MODEL",
            description = "A cheap model for side jobs: before the first edit it picks the files the task needs from the"
                    + " repository map (one request, booked with the run; rank_model: in .ratchet.yml). 'none' turns it"
                    + " off. Default: none.")
    String weakModel;

    @Option(names = "--edit-format", paramLabel = "FORMAT",
            description = "Edit format asked of the model: apply-patch (default for gpt-4.1 models), search-replace, udiff, whole.")
    String editFormat;

    @Option(names = "--test-cmd", paramLabel = "COMMAND",
            description = "The command that runs the tests, through sh -c (default: detected from the project: Maven, Gradle, npm, pytest, go, cargo, make).")
    String testCommand;

    @Option(names = "--lint-cmd", paramLabel = "COMMAND",
            description = "A lint command (through sh -c) run after each round of edits; its findings go back to the model.")
    String lintCommand;

    @Option(names = "--no-test", description = "Run no tests: stop as soon as the edits apply.")
    boolean noTest;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "edit (we choose the context, the model answers with edits), tools (the model explores with "
                    + "function tools), or auto (default): tools when no file is named with -f and the repository is "
                    + "larger than the context budget, edit otherwise.")
    String mode;

    @Option(names = "--allow-command", paramLabel = "COMMAND",
            description = "Tool mode: a command the model may run without asking (repeatable). It allows every command "
                    + "whose first words are these words, e.g. \"npm test\" allows \"npm test -- --grep x\"; commands "
                    + "with shell metacharacters (; & | ` $ < > ( ) \\) are never allowed this way.")
    List<String> allowCommands = new ArrayList<>();

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Most edit-and-test iterations (default 5); in tool mode, most tool calls (default 50).")
    Integer maxIterations;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time budget for the whole run (default 1200).")
    long timeoutSeconds = 1200;

    @Option(names = "--context", paramLabel = "MODE", description = "What the model sees: auto (default), map, whole.")
    String contextMode;

    @Option(names = "--no-commit", description = "Leave the changes in the working tree instead of committing them.")
    boolean noCommit;

    @Option(names = "--branch", paramLabel = "NAME", description = "Run on a new branch NAME instead of the current one.")
    String branch;

    @Option(names = "--no-verify", description = "Commit without running the repository's pre-commit and commit-msg hooks.")
    boolean noVerify;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "text (default), json (one object at the end), stream-json (one JSON event per line).",
            converter = OutputFormatConverter.class)
    OutputFormat outputFormat = OutputFormat.TEXT;

    @Option(names = {"-y", "--yes"}, description = "Never stop to ask (implied when stdin is not a terminal): a command the"
            + " model wants to run that the allow-list does not allow is refused, as in CI, instead of asked about.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Also show the context sections and every request's size.")
    boolean verbose;

    /** Accepts text, json and stream-json (the names users type) for {@link OutputFormat}. */
    static final class OutputFormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "text" -> OutputFormat.TEXT;
                case "json" -> OutputFormat.JSON;
                case "stream-json", "stream_json" -> OutputFormat.STREAM_JSON;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an output format; use text, json or stream-json");
            };
        }
    }
}
