package dev.ratchet.edit.apply;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.workspace.RepoFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Paths a model wrote with git's {@code a/} or {@code b/} prefix ({@code a/src/app.py}) outside a
 * diff, where no header pair shows the prefix is git's. A prefixed path that names no file while
 * the path without the prefix does is read without it; a prefixed path for a new file is read
 * without it only when another path of the same reply needed that reading, so a real top-level
 * {@code a/} or {@code b/} directory is never guessed away.
 */
final class GitPrefix {
    private GitPrefix() {
    }

    static EditPlan resolve(EditPlan plan, RepoFiles files) {
        // Each prefixed path is looked up once: as written, then without the prefix.
        Map<String, Reading> readings = new HashMap<>();
        for (FileChange change : plan.changes()) {
            for (String path : paths(change)) {
                if (hasPrefix(path)) {
                    readings.computeIfAbsent(path, p -> exists(p, files) ? Reading.AS_WRITTEN
                            : exists(p.substring(2), files) ? Reading.WITHOUT_PREFIX : Reading.NEITHER);
                }
            }
        }
        boolean prefixedByGit = plan.changes().stream()
                .anyMatch(change -> readings.get(change.path()) == Reading.WITHOUT_PREFIX);
        UnaryOperator<String> resolve = path -> {
            Reading reading = readings.get(path);
            boolean strip = reading == Reading.WITHOUT_PREFIX || (reading == Reading.NEITHER && prefixedByGit);
            return strip ? path.substring(2) : path;
        };
        List<FileChange> changes = new ArrayList<>();
        for (FileChange change : plan.changes()) {
            if (change instanceof FileChange.Create create) {
                changes.add(new FileChange.Create(resolve.apply(create.path()), create.lines(), create.replaceExisting()));
            } else if (change instanceof FileChange.Update update) {
                changes.add(new FileChange.Update(resolve.apply(update.path()), update.hunks(),
                        update.moveTo() == null ? null : resolve.apply(update.moveTo())));
            } else {
                changes.add(new FileChange.Delete(resolve.apply(change.path())));
            }
        }
        return new EditPlan(changes);
    }

    /** What a prefixed path names: a file as written, a file once the prefix is dropped, or neither. */
    private enum Reading { AS_WRITTEN, WITHOUT_PREFIX, NEITHER }

    private static List<String> paths(FileChange change) {
        return change instanceof FileChange.Update update && update.moveTo() != null
                ? List.of(update.path(), update.moveTo()) : List.of(change.path());
    }

    private static boolean hasPrefix(String path) {
        return path.length() > 2 && (path.startsWith("a/") || path.startsWith("b/"));
    }

    private static boolean exists(String path, RepoFiles files) {
        try {
            return files.read(path).isPresent();
        } catch (IOException | RuntimeException e) {
            // an unsafe or unreadable path is reported when the change itself reads it
            return false;
        }
    }
}
