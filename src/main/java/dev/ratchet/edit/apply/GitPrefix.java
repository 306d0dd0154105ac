package dev.ratchet.edit.apply;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.workspace.RepoFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        boolean prefixedByGit = false;
        for (FileChange change : plan.changes()) {
            prefixedByGit |= strippedByExistence(change.path(), files);
        }
        List<FileChange> changes = new ArrayList<>();
        for (FileChange change : plan.changes()) {
            if (change instanceof FileChange.Create create) {
                changes.add(new FileChange.Create(
                        resolve(create.path(), files, prefixedByGit), create.lines(), create.replaceExisting()));
            } else if (change instanceof FileChange.Update update) {
                changes.add(new FileChange.Update(resolve(update.path(), files, prefixedByGit), update.hunks(),
                        update.moveTo() == null ? null : resolve(update.moveTo(), files, prefixedByGit)));
            } else {
                changes.add(new FileChange.Delete(resolve(change.path(), files, prefixedByGit)));
            }
        }
        return new EditPlan(changes);
    }

    private static String resolve(String path, RepoFiles files, boolean prefixedByGit) {
        if (!hasPrefix(path) || exists(path, files)) {
            return path;
        }
        return prefixedByGit || exists(path.substring(2), files) ? path.substring(2) : path;
    }

    private static boolean strippedByExistence(String path, RepoFiles files) {
        return hasPrefix(path) && !exists(path, files) && exists(path.substring(2), files);
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
