package dev.ratchet.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/** A real git repository in a temp dir, made with JGit, with helpers to shape its state. */
final class TestRepo implements AutoCloseable {
    final Path dir;
    final Git git;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static TestRepo init(Path dir) throws IOException, GitAPIException {
        FS.FileStoreAttributes.setBackground(true);
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("user", null, "name", "Test User");
        config.setString("user", null, "email", "test@example.com");
        config.save();
        return new TestRepo(dir, git);
    }

    /** A repository with one commit: a.txt, src/b.txt, run.sh (executable), and .gitignore ignoring build/. */
    static TestRepo withHistory(Path dir) throws IOException, GitAPIException {
        TestRepo repo = init(dir);
        repo.write("a.txt", "a1\n");
        repo.write("src/b.txt", "b1\n");
        repo.write("run.sh", "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.write(".gitignore", "build/\n");
        repo.commitAll("initial");
        return repo;
    }

    TestRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    String read(String path) throws IOException {
        return Files.readString(dir.resolve(path));
    }

    RevCommit commitAll(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setSign(false).call();
    }

    ObjectId head() throws IOException {
        return git.getRepository().resolve(Constants.HEAD);
    }

    Status status() throws GitAPIException {
        return git.status().call();
    }

    /** A file's content in a commit, or null when absent. */
    String contentAt(ObjectId commit, String path) throws IOException {
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            RevCommit parsed = walk.parseCommit(commit);
            try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), path, parsed.getTree())) {
                return tree == null ? null
                        : new String(git.getRepository().open(tree.getObjectId(0)).getBytes(), UTF_8);
            }
        }
    }

    Set<String> changedFiles() throws GitAPIException {
        Status status = status();
        java.util.TreeSet<String> all = new java.util.TreeSet<>(status.getUncommittedChanges());
        all.addAll(status.getUntracked());
        return all;
    }

    byte[] indexBytes() throws IOException {
        return Files.readAllBytes(git.getRepository().getIndexFile().toPath());
    }

    void hook(String name, String script) throws IOException {
        Path hooks = git.getRepository().getDirectory().toPath().resolve("hooks");
        Files.createDirectories(hooks);
        Path file = hooks.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Override
    public void close() {
        git.close();
    }
}
