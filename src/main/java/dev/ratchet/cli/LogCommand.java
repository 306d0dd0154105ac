package dev.ratchet.cli;

import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratchet log}: the runs recorded in this repository, oldest first. */
@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = "List the runs recorded in this repository, oldest first: id, start time (UTC), result, "
                + "files changed, task.",
        footer = {"", "Example:", "  ratchet log"})
final class LogCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository to work in (default: the current directory).")
    Path repo;

    LogCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        try (GitWorkspace workspace = GitWorkspace.open(repo)) {
            List<RunRecord> runs = workspace.runs();
            if (runs.isEmpty()) {
                io.out().println("No runs recorded in " + workspace.workTree() + " yet.");
            }
            runs.forEach(run -> io.out().println(RunLogLine.of(run)));
            io.out().flush();
            return ExitCode.OK;
        }
    }
}
