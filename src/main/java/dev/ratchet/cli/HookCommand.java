package dev.ratchet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ratchet hook}: the git pre-commit helper (install, uninstall, run). */
@Command(name = "hook", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {HookInstallCommand.class, HookUninstallCommand.class, HookRunCommand.class},
        description = {
            "Check staged changes before each commit: the project's tests and lint, and a model review against "
                + "AGENTS.md / CONVENTIONS.md. In fix mode, failing checks are handed to the edit loop and the fix is staged.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ratchet hook install               # block commits that break the checks",
            "  ratchet hook install --mode fix    # fix what breaks, and stage the fix",
            "  ratchet hook uninstall             # the hook that was there comes back",
            "  RATCHET_SKIP=1 git commit ...      # skip once (or git commit --no-verify)"
        })
final class HookCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
