package dev.ratchet.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.workspace.FileWrite;
import dev.ratchet.workspace.GitWorkspace;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandsTest {

    @TempDir
    Path repo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void repository() throws Exception {
        org.eclipse.jgit.util.FS.FileStoreAttributes.setBackground(true);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("user", null, "name", "Test User");
            config.setString("user", null, "email", "test@example.com");
            config.save();
            Files.writeString(repo.resolve("a.txt"), "a1\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setSign(false).call();
        }
    }

    private int ratchet(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), Map.of(), false);
        return Main.run(io, args);
    }

    private String run(String task, boolean commit) throws Exception {
        try (GitWorkspace workspace = GitWorkspace.open(repo)) {
            GitWorkspace.Run run = workspace.begin(task);
            workspace.files().write(List.of(new FileWrite.Put("a.txt", ("changed by " + task + "\n").getBytes(UTF_8), "a.txt"),
                    new FileWrite.Put("new.txt", "new\n".getBytes(UTF_8), null)));
            workspace.finish(run, "gpt-4.1", commit, true);
            return run.id();
        }
    }

    @Test
    void logDiffAndUndoWorkOnRecordedRuns() throws Exception {
        String first = run("fix the first thing", true);

        assertThat(ratchet("log", "--repo", repo.toString())).isZero();
        assertThat(out.toString()).startsWith(first).contains("committed ").contains("  2 files  fix the first thing");

        assertThat(ratchet("diff", "--repo", repo.toString(), first)).isZero();
        assertThat(out.toString()).contains("diff --git a/a.txt b/a.txt", "-a1", "+changed by fix the first thing");

        assertThat(ratchet("undo", "--repo", repo.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Undid run " + first + " (fix the first thing): restored 2 files")
                .contains("removed its commit").contains("  M a.txt", "  A new.txt");
        assertThat(Files.readString(repo.resolve("a.txt"))).isEqualTo("a1\n");
        assertThat(repo.resolve("new.txt")).doesNotExist();

        assertThat(ratchet("log", "--repo", repo.toString())).isZero();
        assertThat(out.toString()).contains("undone");
    }

    @Test
    void refusalsAndBadInputHaveTheirExitCodes(@TempDir Path plain) throws Exception {
        assertThat(ratchet("log", "--repo", plain.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("ratchet: ").contains("not inside a git repository").contains("--no-git");

        assertThat(ratchet("undo", "--repo", repo.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("has not run");
        assertThat(ratchet("diff", "--repo", repo.toString(), "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no run 'nope'");

        run("leave it in the tree", false);
        Files.writeString(repo.resolve("new.txt"), "the user kept editing\n");
        assertThat(ratchet("undo", "--repo", repo.toString())).isEqualTo(ExitCode.GAVE_UP);
        assertThat(err.toString()).contains("new.txt").contains("changed after run");

        assertThat(ratchet("log", "--repo", plain.resolve("missing").toString())).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anEmptyLogSaysSo() {
        assertThat(ratchet("log", "--repo", repo.toString())).isZero();
        assertThat(out.toString()).startsWith("No runs recorded in");
    }

    @Test
    void workspaceExceptionsMapToRefusedOrUsage() {
        assertThat(FailureReporter.exitCodeFor(new dev.ratchet.workspace.UnsafePathException("/etc", "absolute")))
                .isEqualTo(ExitCode.GAVE_UP);
        assertThat(FailureReporter.exitCodeFor(new dev.ratchet.workspace.WriteFailedException("a", "disk full")))
                .isEqualTo(ExitCode.GAVE_UP);
        assertThat(FailureReporter.exitCodeFor(new dev.ratchet.workspace.WorkspaceBusyException("busy")))
                .isEqualTo(ExitCode.GAVE_UP);
        assertThat(FailureReporter.exitCodeFor(new dev.ratchet.workspace.GitRefusalException("merging")))
                .isEqualTo(ExitCode.GAVE_UP);
        assertThat(FailureReporter.exitCodeFor(new dev.ratchet.workspace.NotAGitRepositoryException("no repo")))
                .isEqualTo(ExitCode.USAGE);
        assertThat(FailureReporter.exitCodeFor(new dev.ratchet.workspace.NoSuchRunException("no run")))
                .isEqualTo(ExitCode.USAGE);
    }
}
