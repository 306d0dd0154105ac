package dev.ratchet.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {

    @TempDir
    Path root;

    @TempDir
    Path journalDir;

    @TempDir
    Path outside;

    private final List<Path> immutable = new ArrayList<>();

    @BeforeEach
    void files() throws IOException {
        Files.writeString(root.resolve("a.txt"), "old a\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/b.txt"), "old b\n");
        Files.writeString(root.resolve("run.sh"), "#!/bin/sh\necho old\n");
        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(outside.resolve("secret"), "password\n");
    }

    @AfterEach
    void makeMutableAgain() throws Exception {
        for (Path path : immutable) {
            new ProcessBuilder("chattr", "-i", path.toString()).inheritIO().start().waitFor();
        }
    }

    private Workspace open() throws IOException {
        return Workspace.open(root, new JournalStore(journalDir), StepHook.NONE);
    }

    private Workspace open(StepHook hook) throws IOException {
        return Workspace.open(root, new JournalStore(journalDir), hook);
    }

    private static FileWrite.Put put(String path, String content) {
        return new FileWrite.Put(path, content.getBytes(UTF_8), path);
    }

    private String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }

    @Nested
    class Reading {
        @Test
        void readsAFileAndReportsAMissingOneAsEmpty() throws IOException {
            Workspace workspace = open();

            assertThat(workspace.read("src/b.txt")).map(b -> new String(b, UTF_8)).contains("old b\n");
            assertThat(workspace.read("./src//b.txt")).map(b -> new String(b, UTF_8)).contains("old b\n");
            assertThat(workspace.read("src/missing.txt")).isEmpty();
            assertThat(workspace.read("nodir/missing.txt")).isEmpty();
        }

        @Test
        void aDirectoryIsNotAFile() throws IOException {
            assertThatThrownBy(() -> open().read("src"))
                    .isInstanceOf(IOException.class).hasMessageContaining("src").hasMessageContaining("directory");
        }

        @Test
        void rootIsTheRealPath() throws IOException {
            Path link = outside.resolve("link-to-root");
            Files.createSymbolicLink(link, root);

            Workspace workspace = Workspace.open(link, new JournalStore(journalDir), StepHook.NONE);

            assertThat(workspace.root()).isEqualTo(root.toRealPath());
            assertThat(workspace.read("a.txt")).isPresent();
        }

        @Test
        void refusesARootThatIsNotADirectory() {
            assertThatThrownBy(() -> Workspace.open(root.resolve("a.txt")))
                    .isInstanceOf(IOException.class).hasMessageContaining("not a directory");
        }
    }

    @Nested
    class PathSafety {
        @ParameterizedTest
        @ValueSource(strings = {
            "", " ", ".", "./", "/etc/passwd", "/", "\\windows\\system32", "C:\\Windows\\win.ini", "c:/x.txt",
            "../x.txt", "src/../../x.txt", "src/../a.txt", "a\\b.txt", ".git/config", "src/.GIT/hooks/pre-commit",
            ".Git", "a\u0000b.txt", "line\nbreak.txt", "tab\there.txt", "bell\u0007.txt", "del\u007f.txt"
        })
        void refusesReadingAndWritingUnsafePaths(String path) throws IOException {
            Workspace workspace = open();
            Map<String, String> before = TreeState.of(root);

            assertThatThrownBy(() -> workspace.read(path)).isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(() -> workspace.write(List.of(put("ok.txt", "x"), put(path, "evil"))))
                    .isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(() -> workspace.write(List.of(new FileWrite.Remove(path))))
                    .isInstanceOf(UnsafePathException.class);

            assertThat(TreeState.of(root)).isEqualTo(before);
        }

        @Test
        void messagesNameThePathAndTheRule() throws IOException {
            Workspace workspace = open();

            assertThatThrownBy(() -> workspace.read("/etc/passwd")).hasMessage("/etc/passwd: is absolute; "
                    + "paths must be relative to the repository root");
            assertThatThrownBy(() -> workspace.read("src/../../x")).hasMessageContaining("src/../../x")
                    .hasMessageContaining("'..'");
            assertThatThrownBy(() -> workspace.read(".git/HEAD")).hasMessageContaining(".git/HEAD: is inside .git/");
            assertThatThrownBy(() -> workspace.read("a\u0000b")).hasMessageContaining("a\\x00b")
                    .hasMessageContaining("control character");
            assertThatThrownBy(() -> workspace.read("")).hasMessageContaining("empty path");
            assertThat(((UnsafePathException) catchThrowable(() -> workspace.read("C:\\x"))).path()).isEqualTo("C:\\x");
        }

        @Test
        void refusesAFileSymlinkThatLeavesTheRoot() throws IOException {
            Files.createSymbolicLink(root.resolve("passwd"), outside.resolve("secret"));
            Workspace workspace = open();

            assertThatThrownBy(() -> workspace.read("passwd"))
                    .isInstanceOf(UnsafePathException.class)
                    .hasMessageContaining("passwd").hasMessageContaining("outside the repository");
            assertThatThrownBy(() -> workspace.write(List.of(put("passwd", "owned"))))
                    .isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(() -> workspace.write(List.of(new FileWrite.Remove("passwd"))))
                    .isInstanceOf(UnsafePathException.class);
            assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("password\n");
        }

        @Test
        void refusesADirectorySymlinkThatLeavesTheRoot() throws IOException {
            Files.createSymbolicLink(root.resolve("vendor"), outside);
            Workspace workspace = open();

            assertThatThrownBy(() -> workspace.read("vendor/secret"))
                    .isInstanceOf(UnsafePathException.class).hasMessageContaining("symlink vendor");
            assertThatThrownBy(() -> workspace.write(List.of(put("vendor/new.txt", "x"))))
                    .isInstanceOf(UnsafePathException.class);
            assertThat(outside.resolve("new.txt")).doesNotExist();
        }

        @Test
        void refusesASymlinkIntoGitAndADanglingSymlink() throws IOException {
            Files.createDirectories(root.resolve(".git"));
            Files.writeString(root.resolve(".git/config"), "[core]\n");
            Files.createSymbolicLink(root.resolve("cfg"), root.resolve(".git/config"));
            Files.createSymbolicLink(root.resolve("gone"), root.resolve("nowhere/x"));
            Workspace workspace = open();

            assertThatThrownBy(() -> workspace.read("cfg")).isInstanceOf(UnsafePathException.class)
                    .hasMessageContaining("into .git/");
            assertThatThrownBy(() -> workspace.write(List.of(put("gone", "x")))).isInstanceOf(UnsafePathException.class)
                    .hasMessageContaining("does not exist");
        }

        @Test
        void readsButDoesNotWriteInsideANestedRepository() throws IOException {
            Files.createDirectories(root.resolve("vendor/lib/.git"));
            Files.writeString(root.resolve("vendor/lib/code.txt"), "theirs\n");
            Workspace workspace = open();

            assertThat(workspace.read("vendor/lib/code.txt")).isPresent();
            assertThatThrownBy(() -> workspace.write(List.of(put("vendor/lib/code.txt", "mine\n"))))
                    .isInstanceOf(UnsafePathException.class)
                    .hasMessage("vendor/lib/code.txt: is inside vendor/lib/, a nested git repository or submodule "
                            + "whose changes this repository cannot snapshot or undo; run ratchet in vendor/lib instead");
            workspace.write(List.of(put("vendor/other.txt", "fine\n")));
        }

        @Test
        void followsSymlinksThatStayInsideTheRootAndKeepsTheLink() throws IOException {
            Files.createSymbolicLink(root.resolve("alias.txt"), Path.of("a.txt"));
            Files.createSymbolicLink(root.resolve("lib"), Path.of("src"));
            Workspace workspace = open();

            assertThat(workspace.read("lib/b.txt")).map(b -> new String(b, UTF_8)).contains("old b\n");
            workspace.write(List.of(put("alias.txt", "new a\n"), put("lib/c.txt", "c\n")));

            assertThat(Files.isSymbolicLink(root.resolve("alias.txt"))).isTrue();
            assertThat(read("a.txt")).isEqualTo("new a\n");
            assertThat(read("src/c.txt")).isEqualTo("c\n");
        }
    }

    @Nested
    class Writing {
        @Test
        void createsUpdatesAndRemovesInOneBatch() throws IOException {
            Workspace workspace = open();

            workspace.write(List.of(
                    put("a.txt", "new a\n"),
                    put("deep/er/c.txt", "c\n"),
                    new FileWrite.Remove("src/b.txt")));

            assertThat(read("a.txt")).isEqualTo("new a\n");
            assertThat(read("deep/er/c.txt")).isEqualTo("c\n");
            assertThat(root.resolve("src/b.txt")).doesNotExist();
            assertThat(TreeState.of(root).keySet())
                    .containsExactlyInAnyOrder("a.txt", "deep/", "deep/er/", "deep/er/c.txt", "src/", "run.sh");
            assertThat(journalDir.resolve("batch.journal")).doesNotExist();
        }

        @Test
        void keepsTheExecutableBitOfTheFileNamedByKeepModeOf() throws IOException {
            Workspace workspace = open();

            workspace.write(List.of(
                    put("run.sh", "#!/bin/sh\necho new\n"),
                    new FileWrite.Put("tools/moved.sh", "#!/bin/sh\n".getBytes(UTF_8), "run.sh"),
                    new FileWrite.Put("plain.txt", "x".getBytes(UTF_8), null)));

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("run.sh"))))
                    .isEqualTo("rwxr-x---");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tools/moved.sh"))))
                    .isEqualTo("rwxr-x---");
            assertThat(Files.isExecutable(root.resolve("plain.txt"))).isFalse();
        }

        @Test
        void writesBytesExactly() throws IOException {
            byte[] bytes = {0, (byte) 0xff, '\r', '\n', (byte) 0xc3};
            Workspace workspace = open();

            workspace.write(List.of(new FileWrite.Put("bin.dat", bytes, null)));

            assertThat(Files.readAllBytes(root.resolve("bin.dat"))).isEqualTo(bytes);
            assertThat(workspace.read("bin.dat")).map(b -> b.length).contains(5);
        }

        @Test
        void refusesBadBatchesBeforeChangingAnything() throws IOException {
            Workspace workspace = open();
            Map<String, String> before = TreeState.of(root);

            assertThatThrownBy(() -> workspace.write(List.of(put("a.txt", "x"), new FileWrite.Remove("nope.txt"))))
                    .isInstanceOf(WriteFailedException.class).hasMessageContaining("nope.txt: does not exist");
            assertThatThrownBy(() -> workspace.write(List.of(put("a.txt", "x"), put("src", "x"))))
                    .isInstanceOf(WriteFailedException.class).hasMessageContaining("src: is a directory");
            assertThatThrownBy(() -> workspace.write(List.of(put("new.txt", "x"), put("a.txt/inner.txt", "x"))))
                    .isInstanceOf(WriteFailedException.class).hasMessageContaining("a.txt is a file");
            assertThatThrownBy(() -> workspace.write(List.of(put("a.txt", "x"), put("./a.txt", "y"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("written twice");

            assertThat(TreeState.of(root)).isEqualTo(before);
        }
    }

    @Nested
    class Failures {
        private void makeImmutable(Path path) throws Exception {
            Process chattr = new ProcessBuilder("chattr", "+i", path.toString()).redirectErrorStream(true).start();
            chattr.getInputStream().readAllBytes();
            assumeTrue(chattr.waitFor() == 0, "chattr +i needs root and a file system that supports it");
            immutable.add(path);
        }

        @Test
        void aReadOnlyFileInTheMiddleOfABatchChangesNothing() throws Exception {
            makeImmutable(root.resolve("src/b.txt"));
            Workspace workspace = open();
            Map<String, String> before = TreeState.of(root);

            assertThatThrownBy(() -> workspace.write(List.of(
                    put("a.txt", "new a\n"),
                    put("new/dir/c.txt", "c\n"),
                    put("src/b.txt", "new b\n"),
                    new FileWrite.Remove("run.sh"))))
                    .isInstanceOf(WriteFailedException.class)
                    .hasMessageStartingWith("src/b.txt: Operation not permitted")
                    .hasMessageContaining("no file was changed");

            assertThat(TreeState.of(root)).isEqualTo(before);
            assertThat(journalDir.resolve("batch.journal")).doesNotExist();
        }

        @Test
        void aReadOnlyDirectoryChangesNothing() throws Exception {
            makeImmutable(root.resolve("src"));
            Workspace workspace = open();
            Map<String, String> before = TreeState.of(root);

            assertThatThrownBy(() -> workspace.write(List.of(put("a.txt", "new a\n"), put("src/new.txt", "n\n"))))
                    .isInstanceOf(WriteFailedException.class)
                    .hasMessageStartingWith("src/new.txt: ");

            assertThat(TreeState.of(root)).isEqualTo(before);
        }

        @Test
        void aFullDiskWhileStagingChangesNothing() throws IOException {
            // Simulated through the step hook: filling a real disk is neither fast nor safe on a shared machine.
            Workspace workspace = open(step -> {
                if (step.equals("staged src/b.txt")) {
                    throw new IOException("No space left on device");
                }
            });
            Map<String, String> before = TreeState.of(root);

            assertThatThrownBy(() -> workspace.write(List.of(
                    put("a.txt", "new a\n"), put("x/y.txt", "y\n"), put("src/b.txt", "new b\n"))))
                    .isInstanceOf(WriteFailedException.class)
                    .hasMessageStartingWith("src/b.txt: ")
                    .hasMessageContaining("No space left on device");

            assertThat(TreeState.of(root)).isEqualTo(before);
        }

        @Test
        void aFailedRenameAfterOthersSucceededRollsThemBack() throws IOException {
            Workspace workspace = open(step -> {
                if (step.equals("applied src/b.txt")) {
                    throw new IOException("rename refused");
                }
            });
            Map<String, String> before = TreeState.of(root);

            assertThatThrownBy(() -> workspace.write(List.of(
                    put("a.txt", "new a\n"),
                    put("new/c.txt", "c\n"),
                    new FileWrite.Remove("run.sh"),
                    put("src/b.txt", "new b\n"))))
                    .isInstanceOf(WriteFailedException.class)
                    .hasMessageStartingWith("src/b.txt: ");

            assertThat(TreeState.of(root)).isEqualTo(before);
        }

        @Test
        void aCrashAtAnyStepIsRepairedByTheNextOpen() throws IOException {
            List<FileWrite> batch = List.of(
                    put("a.txt", "new a\n"),
                    put("new/dir/c.txt", "c\n"),
                    new FileWrite.Remove("run.sh"),
                    put("src/b.txt", "new b\n"));
            List<String> steps = new ArrayList<>();
            Map<String, String> before = TreeState.of(root);
            Workspace counting = open(steps::add);
            counting.write(batch);
            Map<String, String> after = TreeState.of(root);
            assertThat(after).isNotEqualTo(before);
            assertThat(steps).hasSizeGreaterThan(8);

            for (String crashAt : steps) {
                TreeState.restore(root, before);
                Workspace crashing = open(step -> {
                    if (step.equals(crashAt)) {
                        throw new SimulatedCrash();
                    }
                });
                assertThatThrownBy(() -> crashing.write(batch)).isInstanceOf(SimulatedCrash.class);

                open();

                // Once the journal is gone the batch counts as done; before that it is rolled back.
                assertThat(TreeState.of(root)).as("after a crash at '%s'", crashAt)
                        .isEqualTo(crashAt.equals("done") ? after : before);
                assertThat(Files.list(journalDir).map(p -> p.getFileName().toString())).containsOnly("lock");
                assertThat(journalDir.resolve("batch.journal")).doesNotExist();
            }
        }
    }

    @Test
    void anUnreadableJournalStopsOpenAndSaysWhatToDo() throws IOException {
        Files.writeString(journalDir.resolve("batch.journal"), "garbage\n");

        assertThatThrownBy(this::open)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("batch.journal")
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("then delete it");
    }

    @Nested
    class JournalPlacement {
        @Test
        void usesTheGitDirWhenThereIsOne() throws IOException {
            Files.createDirectories(root.resolve(".git"));
            Files.createDirectories(root.resolve("sub"));

            assertThat(Workspace.journalDirFor(root, Map.of())).isEqualTo(root.resolve(".git/ratchet/journal"));
            assertThat(Workspace.journalDirFor(root.resolve("sub"), Map.of()))
                    .isEqualTo(root.resolve(".git/ratchet/journal"));
            assertThat(Workspace.open(root).journalDir()).isEqualTo(root.toRealPath().resolve(".git/ratchet/journal"));
        }

        @Test
        void followsAGitFileOfAWorktreeOrSubmodule() throws IOException {
            Files.writeString(root.resolve(".git"), "gitdir: " + outside.resolve("gitdir") + "\n");

            assertThat(Workspace.journalDirFor(root, Map.of())).isEqualTo(outside.resolve("gitdir/ratchet/journal"));
        }

        @Test
        void usesTheStateDirectoryKeyedByRootWithoutGit() throws IOException {
            Path first = Workspace.journalDirFor(root, Map.of("XDG_STATE_HOME", outside.toString()));
            Path second = Workspace.journalDirFor(outside, Map.of("XDG_STATE_HOME", outside.toString()));

            assertThat(first).startsWithRaw(outside.resolve("ratchet/journals")).isNotEqualTo(second);
            assertThat(Workspace.journalDirFor(root, Map.of("XDG_STATE_HOME", outside.toString()))).isEqualTo(first);
        }

        @Test
        void withoutGitTheJournalDirectoryExistsOnlyWhileABatchIsInFlight() throws IOException {
            JournalStore store = Workspace.journalFor(root.toRealPath(), Map.of("XDG_STATE_HOME", outside.toString()));
            Map<String, String> before = TreeState.of(root);
            Workspace crashing = Workspace.open(root, store, step -> {
                if (step.equals("applied a.txt")) {
                    throw new SimulatedCrash();
                }
            });
            assertThatThrownBy(() -> crashing.write(List.of(put("a.txt", "new a\n"), put("src/b.txt", "new b\n"))))
                    .isInstanceOf(SimulatedCrash.class);
            assertThat(store.file()).exists();

            Workspace workspace = Workspace.open(root, store, StepHook.NONE);

            assertThat(TreeState.of(root)).isEqualTo(before);
            assertThat(store.dir()).doesNotExist();
            workspace.write(List.of(put("a.txt", "new a\n")));
            assertThat(read("a.txt")).isEqualTo("new a\n");
            assertThat(store.dir()).doesNotExist();
            assertThat(outside.resolve("ratchet/journals")).isEmptyDirectory();
        }

        @Test
        void leavesNothingInTheUsersTree() throws IOException {
            Files.createDirectories(root.resolve(".git"));
            Map<String, String> expected = new java.util.TreeMap<>(TreeState.of(root));
            Workspace workspace = Workspace.open(root);

            workspace.write(List.of(put("a.txt", "new a\n")));

            expected.put("a.txt", expected.get("a.txt").substring(0, 10) + "new a\n");
            assertThat(TreeState.of(root)).isEqualTo(expected);
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileOneIsWriting() throws IOException {
        Workspace other = open();
        List<Throwable> seen = new ArrayList<>();
        Workspace first = open(step -> {
            if (step.equals("journal saved")) {
                seen.add(catchThrowable(() -> other.write(List.of(put("a.txt", "other\n")))));
            }
        });

        first.write(List.of(put("src/b.txt", "first\n")));

        assertThat(seen).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(WorkspaceBusyException.class)
                .hasMessageContaining("another ratchet is writing");
        assertThat(read("a.txt")).isEqualTo("old a\n");
        assertThat(read("src/b.txt")).isEqualTo("first\n");
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

    /** Stands in for a process dying mid-write: it escapes the workspace's IOException handling. */
    private static final class SimulatedCrash extends RuntimeException {
    }
}
