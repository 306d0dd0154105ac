package dev.ratchet.workspace;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The directory that holds the journal of the batch in flight, the backups it needs, and the lock
 * that keeps two ratchet processes from writing the same tree at once.
 */
final class JournalStore {
    private static final String JOURNAL = "batch.journal";
    private static final String LOCK = "lock";
    private static final String BACKUP_PREFIX = "backup-";

    private final Path dir;
    private final Path lockFile;
    private final boolean removeDirWhenIdle;

    /** A journal directory that stays (inside a git dir), with its lock file in it. */
    JournalStore(Path dir) {
        this(dir, dir.resolve(LOCK), false);
    }

    /**
     * A journal directory that is removed whenever no batch is in flight, so that writing to many
     * directories without git leaves no trail; its lock must then live elsewhere, since deleting
     * a lock file other processes may have open would let two of them hold "the" lock.
     */
    JournalStore(Path dir, Path lockFile, boolean removeDirWhenIdle) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.removeDirWhenIdle = removeDirWhenIdle;
    }

    Path dir() {
        return dir;
    }

    /** The journal of the batch in flight, present only while one is. */
    Path file() {
        return dir.resolve(JOURNAL);
    }

    /** Holds the write lock until closed; refuses at once if another process holds it. */
    Closeable lock(Path root) throws IOException {
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new WorkspaceBusyException("another ratchet is writing to " + root + " right now (lock file "
                    + lockFile + "); wait for it to finish and try again");
        }
        FileLock held = lock;
        return () -> {
            held.release();
            channel.close();
        };
    }

    Optional<WriteJournal> load() throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(WriteJournal.parse(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new IOException("the journal of an interrupted write, " + file + ", cannot be read ("
                    + unreadable.getMessage() + "); check the files it names by hand, then delete it", unreadable);
        }
    }

    /** Saves the journal durably: after this returns, a crash leaves a journal the next open finds. */
    void save(WriteJournal journal) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve(JOURNAL + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(journal.toText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
        Files.move(temp, dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncDirectory(dir);
    }

    String backupName(int index) {
        return BACKUP_PREFIX + index;
    }

    Path backupFile(String name) {
        return dir.resolve(name);
    }

    /** Copies {@code source} to a backup and forces it to disk. */
    void backUp(Path source, String name) throws IOException {
        Files.createDirectories(dir);
        Path backup = dir.resolve(name);
        Files.copy(source, backup, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncFile(backup);
    }

    /** Forgets the batch: deleting the journal is the moment a batch counts as done. */
    void clear() throws IOException {
        Files.deleteIfExists(dir.resolve(JOURNAL));
        Durable.syncDirectory(dir);
    }

    /** Call with the lock held, after {@link #clear}: removes the directory if it is to go and is empty. */
    void removeIfIdle() throws IOException {
        if (removeDirWhenIdle) {
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException stillInUse) {
                // Something unexpected is in there; leave it for a human rather than guess.
            }
        }
    }

    /** Removes backups and half-written journals that no journal refers to any more. */
    void deleteLeftovers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(BACKUP_PREFIX) || name.equals(JOURNAL + ".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
