package dev.ratchet.check;

/** The check command could not be started at all (program missing, directory gone); the message says which and how to fix it. */
public class CheckStartException extends RuntimeException {
    public CheckStartException(CheckCommand command, Exception cause) {
        super("cannot start `" + command.commandLine() + "` in " + command.workingDir()
                + " (" + command.reason() + "): " + cause.getMessage()
                + "; install the program or pass --test-cmd \"<command>\"", cause);
    }
}
