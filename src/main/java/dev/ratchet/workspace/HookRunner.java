package dev.ratchet.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * Runs the repository's own git hooks the way {@code git commit} does: from the work tree top,
 * found in {@code core.hooksPath} or the hooks directory, only when executable.
 */
final class HookRunner {
    private final Repository repo;

    HookRunner(Repository repo) {
        this.repo = repo;
    }

    /** What a hook did; {@code present} is false when the repository has no such hook. */
    record Result(String hook, boolean present, int exitCode, String output) {
        boolean rejected() {
            return present && exitCode != 0;
        }
    }

    Path hooksDir() {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        Path workTree = repo.getWorkTree().toPath();
        if (configured != null && !configured.isBlank()) {
            String expanded = configured.startsWith("~/")
                    ? System.getProperty("user.home") + configured.substring(1)
                    : configured;
            return workTree.resolve(expanded);
        }
        return repo.getCommonDirectory().toPath().resolve("hooks");
    }

    boolean exists(String hook) {
        Path file = hooksDir().resolve(hook);
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    Result run(String hook, List<String> args, Map<String, String> env) throws IOException {
        Path file = hooksDir().resolve(hook);
        if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            return new Result(hook, false, 0, "");
        }
        List<String> command = new ArrayList<>();
        command.add(file.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repo.getWorkTree())
                .redirectErrorStream(true);
        // Hooks are the user's scripts, but the model's API key has no business there.
        builder.environment().keySet().removeIf(name -> name.endsWith("_API_KEY"));
        builder.environment().putAll(env);
        builder.environment().put("GIT_EDITOR", ":");
        // 'ratchet hook run' skips itself under this variable: a run's own commit must not start another run.
        builder.environment().put(PreCommitHook.INTERNAL_COMMIT_ENV, "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException cannotStart) {
            throw new IOException("could not run the " + hook + " hook " + file + ": " + cannotStart.getMessage()
                    + " (check its #! line); use --no-verify to commit without hooks", cannotStart);
        }
        process.getOutputStream().close(); // hooks get no input, as under git commit
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(hook, true, process.waitFor(), output);
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the " + hook + " hook was running", interrupted);
        }
    }
}
