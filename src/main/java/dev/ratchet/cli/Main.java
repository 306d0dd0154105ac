package dev.ratchet.cli;

import picocli.CommandLine;

/** Process entry point: builds the command tree and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Runs one command line against the given surroundings; tests call this in-process. */
    public static int run(Io io, String... args) {
        return commandLine(io, args).execute(args);
    }

    /** The command tree for these arguments: only the subcommand they name, or every one (help, a task). */
    static CommandLine commandLine(Io io, String... args) {
        CommandLine commandLine = new CommandLine(new RatchetCommand(io), new CommandFactory(io));
        boolean namesOne = args.length > 0 && !args[0].equals("help") && RatchetCommand.SUBCOMMANDS.contains(args[0]);
        for (String name : namesOne ? java.util.List.of(args[0]) : RatchetCommand.SUBCOMMANDS) {
            commandLine.addSubcommand(name, RatchetCommand.subcommand(name, io));
        }
        commandLine.setOut(io.out());
        commandLine.setErr(io.err());
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
