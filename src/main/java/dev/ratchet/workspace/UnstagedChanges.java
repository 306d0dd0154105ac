package dev.ratchet.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sets the user's unstaged changes aside so checks see exactly what is staged, and puts them back
 * byte for byte (content, mode, time stamps): when the checks end, when the process is stopped
 * (a shutdown hook calls {@link SetAside#restore()}), or, after a {@code kill -9}, on the next
 * {@link #recoverLeftover()}.
 *
 * <p>The working-tree versions of files with unstaged changes are moved under the stash directory
 * together with a manifest, and a {@code git diff --binary} of them for people; only then are the
 * staged versions checked out. Untracked files are never touched.
 */
public final class UnstagedChanges {
    private static final String MANIFEST = "manifest";
    private static final String CHECKED_OUT = "checked-out";
    private static final String PATCH = "unstaged.patch";

    private final Path workTree;
    private final Path stash;
    private final GitCli git;

    UnstagedChanges(Path workTree, Path stash) {
        this.workTree = workTree;
        this.stash = stash;
        this.git = new GitCli(workTree);
    }

    /** Where set-aside files live while checks run. */
    public Path stashDir() {
        return stash;
    }

    /**
     * What {@link #recoverLeftover()} found. {@code kept} are files changed again since the stopped
     * run checked out their staged version: they are left as they are, and their set-aside version
     * stays in {@code stashDir}.
     */
    public record Recovery(List<String> restored, List<String> kept, Path stashDir) {
    }

    /** Puts back what a hook run that was killed had set aside; empty when there was nothing. */
    public Optional<Recovery> recoverLeftover() throws IOException {
        Path manifest = stash.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            // A run killed before its manifest was complete had not changed any file yet.
            deleteStash();
            return Optional.empty();
        }
        List<Entry> entries = readManifest();
        List<String> sums = Files.exists(stash.resolve(CHECKED_OUT))
                ? Files.readAllLines(stash.resolve(CHECKED_OUT), StandardCharsets.UTF_8) : List.of();
        List<String> restored = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            boolean alreadyBack = entry.present()
                    && !Files.exists(stash.resolve("files").resolve(Integer.toString(i)), LinkOption.NOFOLLOW_LINKS);
            if (!alreadyBack && i < sums.size() && !sums.get(i).equals(digest(workTree.resolve(entry.path())))) {
                kept.add(entry.path());
                continue;
            }
            putBack(entry);
            restored.add(entry.path());
        }
        if (kept.isEmpty()) {
            deleteStash();
        }
        return Optional.of(new Recovery(restored, kept, stash));
    }

    /**
     * Moves the working-tree versions of files with unstaged changes aside and checks out their
     * staged versions. Close the handle (or call {@link SetAside#restore()}) to put them back.
     *
     * @throws GitRefusalException when an earlier run's set-aside files are still waiting to be restored
     */
    public SetAside setAside() throws IOException {
        if (Files.exists(stash.resolve(MANIFEST))) {
            throw new GitRefusalException("the unstaged changes an earlier hook run set aside are still in " + stash
                    + "; copy back what you need from its files/ folder (" + PATCH + " shows them as a patch), "
                    + "then delete the folder");
        }
        List<String> paths = git.run("diff", "--name-only", "-z", "--no-renames", "--ignore-submodules").paths();
        if (paths.isEmpty()) {
            return new SetAside(List.of());
        }
        deleteStash();
        Files.createDirectories(stash.resolve("files"));
        Files.write(stash.resolve(PATCH), git.run("diff", "--binary", "--no-color", "--no-ext-diff",
                "--ignore-submodules").out());
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path file = workTree.resolve(paths.get(i));
            boolean present = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            if (present) {
                Files.copy(file, stash.resolve("files").resolve(Integer.toString(i)), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
            }
            entries.add(new Entry(paths.get(i), present, i));
        }
        writeManifest(entries);
        SetAside aside = new SetAside(entries);
        try {
            byte[] list = String.join("\0", paths).concat("\0").getBytes(StandardCharsets.UTF_8);
            git.run(list, "checkout-index", "-f", "-z", "--stdin");
            List<String> sums = new ArrayList<>();
            for (Entry entry : entries) {
                sums.add(digest(workTree.resolve(entry.path())));
            }
            Files.write(stash.resolve(CHECKED_OUT), sums, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException failure) {
            aside.restore();
            throw failure;
        }
        return aside;
    }

    /** One file set aside; {@code present} is false when the user had deleted it without staging that. */
    private record Entry(String path, boolean present, int index) {
    }

    /** The files set aside by one run; restoring is idempotent and safe to call from a shutdown hook. */
    public final class SetAside implements AutoCloseable {
        private final List<Entry> entries;
        private boolean restored;

        private SetAside(List<Entry> entries) {
            this.entries = entries;
            this.restored = entries.isEmpty();
        }

        /** The files whose unstaged changes are set aside. */
        public List<String> paths() {
            return entries.stream().map(Entry::path).toList();
        }

        /** The user's working-tree version of a set-aside file; empty when they had deleted it (or it was not set aside). */
        public Optional<byte[]> saved(String path) throws IOException {
            for (Entry entry : entries) {
                if (entry.path().equals(path) && entry.present()) {
                    return Optional.of(Files.readAllBytes(stash.resolve("files").resolve(Integer.toString(entry.index()))));
                }
            }
            return Optional.empty();
        }

        /** Puts every set-aside file back exactly as it was, then forgets the stash. */
        public synchronized void restore() throws IOException {
            if (restored) {
                return;
            }
            for (Entry entry : entries) {
                putBack(entry);
            }
            deleteStash();
            restored = true;
        }

        @Override
        public void close() throws IOException {
            restore();
        }
    }

    private void putBack(Entry entry) throws IOException {
        Path file = workTree.resolve(entry.path());
        Path saved = stash.resolve("files").resolve(Integer.toString(entry.index()));
        if (!entry.present()) {
            Files.deleteIfExists(file);
            return;
        }
        if (!Files.exists(saved, LinkOption.NOFOLLOW_LINKS)) {
            return; // put back already, before a crash interrupted the rest
        }
        Files.createDirectories(file.getParent());
        try {
            // A rename keeps bytes, mode and time stamps in one step.
            Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            // a linked worktree's git directory may live on another file system
            Files.copy(saved, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
            Files.delete(saved);
        }
    }

    private void writeManifest(List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.present() ? 'P' : 'D').append(entry.path()).append('\0');
        }
        Path temp = stash.resolve(MANIFEST + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Durable.syncFile(temp);
        Files.move(temp, stash.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Entry> readManifest() throws IOException {
        List<Entry> entries = new ArrayList<>();
        String[] records = Files.readString(stash.resolve(MANIFEST), StandardCharsets.UTF_8).split("\0");
        for (String record : records) {
            if (!record.isEmpty()) {
                entries.add(new Entry(record.substring(1), record.charAt(0) == 'P', entries.size()));
            }
        }
        return entries;
    }

    private static String digest(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "link:" + Files.readSymbolicLink(file) : "absent";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void deleteStash() throws IOException {
        if (!Files.exists(stash)) {
            return;
        }
        try (Stream<Path> all = Files.walk(stash)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
