package dev.ratchet.workspace;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A directory the agent may read and write: every path is checked against {@link PathPolicy}, and
 * every batch of writes is all-or-nothing, even across a crash (see {@link #write}).
 */
public final class Workspace implements RepoFiles {
    private final Path root;
    private final PathPolicy policy;
    private final JournalStore journal;
    private final StepHook hook;
    private final boolean posix;

    private Workspace(Path root, JournalStore journal, StepHook hook) throws IOException {
        this.root = root;
        this.policy = new PathPolicy(root);
        this.journal = journal;
        this.hook = hook;
        this.posix = Files.getFileStore(root).supportsFileAttributeView("posix");
    }

    /**
     * Opens the directory {@code root} (git is not required) and first repairs a batch of writes
     * that an earlier process left half done, by rolling it back.
     */
    public static Workspace open(Path root) throws IOException {
        Path realRoot = realDirectory(root);
        return open(realRoot, journalFor(realRoot, System.getenv()), StepHook.NONE);
    }

    /** The seam for tests: a chosen journal directory and a hook called between the steps of a write. */
    static Workspace open(Path root, JournalStore journal, StepHook hook) throws IOException {
        Workspace workspace = new Workspace(realDirectory(root), journal, hook);
        workspace.repair();
        return workspace;
    }

    /** The workspace root, with symlinks resolved. */
    public Path root() {
        return root;
    }

    /** Where the journal of a batch in flight is kept. */
    public Path journalDir() {
        return journal.dir();
    }

    /**
     * The path's repository-relative form after every read rule (no '..', not absolute, not in
     * .git, no symlink out of the root), without touching the file; for tools that list or measure.
     *
     * @throws UnsafePathException when the path breaks a rule
     */
    public String check(String path) throws IOException {
        return policy.resolve(path).relative();
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Path file = policy.resolve(path).absolute();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            throw new IOException(path + ": is a directory, not a file");
        }
        return Optional.of(Files.readAllBytes(file));
    }

    /**
     * Carries out every write or none. All paths are checked before anything changes; the new
     * contents are staged next to their targets and forced to disk; a journal with backups of the
     * old files is saved; then the staged files are renamed into place. A failure rolls back what
     * was done and throws {@link WriteFailedException} naming the file; a crash is rolled back by
     * the next {@link #open}.
     *
     * @throws UnsafePathException  when a path breaks a rule; nothing was changed
     * @throws WriteFailedException when a file could not be written; nothing was changed
     */
    public void write(List<FileWrite> writes) throws IOException {
        write(writes, Map.of());
    }

    /**
     * As {@link #write(List)}, and sets or clears the executable bits of the files named in
     * {@code executable} (git records only that bit; undo restores it).
     */
    void write(List<FileWrite> writes, Map<String, Boolean> executable) throws IOException {
        if (writes.isEmpty()) {
            return;
        }
        List<Target> targets = plan(writes, executable);
        try (Closeable lock = journal.lock(root)) {
            WriteJournal saved = saveJournal(targets);
            try {
                stageAndApply(saved, targets);
            } catch (IOException failure) {
                String path = failedAt(failure, targets);
                rollBackAfterFailure(saved, path, failure);
                throw new WriteFailedException(path, describe(failure) + "; no file was changed", failure);
            }
            journal.clear();
            hook.at("done");
            journal.deleteLeftovers();
            journal.removeIfIdle();
        }
    }

    /** A failure while staging or applying, tagged with the file it happened on. */
    private static final class StepFailure extends IOException {
        final int index;

        StepFailure(int index, IOException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }
    }

    private void stageAndApply(WriteJournal saved, List<Target> targets) throws IOException {
        hook.at("journal saved");
        for (String dir : saved.createdDirs()) {
            Path absolute = root.resolve(dir);
            try {
                Files.createDirectory(absolute);
                hook.at("created " + dir);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                if (!Files.isDirectory(absolute)) {
                    throw new StepFailure(indexOfFirstUnder(targets, dir), raced);
                }
            } catch (IOException e) {
                throw new StepFailure(indexOfFirstUnder(targets, dir), e);
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.content != null) {
                try {
                    stage(target.content, root.resolve(saved.entries().get(i).temp()), target.newMode,
                            target.executable);
                    hook.at("staged " + target.resolved.relative());
                } catch (IOException e) {
                    throw new StepFailure(i, e);
                }
            }
        }
        Set<Path> touchedDirs = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            Path file = target.resolved.absolute();
            try {
                if (target.content != null) {
                    Files.move(root.resolve(saved.entries().get(i).temp()), file,
                            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(file);
                }
                touchedDirs.add(file.getParent());
                hook.at("applied " + target.resolved.relative());
            } catch (IOException e) {
                throw new StepFailure(i, e);
            }
        }
        touchedDirs.forEach(Durable::syncDirectory);
        hook.at("applied all");
    }

    private static int indexOfFirstUnder(List<Target> targets, String dir) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).resolved.relative().startsWith(dir + "/")) {
                return i;
            }
        }
        return 0;
    }

    private static String failedAt(IOException failure, List<Target> targets) {
        if (failure instanceof StepFailure step) {
            return targets.get(step.index).resolved.given();
        }
        return targets.get(0).resolved.given();
    }

    private void rollBackAfterFailure(WriteJournal saved, String path, IOException failure) throws IOException {
        try {
            rollBack(saved);
            journal.clear();
            journal.deleteLeftovers();
            journal.removeIfIdle();
        } catch (IOException rollbackFailed) {
            rollbackFailed.addSuppressed(failure);
            throw new WriteFailedException(path, describe(failure) + "; rolling back also failed ("
                    + describe(rollbackFailed) + "); the journal in " + journal.dir()
                    + " is kept and the next ratchet start retries the rollback", rollbackFailed);
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e instanceof StepFailure && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        if (cause instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            message = fse.getReason() + (fse.getFile() != null ? " (" + fse.getFile() + ")" : "");
        }
        String kind = switch (cause.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "permission denied, a read-only file or directory";
            case "NoSuchFileException" -> "no such file";
            case "FileSystemException", "IOException" -> null;
            default -> cause.getClass().getSimpleName();
        };
        if (kind == null) {
            return message == null ? "I/O error" : message;
        }
        return kind + (message == null ? "" : ": " + message);
    }

    /** One checked write, with everything needed to carry it out. */
    private record Target(PathPolicy.Resolved resolved, byte[] content, Set<PosixFilePermission> newMode,
            Boolean executable, boolean existed, Set<PosixFilePermission> oldMode) {
    }

    private List<Target> plan(List<FileWrite> writes, Map<String, Boolean> executable) throws IOException {
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FileWrite write : writes) {
            PathPolicy.Resolved resolved = policy.resolveForWrite(write.path());
            if (!seen.add(resolved.relative())) {
                throw new IllegalArgumentException(write.path() + ": written twice in one batch (as "
                        + resolved.relative() + "); merge the changes to one file into one write");
            }
            Path file = resolved.absolute();
            boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            if (exists && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new WriteFailedException(write.path(), "is a directory or special file, not a regular file; nothing was changed");
            }
            Set<PosixFilePermission> oldMode = exists ? modeOf(file) : null;
            if (write instanceof FileWrite.Put put) {
                checkParents(put.path(), file);
                Set<PosixFilePermission> newMode = null;
                if (put.keepModeOf() != null) {
                    Path modeSource = policy.resolve(put.keepModeOf()).absolute();
                    newMode = Files.isRegularFile(modeSource) ? modeOf(modeSource) : null;
                }
                targets.add(new Target(resolved, put.content().clone(), newMode, executable.get(put.path()),
                        exists, oldMode));
            } else {
                if (!exists) {
                    throw new WriteFailedException(write.path(), "does not exist, so it cannot be removed; nothing was changed");
                }
                targets.add(new Target(resolved, null, null, null, true, oldMode));
            }
        }
        return targets;
    }

    private void checkParents(String given, Path file) throws IOException {
        for (Path parent = file.getParent(); parent != null && parent.startsWith(root); parent = parent.getParent()) {
            if (Files.exists(parent)) {
                if (!Files.isDirectory(parent)) {
                    throw new WriteFailedException(given, root.relativize(parent)
                            + " is a file, so no file can be created under it; nothing was changed");
                }
                return;
            }
        }
    }

    private Set<PosixFilePermission> modeOf(Path file) throws IOException {
        return posix ? Files.getPosixFilePermissions(file) : null;
    }

    private WriteJournal saveJournal(List<Target> targets) throws IOException {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<WriteJournal.Entry> entries = new ArrayList<>();
        LinkedHashSet<String> createdDirs = new LinkedHashSet<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get(i);
                Path file = target.resolved.absolute();
                String backup = null;
                if (target.existed) {
                    backup = journal.backupName(i);
                    journal.backUp(file, backup);
                    hook.at("backed up " + target.resolved.relative());
                }
                if (target.content != null) {
                    addMissingParents(file.getParent(), createdDirs);
                }
                String temp = root.relativize(file.resolveSibling("." + file.getFileName() + ".ratchet-" + batch))
                        .toString().replace('\\', '/');
                entries.add(new WriteJournal.Entry(target.resolved.relative(), temp, backup,
                        target.oldMode == null ? null : PosixFilePermissions.toString(target.oldMode)));
            }
            WriteJournal saved = new WriteJournal(root.toString(), entries, List.copyOf(createdDirs));
            journal.save(saved);
            return saved;
        } catch (IOException e) {
            journal.deleteLeftovers();
            journal.removeIfIdle();
            String path = targets.get(Math.min(entries.size(), targets.size() - 1)).resolved.given();
            throw new WriteFailedException(path, "could not save the backup or journal in " + journal.dir()
                    + " (" + describe(e) + "); no file was changed", e);
        }
    }

    private void addMissingParents(Path dir, LinkedHashSet<String> createdDirs) {
        List<String> missing = new ArrayList<>();
        for (Path d = dir; d != null && !d.equals(root) && !Files.isDirectory(d); d = d.getParent()) {
            missing.add(0, root.relativize(d).toString().replace('\\', '/'));
        }
        createdDirs.addAll(missing);
    }

    private void stage(byte[] content, Path temp, Set<PosixFilePermission> mode, Boolean executable)
            throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
        if (mode != null) {
            Files.setPosixFilePermissions(temp, mode);
        }
        if (executable != null && posix) {
            Files.setPosixFilePermissions(temp, withExecutable(Files.getPosixFilePermissions(temp), executable));
        }
    }

    /** Like git: executable means x wherever r is; not executable means no x at all. */
    private static Set<PosixFilePermission> withExecutable(Set<PosixFilePermission> mode, boolean executable) {
        Set<PosixFilePermission> result = java.util.EnumSet.noneOf(PosixFilePermission.class);
        result.addAll(mode);
        result.removeAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        if (executable) {
            if (mode.contains(PosixFilePermission.OWNER_READ)) {
                result.add(PosixFilePermission.OWNER_EXECUTE);
            }
            if (mode.contains(PosixFilePermission.GROUP_READ)) {
                result.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (mode.contains(PosixFilePermission.OTHERS_READ)) {
                result.add(PosixFilePermission.OTHERS_EXECUTE);
            }
        }
        return result;
    }

    /** Rolls back an interrupted batch, if the journal shows one. */
    private void repair() throws IOException {
        if (!Files.isDirectory(journal.dir())) {
            return; // never written here: nothing to repair, and no reason to create the directory yet
        }
        try (Closeable lock = journal.lock(root)) {
            Optional<WriteJournal> pending = journal.load();
            if (pending.isPresent()) {
                try {
                    rollBack(pending.get());
                } catch (IOException e) {
                    throw new WriteFailedException(journal.file().toString(), "an earlier ratchet was interrupted "
                            + "while writing files in " + root + ", and undoing its half-done write failed: " + describe(e)
                            + ". Fix the cause; the journal " + journal.file()
                            + " is kept so the next start tries again", e);
                }
            }
            journal.clear();
            journal.deleteLeftovers();
            journal.removeIfIdle();
        }
    }

    /** Puts every file of the batch back as the journal recorded it; safe to repeat after a crash. */
    private void rollBack(WriteJournal saved) throws IOException {
        Set<Path> touchedDirs = new LinkedHashSet<>();
        List<WriteJournal.Entry> entries = saved.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            WriteJournal.Entry entry = entries.get(i);
            Path file = root.resolve(entry.path());
            Path temp = root.resolve(entry.temp());
            Files.deleteIfExists(temp);
            if (entry.backup() == null) {
                Files.deleteIfExists(file);
            } else {
                restore(journal.backupFile(entry.backup()), file, temp, entry.oldMode());
            }
            touchedDirs.add(file.getParent());
            hook.at("rolled back " + entry.path());
        }
        List<String> dirs = new ArrayList<>(saved.createdDirs());
        for (int i = dirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(root.resolve(dirs.get(i)));
            } catch (DirectoryNotEmptyException userPutFilesThere) {
                // Someone else's files live there now; the directory stays.
            }
        }
        touchedDirs.forEach(Durable::syncDirectory);
    }

    private void restore(Path backup, Path file, Path temp, String oldMode) throws IOException {
        Set<PosixFilePermission> mode = oldMode == null || !posix ? null : PosixFilePermissions.fromString(oldMode);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(backup))
                && (mode == null || mode.equals(Files.getPosixFilePermissions(file)))) {
            return; // untouched: rewriting it would only bump its mtime and trigger rebuilds
        }
        Files.createDirectories(file.getParent());
        Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncFile(temp);
        if (mode != null) {
            Files.setPosixFilePermissions(temp, mode);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path realDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a directory; pass the root of the project to work in");
        }
        return root.toRealPath();
    }

    /**
     * The journal lives in the git dir when there is one, so it never shows in the user's tree and
     * moves with the repository. Without git it goes to the user's state directory (not the temp
     * dir: a reboot may clear /tmp, and a journal that vanishes after a power cut cannot roll back),
     * keyed by the root's real path, and is removed whenever no batch is in flight; its lock file
     * stays behind in the temp dir, which the system cleans.
     */
    static JournalStore journalFor(Path realRoot, Map<String, String> env) throws IOException {
        Optional<Path> gitDir = gitDirAbove(realRoot);
        if (gitDir.isPresent()) {
            return new JournalStore(gitDir.get().resolve("ratchet").resolve("journal"));
        }
        String key = keyOf(realRoot);
        String stateHome = env.get("XDG_STATE_HOME");
        Path base = stateHome != null && !stateHome.isBlank()
                ? Path.of(stateHome)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "ratchet-locks", key + ".lock");
        return new JournalStore(base.resolve("ratchet").resolve("journals").resolve(key), lock, true);
    }

    static Path journalDirFor(Path realRoot, Map<String, String> env) throws IOException {
        return journalFor(realRoot, env).dir();
    }

    private static Optional<Path> gitDirAbove(Path realRoot) throws IOException {
        for (Path dir = realRoot; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                return Optional.of(gitDirOfLink(dir, dotGit));
            }
        }
        return Optional.empty();
    }

    /** A worktree or submodule has a {@code .git} file saying {@code gitdir: <path>}. */
    private static Path gitDirOfLink(Path dir, Path dotGit) throws IOException {
        String text = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
        if (!text.startsWith("gitdir:")) {
            throw new IOException(dotGit + ": a .git file without a 'gitdir:' line; repair or remove it");
        }
        return dir.resolve(text.substring("gitdir:".length()).trim()).normalize();
    }

    private static String keyOf(Path realRoot) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(realRoot.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", impossible);
        }
    }
}
