package dev.ratchet.workspace;

import java.io.IOException;
import java.util.List;

/**
 * What is staged for the next commit: the paths (added, changed or deleted) and the diff against
 * HEAD, read with the git binary so the index {@code git commit} hands its hooks is the one read.
 */
public record StagedChanges(List<String> paths, List<String> deleted, String diff) {
    public StagedChanges {
        paths = List.copyOf(paths);
        deleted = List.copyOf(deleted);
    }

    static StagedChanges read(GitCli git) throws IOException {
        List<String> paths = git.run("diff", "--cached", "--name-only", "-z", "--no-renames").paths();
        List<String> deleted = git.run("diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=D").paths();
        String diff = git.run("diff", "--cached", "--no-color", "--no-ext-diff", "--no-renames").text();
        return new StagedChanges(paths, deleted, diff);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Staged paths that still exist in the commit (not deletions): the files checks and fixes work on. */
    public List<String> files() {
        return paths.stream().filter(path -> !deleted.contains(path)).toList();
    }
}
