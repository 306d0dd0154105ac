package dev.ratchet.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * ratchet's pre-commit hook file: installs it into the hooks directory ({@code core.hooksPath}
 * honoured) and removes it again, never losing a hook that was there before.
 *
 * <p>A hook already in place is moved to {@value #CHAINED} and run first by ratchet's hook, its
 * exit code kept; with {@code force} it is moved to {@value #SAVED} and not run. Uninstall puts
 * either back under its own name, bytes and mode unchanged.
 */
public final class PreCommitHook {
    public static final String NAME = "pre-commit";
    /** Set for every hook ratchet itself runs (its own commits); {@code ratchet hook run} then does nothing. */
    public static final String INTERNAL_COMMIT_ENV = "RATCHET_INTERNAL_COMMIT";
    public static final String CHAINED = "pre-commit.ratchet-chained";
    public static final String SAVED = "pre-commit.ratchet-saved";
    /** The line that marks a hook file as ratchet's own, so it is updated in place and never chained to itself. */
    static final String MARKER = "# installed by 'ratchet hook install'";

    private final Path hooksDir;

    PreCommitHook(Path hooksDir) {
        this.hooksDir = hooksDir;
    }

    /** The hook file's path. */
    public Path file() {
        return hooksDir.resolve(NAME);
    }

    /** What install found and did; {@code keptAs} is where an earlier hook now lives, or null. */
    public record Installed(Path hook, Path keptAs, boolean chained, boolean updated) {
    }

    /** What uninstall did; {@code restored} is the earlier hook put back, or null when there was none. */
    public record Uninstalled(Path hook, Path restored) {
    }

    /**
     * Writes the hook. {@code launcher} is the command that runs ratchet (its first word is
     * checked at commit time, falling back to {@code ratchet} on PATH); {@code hookArgs} follow
     * {@code hook run}.
     *
     * @throws HookInstallException when a foreign hook exists and a kept one is already in the way
     */
    public Installed install(List<String> launcher, List<String> hookArgs, boolean force) throws IOException {
        Files.createDirectories(hooksDir);
        Path hook = file();
        boolean exists = Files.exists(hook, LinkOption.NOFOLLOW_LINKS);
        boolean ours = exists && isOurs(hook);
        Path keptAs = null;
        boolean chained = Files.exists(hooksDir.resolve(CHAINED), LinkOption.NOFOLLOW_LINKS);
        if (exists && !ours) {
            Path target = hooksDir.resolve(force ? SAVED : CHAINED);
            Path other = hooksDir.resolve(force ? CHAINED : SAVED);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(other, LinkOption.NOFOLLOW_LINKS)) {
                throw new HookInstallException(hook + " is not ratchet's, and an earlier hook is already kept next to it ("
                        + (Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? target : other) + "); merge them by hand "
                        + "into one script, delete the one you no longer need, and install again");
            }
            // A move keeps the file's bytes, mode and any symlink exactly, so uninstall can put it back as it was.
            Files.move(hook, target, StandardCopyOption.ATOMIC_MOVE);
            keptAs = target;
            chained = !force;
        }
        Path temp = hooksDir.resolve(NAME + ".ratchet-tmp");
        Files.writeString(temp, script(launcher, hookArgs), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(temp, hook, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Installed(hook, keptAs, chained, ours);
    }

    /**
     * Removes ratchet's hook and puts back the one it replaced.
     *
     * @throws HookInstallException when the hook in place is not ratchet's (it is left alone)
     */
    public Uninstalled uninstall() throws IOException {
        Path hook = file();
        if (!Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
            throw new HookInstallException("no pre-commit hook is installed in " + hooksDir + "; nothing to uninstall");
        }
        if (!isOurs(hook)) {
            throw new HookInstallException(hook + " is not ratchet's hook; it is left as it is");
        }
        Path restored = null;
        for (String kept : List.of(CHAINED, SAVED)) {
            Path file = hooksDir.resolve(kept);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(file, hook, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                restored = file;
                break;
            }
        }
        if (restored == null) {
            Files.delete(hook);
        }
        return new Uninstalled(hook, restored);
    }

    /** Whether the hook in place is ratchet's. */
    public boolean installed() throws IOException {
        return Files.exists(file(), LinkOption.NOFOLLOW_LINKS) && isOurs(file());
    }

    private static boolean isOurs(Path hook) throws IOException {
        if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var lines = Files.lines(hook, StandardCharsets.ISO_8859_1)) {
            return lines.limit(5).anyMatch(line -> line.startsWith(MARKER));
        }
    }

    static String script(List<String> launcher, List<String> hookArgs) {
        String words = launcher.stream().map(PreCommitHook::quote).collect(Collectors.joining(" "));
        String args = hookArgs.stream().map(PreCommitHook::quote).collect(Collectors.joining(" "));
        return "#!/bin/sh\n"
                + MARKER + "; 'ratchet hook uninstall' puts back what was here before.\n"
                + "# Checks the staged changes before each commit. Skip once with 'git commit --no-verify' or RATCHET_SKIP=1.\n"
                + "hooks_dir=$(dirname \"$0\")\n"
                + "# A hook that was here before ratchet's runs first; its refusal stops the commit.\n"
                + "if [ -x \"$hooks_dir/" + CHAINED + "\" ]; then\n"
                + "    \"$hooks_dir/" + CHAINED + "\" \"$@\" || exit $?\n"
                + "fi\n"
                + "set -- " + words + "\n"
                + "if [ ! -x \"$1\" ]; then\n"
                + "    if command -v ratchet >/dev/null 2>&1; then\n"
                + "        set -- ratchet\n"
                + "    else\n"
                + "        echo \"ratchet hook: cannot find ratchet ($1 is gone and ratchet is not on PATH); run 'ratchet hook install' again, or commit with --no-verify\" >&2\n"
                + "        exit 1\n"
                + "    fi\n"
                + "fi\n"
                + "exec \"$@\" hook run " + args + "\n";
    }

    /** Single-quotes a word for sh; a quote inside becomes '\'' . */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
