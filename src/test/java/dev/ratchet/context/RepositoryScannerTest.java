package dev.ratchet.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryScannerTest {
    @TempDir
    Path dir;

    private RepositoryScanner.Scan scan(long maxBytes) throws Exception {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setGitDir(dir.resolve(".git").toFile()).build()) {
            return new RepositoryScanner(new ExclusionRules(maxBytes)).scan(repository);
        }
    }

    private static List<String> paths(RepositoryScanner.Scan scan) {
        return scan.files().stream().map(RepoFile::path).toList();
    }

    @Test
    void honoursGitignoreAtEveryDepthInfoExcludeAndKeepsTrackedFiles() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/App.java", "class App {}\n")
                    .write("logs/kept.log", "tracked before the ignore rule existed\n")
                    .commit("initial");
            repo.write(".gitignore", "*.log\nbuild-output/\n")
                    .write("src/.gitignore", "Generated*.java\n")
                    .write(".git/info/exclude", "scratch.txt\n")
                    .write("logs/new.log", "ignored\n")
                    .write("build-output/a.txt", "ignored directory\n")
                    .write("src/GeneratedParser.java", "class GeneratedParser {}\n")
                    .write("src/Untracked.java", "class Untracked {}\n")
                    .write("scratch.txt", "excluded by info/exclude\n");
        }

        List<String> paths = paths(scan(1 << 20));

        assertThat(paths).contains(".gitignore", "src/.gitignore", "src/App.java", "src/Untracked.java", "logs/kept.log")
                .doesNotContain("logs/new.log", "build-output/a.txt", "src/GeneratedParser.java", "scratch.txt");
    }

    @Test
    void leavesOutSecretsGeneratedTreesAndLargeFiles() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".env", "API_KEY=sk-123\n")
                    .write(".env.production", "API_KEY=sk-456\n")
                    .write("deploy/server.pem", "-----BEGIN PRIVATE KEY-----\n")
                    .write("deploy/tls.key", "key\n")
                    .write("home/.ssh/id_rsa", "key\n")
                    .write("home/.ssh/id_rsa.pub", "ssh-rsa AAA\n")
                    .write("config/credentials.json", "{}\n")
                    .write("node_modules/left-pad/index.js", "module.exports = 1;\n")
                    .write("web/app.min.js", "var a=1;\n")
                    .write("package-lock.json", "{}\n")
                    .write("data/big.txt", "x".repeat(2000))
                    .write("src/SecretRotation.java", "class SecretRotation {}\n")
                    .write("src/main.py", "print('hi')\n")
                    .commit("everything");
        }

        RepositoryScanner.Scan scan = scan(1000);

        assertThat(paths(scan)).containsExactly("src/SecretRotation.java", "src/main.py");
        assertThat(scan.excluded()).extracting(Exclusion::path).containsExactlyInAnyOrder(
                ".env", ".env.production", "deploy/server.pem", "deploy/tls.key", "home/.ssh/id_rsa", "home/.ssh/id_rsa.pub",
                "config/credentials.json", "node_modules/left-pad/index.js", "web/app.min.js", "package-lock.json", "data/big.txt");
        assertThat(scan.excluded()).filteredOn(e -> e.path().equals(".env")).extracting(Exclusion::reason)
                .containsExactly("looks like a secret");
        assertThat(scan.excluded()).filteredOn(e -> e.path().equals("data/big.txt")).extracting(Exclusion::reason)
                .containsExactly("larger than 1000 bytes");
    }

    @Test
    void blobIdsComeFromTheIndexForUnchangedFilesAndFromContentForChangedOnes() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("a.txt", "one\n").write("b.txt", "two\n").commit("initial");
            repo.write("b.txt", "changed\n").write("c.txt", "new\n");
        }

        RepositoryScanner.Scan scan = scan(1 << 20);

        assertThat(scan.files()).extracting(RepoFile::path, RepoFile::changed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.txt", false), org.assertj.core.groups.Tuple.tuple("b.txt", true),
                        org.assertj.core.groups.Tuple.tuple("c.txt", true));
        // git hash-object of "one\n"
        assertThat(scan.files().get(0).blobId()).isEqualTo("5626abf0f72e58d7a153368ba57db4c673c0e171");
        assertThat(scan.files().get(1).blobId()).isEqualTo(
                new org.eclipse.jgit.lib.ObjectInserter.Formatter().idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB,
                        "changed\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).name());
    }
}
