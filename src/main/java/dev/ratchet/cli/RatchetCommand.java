package dev.ratchet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        subcommands = {
            CommandLine.HelpCommand.class,
            UndoCommand.class,
            DiffCommand.class,
            LogCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    done: every change applied (and tests pass)",
            "  1    gave up: an edit was refused, or tests still fail",
            "  2    usage or configuration error",
            "  3    model or API error",
            "  4    budget exhausted (cost, iterations, time)",
            "  70   internal error (a bug in ratchet)",
            "  130  interrupted",
            "",
            "Run 'ratchet help COMMAND' for a command's options and examples."
        })
public final class RatchetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
