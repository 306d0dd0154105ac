package dev.ratchet.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What is staged for the next commit: the paths (added, changed or deleted) and the diff against
 * HEAD, read with the git binary so the index {@code git commit} hands its hooks is the one read.
 *
 * @param withheld staged paths left out of {@code diff} (files that look like secrets, generated files)
 */
public record StagedChanges(List<String> paths, List<String> deleted, String diff, List<String> withheld) {
    public StagedChanges {
        paths = List.copyOf(paths);
        deleted = List.copyOf(deleted);
        withheld = List.copyOf(withheld);
    }

    static StagedChanges read(GitCli git, Predicate<String> withhold) throws IOException {
        List<String> paths = git.run("diff", "--cached", "--name-only", "-z", "--no-renames").paths();
        List<String> deleted = git.run("diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=D").paths();
        List<String> withheld = paths.stream().filter(withhold).toList();
        List<String> shown = paths.stream().filter(path -> !withheld.contains(path)).toList();
        String diff = "";
        if (!shown.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("diff", "--cached", "--no-color", "--no-ext-diff", "--no-renames", "--"));
            // literal pathspecs: a file named '*.txt' or ':x' means that file, nothing else
            shown.forEach(path -> args.add(":(literal)" + path));
            diff = git.run(args.toArray(String[]::new)).text();
        }
        return new StagedChanges(paths, deleted, diff, withheld);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Staged paths that still exist in the commit (not deletions): the files checks and fixes work on. */
    public List<String> files() {
        return paths.stream().filter(path -> !deleted.contains(path)).toList();
    }
}
