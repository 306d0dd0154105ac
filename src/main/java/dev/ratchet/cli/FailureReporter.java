package dev.ratchet.cli;

import dev.ratchet.config.ConfigException;
import dev.ratchet.model.BudgetExceededException;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ModelException;
import dev.ratchet.model.ModelSetupException;
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
        if (ex instanceof UsageException || ex instanceof ConfigException || ex instanceof ModelSetupException
                || ex instanceof dev.ratchet.context.ContextException
                || ex instanceof dev.ratchet.workspace.GitRefusalException
                || ex instanceof dev.ratchet.check.NoTestCommandException
                || ex instanceof dev.ratchet.check.CheckStartException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof BudgetExceededException) {
            return ExitCode.BUDGET;
        }
        if (ex instanceof ChatCancelledException) {
            return ExitCode.INTERRUPTED;
        }
        if (ex instanceof ModelException) {
            return ExitCode.MODEL;
        }
        return ExitCode.INTERNAL;
    }
}
