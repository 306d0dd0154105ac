package dev.ratchet.workspace;

/** One write the workspace performs as part of an atomic batch. */
public sealed interface FileWrite {

    /** Repository-relative path, forward slashes. */
    String path();

    /**
     * Puts these bytes at {@code path}. The new file takes the permissions of {@code keepModeOf}
     * (the same path for an overwrite, the old path for a rename), or the default when that is null.
     */
    record Put(String path, byte[] content, String keepModeOf) implements FileWrite {
    }

    /** Removes the file at {@code path}. */
    record Remove(String path) implements FileWrite {
    }
}
