package dev.ratchet.cli;

import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.PreCommitHook;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratchet hook uninstall}: removes ratchet's pre-commit hook and puts back the one it replaced. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Remove ratchet's pre-commit hook; a hook that was there before it comes back exactly as it was. "
                + "A pre-commit hook that is not ratchet's is left alone (exit 2).")
final class HookUninstallCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository to work in (default: the current directory).")
    Path repo;

    HookUninstallCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        try (GitWorkspace git = GitWorkspace.open(repo)) {
            PreCommitHook.Uninstalled removed = git.preCommitHook().uninstall();
            io.out().println("Removed ratchet's pre-commit hook " + removed.hook()
                    + (removed.restored() == null ? "" : "; put back the hook that was there (from " + removed.restored() + ")"));
            io.out().flush();
            return ExitCode.OK;
        }
    }
}
