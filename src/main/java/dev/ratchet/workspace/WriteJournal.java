package dev.ratchet.workspace;

import java.util.List;

/**
 * What a batch of writes is about to do, saved before the first file changes so that an
 * interrupted batch can be rolled back by the next {@link Workspace#open}. Paths are relative to
 * the workspace root.
 *
 * @param root        the workspace root the batch belongs to (for a human reading the file)
 * @param entries     one per target file, in batch order
 * @param createdDirs directories the batch creates, parents before children
 */
record WriteJournal(String root, List<Entry> entries, List<String> createdDirs) {

    WriteJournal {
        entries = List.copyOf(entries);
        createdDirs = List.copyOf(createdDirs);
    }

    /**
     * One target file.
     *
     * @param path     the file the batch replaces, creates or removes
     * @param temp     the staging file next to it (also used to restore it)
     * @param backup   name of the copy of the old content in the journal directory; null when the
     *                 file did not exist before the batch
     * @param oldMode  POSIX permissions of the old file ({@code rwxr-xr-x}), null when unknown
     */
    record Entry(String path, String temp, String backup, String oldMode) {
    }
}
