package dev.ratchet.cli;

import dev.ratchet.workspace.GitWorkspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ratchet diff [RUN]}: what a run changed, as a unified diff. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Show what a run changed, as a unified diff (default: the last run). A run still in "
                + "progress is compared with the working tree as it is now.",
        footer = {"", "Examples:", "  ratchet diff", "  ratchet diff 20261125-081502-3fa1 | less"})
final class DiffCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository to work in (default: the current directory).")
    Path repo;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "Run id, as 'ratchet log' shows it.")
    String runId;

    DiffCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        try (GitWorkspace workspace = GitWorkspace.open(repo)) {
            io.out().print(workspace.diff(runId));
            io.out().flush();
            return ExitCode.OK;
        }
    }
}
