package dev.ratchet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place where exceptions become exit codes and messages. Library code throws precise
 * exceptions whose message already says what to fix; this class only chooses the code and the
 * prefix, and hides stack traces unless something is truly a bug.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = exitCodeFor(ex);
        if (code == ExitCode.INTERNAL) {
            err.println("ratchet: unexpected error (this is a bug in ratchet; please report it with the trace below)");
            ex.printStackTrace(err);
        } else {
            err.println("ratchet: " + ex.getMessage());
        }
        err.flush();
        return code;
    }

    static int exitCodeFor(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof dev.ratchet.context.ContextException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL;
    }
}
