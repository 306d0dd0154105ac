package dev.ratchet.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/** A fresh git repository made from a copy of a directory, for the demo; never the user's repository. */
public final class ScratchRepository {

    private ScratchRepository() {
    }

    /**
     * Copies {@code source} into the new directory {@code target}, runs {@code git init} there and
     * commits everything as one initial commit, so a run can snapshot, commit and undo as usual.
     */
    public static Path create(Path source, Path target) throws IOException {
        FS.FileStoreAttributes.setBackground(true);
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; the demo needs a new, empty directory");
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        PersonIdent demo = new PersonIdent("ratchet demo", "demo@ratchet.invalid");
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Initial commit of the demo project").setAuthor(demo).setCommitter(demo)
                    .setSign(false).setNoVerify(true).call();
        } catch (GitAPIException e) {
            throw new IOException("could not create the demo repository in " + target + ": " + e.getMessage(), e);
        }
        return target;
    }
}
