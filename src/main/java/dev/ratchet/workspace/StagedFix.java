package dev.ratchet.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fix the pre-commit hook's edit loop made on the staged versions of files: staged on top of
 * what the user staged, and merged into the user's unstaged versions of the same files, so their
 * unstaged hunks stay unstaged and the fix is in both.
 */
public final class StagedFix {
    private final Path hookDir;
    private final GitCli git;
    private final Workspace files;

    StagedFix(Path hookDir, GitCli git, Workspace files) {
        this.hookDir = hookDir;
        this.git = git;
        this.files = files;
    }

    /** The user's working-tree versions with the fix merged in, keyed by path. */
    public record Merged(Map<String, byte[]> contents) {
        public Merged {
            contents = Map.copyOf(contents);
        }
    }

    /**
     * Three-way merges the fix (staged version to fixed version) into the user's set-aside version of
     * each changed file, without writing into the work tree. Empty when a fix hunk overlaps an
     * unstaged hunk, or the fix touches a file the user had deleted: then nothing may be staged.
     * Call it before {@link #stage}: the staged version is the merge base.
     */
    public Optional<Merged> merge(UnstagedChanges.SetAside aside, List<String> changed) throws IOException {
        Map<String, byte[]> merged = new LinkedHashMap<>();
        Path dir = hookDir.resolve("merge");
        Files.createDirectories(dir);
        try {
            for (String path : changed) {
                if (!aside.paths().contains(path)) {
                    continue;
                }
                Optional<byte[]> theirs = aside.saved(path);
                Path fixed = files.root().resolve(path);
                if (theirs.isEmpty() || !Files.isRegularFile(fixed, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                Path current = Files.write(dir.resolve("unstaged"), theirs.get());
                Path base = Files.write(dir.resolve("staged"), git.run("show", ":" + path).out());
                Path other = Files.write(dir.resolve("fixed"), Files.readAllBytes(fixed));
                GitCli.Result result = git.attempt(new byte[0], "merge-file", "-p", "-q",
                        current.toString(), base.toString(), other.toString());
                if (result.exitCode() < 0 || result.exitCode() > 127) {
                    throw new IOException("git merge-file failed on " + path + ": " + result.err().strip());
                }
                if (result.exitCode() != 0) {
                    return Optional.empty(); // conflicts: the fix and an unstaged hunk touch the same lines
                }
                merged.put(path, result.out());
            }
        } finally {
            for (String name : List.of("unstaged", "staged", "fixed")) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
        return Optional.of(new Merged(merged));
    }

    /** Stages the changed files as they are in the work tree (added, changed or deleted). */
    public void stage(List<String> changed) throws IOException {
        List<String> args = new ArrayList<>(List.of("add", "-A", "--"));
        args.addAll(changed);
        git.run(args.toArray(String[]::new));
    }

    /** Writes the merged versions over the restored unstaged ones, in one atomic batch, modes kept. */
    public void writeMerged(Merged merged) throws IOException {
        List<FileWrite> writes = new ArrayList<>();
        merged.contents().forEach((path, content) -> writes.add(new FileWrite.Put(path, content, path)));
        files.write(writes);
    }

    /** Saves a proposed fix as a patch file the user can apply with {@code git apply}; returns its path. */
    public Path savePatch(String name, String diff) throws IOException {
        Files.createDirectories(hookDir);
        Path patch = hookDir.resolve(name + ".patch");
        Files.writeString(patch, diff, StandardCharsets.UTF_8);
        return patch;
    }
}
