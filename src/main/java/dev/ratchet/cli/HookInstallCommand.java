package dev.ratchet.cli;

import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.PreCommitHook;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratchet hook install}: writes the pre-commit hook, keeping any hook already there. */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Write ratchet's pre-commit hook into the hooks directory (core.hooksPath, default .git/hooks).",
            "A pre-commit hook already there is kept: it is moved to pre-commit.ratchet-chained and runs first, "
                + "and a refusal from it stops the commit. With --force it is moved to pre-commit.ratchet-saved and "
                + "not run. 'ratchet hook uninstall' puts it back either way.",
            ""
        })
final class HookInstallCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "Repository to work in (default: the current directory).")
    Path repo;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "check",
            description = "check (default): block a commit whose checks or review fail; fix: let ratchet fix failing checks and stage the fix.")
    String mode;

    @Option(names = "--force", description = "Replace an existing foreign hook instead of chaining it (it is kept as pre-commit.ratchet-saved, not run).")
    boolean force;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "The ratchet the hook runs (default: this installation's launcher or jar; 'ratchet' on PATH when it is gone).")
    String launcher;

    HookInstallCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        String checkedMode = HookRunCommand.mode(mode);
        try (GitWorkspace git = GitWorkspace.open(repo)) {
            List<String> command = launcher != null ? List.of(Path.of(launcher).toAbsolutePath().toString()) : defaultLauncher();
            PreCommitHook.Installed installed = git.preCommitHook().install(command, List.of("--mode", checkedMode), force);
            io.out().println((installed.updated() ? "Updated " : "Installed ") + "ratchet's pre-commit hook ("
                    + checkedMode + " mode): " + installed.hook());
            if (installed.keptAs() != null) {
                io.out().println(installed.chained()
                        ? "The hook that was there runs first, from " + installed.keptAs()
                        : "The hook that was there is kept, not run, as " + installed.keptAs());
            }
            io.out().println("It runs " + String.join(" ", command) + " hook run --mode " + checkedMode
                    + "; skip once with 'git commit --no-verify' or RATCHET_SKIP=1; 'ratchet hook uninstall' removes it.");
            io.out().flush();
            return ExitCode.OK;
        }
    }

    /**
     * The command that started this process, so the hook runs the same ratchet: the launcher
     * script (it exports RATCHET_HOME), else this jar with this java, else {@code ratchet} on PATH.
     */
    private List<String> defaultLauncher() {
        String home = io.env("RATCHET_HOME");
        if (home != null) {
            Path script = Path.of(home, "scripts", "ratchet").toAbsolutePath();
            if (Files.isExecutable(script)) {
                return List.of(script.toString());
            }
        }
        try {
            Path code = Path.of(HookInstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                List<String> command = new ArrayList<>();
                command.add(ProcessHandle.current().info().command().orElse("java"));
                command.addAll(List.of("-jar", code.toAbsolutePath().toString()));
                return command;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException unknownOrigin) {
            // fall through to PATH
        }
        return List.of("ratchet");
    }
}
