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
        return commandLine(io).execute(args);
    }

    static CommandLine commandLine(Io io) {
        CommandLine commandLine = new CommandLine(new RatchetCommand(io), new CommandFactory(io));
        commandLine.setOut(io.out());
        commandLine.setErr(io.err());
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
