package dev.ratchet.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The git binary, run in the work tree. The pre-commit hook uses it rather than JGit because
 * {@code git commit} hands its hooks the index to check through {@code GIT_INDEX_FILE}, which
 * the git binary honours by itself.
 */
final class GitCli {
    private final Path workTree;

    GitCli(Path workTree) {
        this.workTree = workTree;
    }

    /** What one git command printed and how it exited. */
    record Result(int exitCode, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        /** The NUL-separated paths of a {@code -z} listing. */
        List<String> paths() {
            List<String> paths = new ArrayList<>();
            for (String path : text().split("\0")) {
                if (!path.isEmpty()) {
                    paths.add(path);
                }
            }
            return paths;
        }
    }

    /** Runs git and fails with its message when it exits non-zero. */
    Result run(byte[] stdin, String... args) throws IOException {
        Result result = attempt(stdin, args);
        if (result.exitCode() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed (exit " + result.exitCode() + "): "
                    + result.err().strip());
        }
        return result;
    }

    Result run(String... args) throws IOException {
        return run(new byte[0], args);
    }

    /** Runs git and returns whatever happened. */
    Result attempt(byte[] stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workTree.toFile()).start();
        } catch (IOException noGit) {
            throw new IOException("could not run git (" + noGit.getMessage() + "); the pre-commit hook needs the git "
                    + "binary on PATH", noGit);
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = drain(process.getInputStream());
        try {
            int code = process.waitFor();
            return new Result(code, out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git " + String.join(" ", args) + " ran", interrupted);
        }
    }

    private static byte[] drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
