package dev.ratchet.context;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A quick estimate of how many tokens the repository's context-eligible files hold (the files the
 * scanner lists, at about 4 bytes per token), without reading any of them; enough to decide
 * whether the whole repository can be sent at all.
 */
public final class RepositorySize {
    private static final double BYTES_PER_TOKEN = 4.0;

    /** Estimated tokens of the files {@link ContextAssembler} could send for the repository at {@code workTree}. */
    public long estimatedTokens(Path workTree, ContextOptions options) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true).build()) {
            long bytes = new RepositoryScanner(new ExclusionRules(options.maxFileBytes())).scan(repository).files().stream()
                    .mapToLong(RepoFile::size).sum();
            return Math.round(bytes / BYTES_PER_TOKEN);
        }
    }
}
