package dev.ratchet.cli;

import dev.ratchet.check.CheckStartException;
import dev.ratchet.check.NoTestCommandException;
import dev.ratchet.config.ConfigException;
import dev.ratchet.context.ContextException;
import dev.ratchet.model.BudgetExceededException;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ModelException;
import dev.ratchet.model.ModelSetupException;
import dev.ratchet.workspace.GitRefusalException;
import dev.ratchet.workspace.HookInstallException;
import dev.ratchet.workspace.NoSuchRunException;
import dev.ratchet.workspace.NotAGitRepositoryException;
import dev.ratchet.workspace.UnsafePathException;
import dev.ratchet.workspace.WorkspaceBusyException;
import dev.ratchet.workspace.WriteFailedException;
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
        // Subclasses before their parents: NotAGitRepository and NoSuchRun are GitRefusalExceptions.
        if (ex instanceof UsageException || ex instanceof ConfigException || ex instanceof ModelSetupException
                || ex instanceof ContextException || ex instanceof NoTestCommandException
                || ex instanceof CheckStartException || ex instanceof NotAGitRepositoryException
                || ex instanceof NoSuchRunException || ex instanceof HookInstallException) {
            return ExitCode.USAGE;
        }
        // The repository's state (a merge in progress, a run already undone), a path or a write was refused.
        if (ex instanceof GitRefusalException || ex instanceof UnsafePathException
                || ex instanceof WriteFailedException || ex instanceof WorkspaceBusyException) {
            return ExitCode.GAVE_UP;
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
