package dev.ratchet.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for files and directories, so a rename survives a power cut and not just a crash. */
final class Durable {

    private Durable() {
    }

    static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a directory's entries (new names, renames, deletions) durable; a no-op where the OS cannot. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory as a channel; its renames are durable by other means.
        }
    }
}
