package dev.ratchet.workspace;

import java.io.IOException;
import java.util.Optional;

/**
 * Read access to the files in a working tree, by repository-relative path. The workspace
 * implements it with path safety; tests implement it in memory.
 */
public interface RepoFiles {

    /**
     * The file's current bytes, or empty when no file exists at that path.
     *
     * @throws UnsafePathException when the path may not be touched (outside the root, in .git, ...)
     * @throws IOException         when the file exists but cannot be read (a directory, no permission)
     */
    Optional<byte[]> read(String path) throws IOException;
}
