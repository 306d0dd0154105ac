package dev.ratchet.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code ratchet}. */
@Command(
        name = "ratchet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "A coding agent for a git repository: it sends your task and the relevant code to a "
                + "GPT-4.1-family model, applies the edits that come back, runs your tests, and repeats "
                + "until they pass or a budget runs out.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    done: every change applied (and tests pass)",
            "  1    gave up: an edit was refused, or tests still fail",
            "  2    usage or configuration error",
            "  3    model or API error",
            "  4    budget exhausted (--max-cost, --timeout)",
            "  70   internal error (a bug in ratchet)",
            "  130  interrupted",
            "",
            "Run 'ratchet help COMMAND' for a command's options and examples."
        })
public final class RatchetCommand implements Callable<Integer> {
    /** Subcommand names in the order help lists them. */
    static final List<String> SUBCOMMANDS = List.of("run", "demo", "apply", "undo", "diff", "log", "context", "models", "doctor", "hook", "help");

    private final Io io;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions runOptions;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(arity = "0..*", paramLabel = "TASK",
            description = "What to change, in plain words (quote it). Same as 'ratchet run TASK'.")
    List<String> task = new ArrayList<>();

    RatchetCommand(Io io) {
        this.io = io;
    }

    /**
     * A new subcommand object. Subcommands are registered one by one because picocli reflects over
     * every command it is given, and that loads the libraries each one uses: a plain
     * {@code ratchet apply} must not pay for Jackson, JGit and the model client at start-up.
     */
    static Object subcommand(String name, Io io) {
        return switch (name) {
            case "run" -> new RunCommand(io);
            case "demo" -> new DemoCommand(io);
            case "apply" -> new ApplyCommand(io);
            case "undo" -> new UndoCommand(io);
            case "diff" -> new DiffCommand(io);
            case "log" -> new LogCommand(io);
            case "context" -> new ContextCommand(io);
            case "models" -> new ModelsCommand(io);
            case "doctor" -> new DoctorCommand(io);
            case "hook" -> new HookCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @Override
    public Integer call() throws IOException {
        if (task.isEmpty()) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCode.USAGE;
        }
        return new AgentRunner(io).run(String.join(" ", task), runOptions, modelOptions);
    }
}
