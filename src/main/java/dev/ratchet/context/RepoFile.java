package dev.ratchet.context;

/**
 * A file of the working tree that may go into the context. {@code blobId} is the git blob id of
 * the content on disk (hex), taken from the index when the file is unchanged; {@code changed}
 * is true for untracked files and files that differ from the index.
 */
public record RepoFile(String path, String blobId, long size, boolean changed) {
}
