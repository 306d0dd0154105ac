package dev.ratchet.edit;

import java.util.List;

/**
 * One file-level change. Paths are as the model wrote them after light cleaning (no {@code a/}
 * prefix, forward slashes); whether a path is allowed is decided by the workspace, not here.
 * Content is held as lines without terminators: the applier renders them with the target file's
 * own line endings, so a parser never has to guess them.
 */
public sealed interface FileChange {

    /** The path the change reads from (for a create: the path it writes). */
    String path();

    /** A new file. With {@code replaceExisting} (the whole-file format) an existing file is overwritten. */
    record Create(String path, List<String> lines, boolean replaceExisting) implements FileChange {
        public Create {
            lines = List.copyOf(lines);
        }
    }

    /** Edits located by content inside an existing file; {@code moveTo} renames it too, when not null. */
    record Update(String path, List<Hunk> hunks, String moveTo) implements FileChange {
        public Update {
            hunks = List.copyOf(hunks);
        }

        public Update(String path, List<Hunk> hunks) {
            this(path, hunks, null);
        }
    }

    /** Removes an existing file. */
    record Delete(String path) implements FileChange {
    }
}
