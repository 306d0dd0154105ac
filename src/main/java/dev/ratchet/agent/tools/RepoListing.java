package dev.ratchet.agent.tools;

import dev.ratchet.context.ExclusionRules;
import dev.ratchet.context.RepoFile;
import dev.ratchet.context.RepositoryScanner;
import dev.ratchet.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The repository's files as the tools show them: what {@link RepositoryScanner} lists (ignore rules
 * honoured, secrets and generated trees left out), scanned afresh on each call because patches
 * add and delete files during the run. Also turns a path argument into a checked directory prefix.
 */
public final class RepoListing {
    private final Workspace files;
    private final Path workTree;

    public RepoListing(Workspace files, Path workTree) {
        this.files = files;
        this.workTree = workTree;
    }

    /** Every listed file, sorted by path. Size does not exclude here: the tools page or skip big files themselves. */
    public List<RepoFile> files() throws IOException {
        try (Repository repository = new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true).build()) {
            return new RepositoryScanner(new ExclusionRules(Long.MAX_VALUE)).scan(repository).files().stream()
                    .sorted(java.util.Comparator.comparing(RepoFile::path)).toList();
        }
    }

    /**
     * The repository-relative form of a directory or file argument ("" for the root), after the
     * workspace's path rules; throws {@link dev.ratchet.workspace.UnsafePathException} for a path
     * outside the repository or in .git.
     */
    String prefix(String path) throws IOException {
        String trimmed = path == null ? "" : path.strip();
        if (trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("./")) {
            return "";
        }
        return files.check(trimmed);
    }

    /** Whether {@code file} is {@code prefix} itself or lies under it. */
    static boolean under(String file, String prefix) {
        return prefix.isEmpty() || file.equals(prefix) || file.startsWith(prefix + "/");
    }

    Path workTree() {
        return workTree;
    }

    Workspace workspace() {
        return files;
    }
}
