package dev.ratchet;

import java.nio.file.Path;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Measures JGit's file-timestamp resolution for the temp file system once, in the foreground,
 * before the first test class. The product lets JGit measure in the background (a fresh machine
 * spends ~3 s on it); in tests that background thread would write its probe files into a temp
 * repository while JUnit deletes it, failing an unrelated test on a fresh CI machine.
 */
public final class JGitTimestampProbe implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(JGitTimestampProbe.class, key -> measure(), Object.class);
    }

    private static Object measure() {
        FS.FileStoreAttributes.setBackground(false);
        Object attributes = FS.FileStoreAttributes.get(Path.of(System.getProperty("java.io.tmpdir")));
        FS.FileStoreAttributes.setBackground(true);
        return attributes;
    }
}
