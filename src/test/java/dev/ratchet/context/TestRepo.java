package dev.ratchet.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.util.FS;

/** A real git repository in a temp directory, built file by file for a test. */
final class TestRepo implements AutoCloseable {
    final Path root;
    private final Git git;

    private TestRepo(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static TestRepo init(Path directory) throws GitAPIException {
        FS.FileStoreAttributes.setBackground(true);
        Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
        return new TestRepo(directory, git);
    }

    TestRepo write(String path, String content) throws IOException {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    TestRepo write(String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return this;
    }

    /** Stages everything not ignored and commits. */
    TestRepo commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
                .setSign(false).call();
        return this;
    }

    Path gitDir() {
        return root.resolve(".git");
    }

    @Override
    public void close() {
        git.close();
    }
}
