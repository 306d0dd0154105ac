package dev.ratchet.cli;

import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.RunRecord;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ratchet undo [RUN]}: puts the working tree back as it was before a run. */
@Command(
        name = "undo",
        mixinStandardHelpOptions = true,
        description = {
            "Restore the working tree exactly as it was before a run (default: the last run not yet undone).",
            "Removes the run's commit when it is HEAD and not pushed; refuses, changing nothing, when the "
                + "run's files were changed since or its commit cannot be removed safely."
        },
        footer = {"", "Examples:", "  ratchet undo", "  ratchet undo 20261125-081502-3fa1"})
final class UndoCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository to work in (default: the current directory).")
    Path repo;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "Run id, as 'ratchet log' shows it.")
    String runId;

    UndoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        try (GitWorkspace workspace = GitWorkspace.open(repo)) {
            GitWorkspace.UndoResult result = workspace.undo(runId);
            RunRecord run = result.run();
            io.out().println("Undid run " + run.id() + " (" + RunLogLine.firstLine(run.task()) + "): " + run.note());
            for (RunRecord.ChangedFile file : result.restored()) {
                io.out().println("  " + RunLogLine.letter(file.change()) + " " + file.path());
            }
            io.out().flush();
            return ExitCode.OK;
        }
    }
}
