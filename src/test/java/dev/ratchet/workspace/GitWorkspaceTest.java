package dev.ratchet.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ratchet.workspace.RunRecord.Change;
import dev.ratchet.workspace.RunRecord.ChangedFile;
import dev.ratchet.workspace.RunRecord.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitWorkspaceTest {

    @TempDir
    Path dir;

    TestRepo repo;

    @BeforeEach
    void repository() throws Exception {
        repo = TestRepo.withHistory(dir);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static FileWrite.Put put(String path, String content) {
        return new FileWrite.Put(path, content.getBytes(UTF_8), path);
    }

    /** What the agent does between begin and finish: writes through the workspace. */
    private static void agentWrites(GitWorkspace workspace, FileWrite... writes) throws IOException {
        workspace.files().write(List.of(writes));
    }

    private RevCommit headCommit() throws IOException {
        try (RevWalk walk = new RevWalk(repo.git.getRepository())) {
            return walk.parseCommit(repo.head());
        }
    }

    @Nested
    class Opening {
        @Test
        void refusesADirectoryOutsideAnyRepository(@TempDir Path plain) {
            assertThatThrownBy(() -> GitWorkspace.open(plain))
                    .isInstanceOf(NotAGitRepositoryException.class)
                    .hasMessageContaining("not inside a git repository")
                    .hasMessageContaining("--no-git");
        }

        @Test
        void opensTheRepositoryThatContainsASubdirectory() throws IOException {
            try (GitWorkspace dotted = GitWorkspace.open(dir.resolve("src/.."))) {
                assertThat(dotted.workTree()).isEqualTo(dir);
            }
            try (GitWorkspace workspace = GitWorkspace.open(dir.resolve("src"))) {
                assertThat(workspace.workTree()).isEqualTo(dir);
                assertThat(workspace.files().root()).isEqualTo(dir.toRealPath());
                assertThat(workspace.status().branch()).isEqualTo("main");
            }
        }

        @Test
        void refusesABareRepository(@TempDir Path bare) throws Exception {
            Git.init().setBare(true).setDirectory(bare.toFile()).call().close();

            assertThatThrownBy(() -> GitWorkspace.open(bare))
                    .isInstanceOf(GitRefusalException.class)
                    .hasMessageContaining("bare repository")
                    .hasMessageContaining("git clone");
        }

        @ParameterizedTest
        @CsvSource({
            "MERGE_HEAD, git merge --abort",
            "CHERRY_PICK_HEAD, git cherry-pick --abort",
            "REVERT_HEAD, git revert --abort",
            "rebase-merge/, git rebase --abort",
            "rebase-apply/, git rebase --abort",
            "BISECT_LOG, git bisect reset"
        })
        void refusesARepositoryInTheMiddleOfAnOperation(String marker, String advice) throws IOException {
            Path gitDir = dir.resolve(".git");
            if (marker.endsWith("/")) {
                Files.createDirectories(gitDir.resolve(marker));
                if (marker.equals("rebase-merge/")) {
                    Files.writeString(gitDir.resolve(marker).resolve("interactive"), "");
                }
            } else {
                Files.writeString(gitDir.resolve(marker), repo.head().name() + "\n");
            }

            assertThatThrownBy(() -> GitWorkspace.open(dir))
                    .isInstanceOf(GitRefusalException.class)
                    .hasMessageContaining(advice);
        }

        @Test
        void aDetachedHeadWorksAndTheCommitSaysHowToKeepIt() throws Exception {
            ObjectId head = repo.head();
            RefUpdate detach = repo.git.getRepository().updateRef(Constants.HEAD, true);
            detach.setNewObjectId(head);
            detach.forceUpdate();

            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                assertThat(workspace.status().detached()).isTrue();
                GitWorkspace.Run run = workspace.begin("edit on detached head");
                agentWrites(workspace, put("a.txt", "a2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.COMMITTED);
                assertThat(done.note()).contains("detached HEAD").contains("git switch -c");
                assertThat(repo.head()).isEqualTo(ObjectId.fromString(done.commit()));
                assertThat(repo.git.getRepository().exactRef("refs/heads/main").getObjectId()).isEqualTo(head);

                workspace.undo(null);
                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
            }
        }

        @Test
        void refusesAnIndexWithConflicts() throws Exception {
            org.eclipse.jgit.dircache.DirCache index = repo.git.getRepository().lockDirCache();
            org.eclipse.jgit.dircache.DirCacheBuilder builder = index.builder();
            for (int stage = 1; stage <= 3; stage++) {
                org.eclipse.jgit.dircache.DirCacheEntry entry = new org.eclipse.jgit.dircache.DirCacheEntry("a.txt", stage);
                entry.setFileMode(org.eclipse.jgit.lib.FileMode.REGULAR_FILE);
                entry.setObjectId(ObjectId.zeroId());
                builder.add(entry);
            }
            builder.commit();

            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                assertThatThrownBy(() -> workspace.begin("task"))
                        .isInstanceOf(GitRefusalException.class)
                        .hasMessageContaining("unresolved conflicts");
            }
        }
    }

    @Nested
    class RepositoryShapes {
        private void git(Path in, String... args) throws Exception {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "protocol.file.allow=always"));
            command.addAll(List.of(args));
            Process process;
            try {
                process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
            } catch (IOException noGit) {
                org.junit.jupiter.api.Assumptions.abort("needs the git binary to create the repository shape");
                return;
            }
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
        }

        @Test
        void worksInALinkedWorktree(@TempDir Path worktrees) throws Exception {
            Path tree = worktrees.resolve("feature-tree");
            git(dir, "worktree", "add", "-b", "feature", tree.toString());
            repo.hook("pre-commit", "#!/bin/sh\necho ran > \"$(git rev-parse --git-dir)/hook-ran\"\n");
            ObjectId main = repo.head();

            try (GitWorkspace workspace = GitWorkspace.open(tree)) {
                assertThat(workspace.workTree()).isEqualTo(tree);
                assertThat(workspace.gitDir()).isEqualTo(dir.resolve(".git/worktrees/feature-tree"));
                GitWorkspace.Run run = workspace.begin("edit in the worktree");
                workspace.files().write(List.of(put("a.txt", "from the worktree\n")));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).as(done.note()).isEqualTo(Outcome.COMMITTED);
                assertThat(done.branch()).isEqualTo("feature");
                assertThat(run.dir()).startsWith(dir.resolve(".git/worktrees/feature-tree/ratchet/runs"));
                assertThat(workspace.gitDir().resolve("hook-ran")).exists();
                assertThat(repo.head()).isEqualTo(main);
                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
                assertThat(repo.contentAt(repo.git.getRepository().resolve("refs/heads/feature"), "a.txt"))
                        .isEqualTo("from the worktree\n");

                workspace.undo(null);
                assertThat(Files.readString(tree.resolve("a.txt"))).isEqualTo("a1\n");
                assertThat(repo.git.getRepository().resolve("refs/heads/feature")).isEqualTo(main);
            }
        }

        @Test
        void worksInASuperprojectAndInsideItsSubmodule(@TempDir Path library) throws Exception {
            TestRepo.withHistory(library).close();
            repo.git.submoduleAdd().setPath("lib").setURI(library.toUri().toString()).call().close();
            repo.commitAll("add lib as a submodule");
            ObjectId libCommit = repo.git.getRepository().resolve("HEAD:lib");

            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit the superproject");
                assertThat(workspace.files().read("lib/a.txt")).map(b -> new String(b, UTF_8)).contains("a1\n");
                assertThatThrownBy(() -> workspace.files().write(List.of(put("lib/a.txt", "x\n"))))
                        .isInstanceOf(UnsafePathException.class)
                        .hasMessageContaining("nested git repository or submodule")
                        .hasMessageContaining("run ratchet in lib");
                workspace.files().write(List.of(put("a.txt", "super\n")));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.files()).containsExactly(new ChangedFile("a.txt", Change.MODIFIED));
                assertThat(repo.git.getRepository().resolve("HEAD:lib")).isEqualTo(libCommit);
                workspace.undo(null);
                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
            }

            try (GitWorkspace inside = GitWorkspace.open(dir.resolve("lib"))) {
                assertThat(inside.workTree()).isEqualTo(dir.resolve("lib"));
                GitWorkspace.Run run = inside.begin("edit the library");
                inside.files().write(List.of(put("src/b.txt", "lib change\n")));
                RunRecord done = inside.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.COMMITTED);
                assertThat(run.dir()).startsWith(dir.resolve(".git/modules/lib/ratchet/runs"));
                inside.undo(null);
                assertThat(Files.readString(dir.resolve("lib/src/b.txt"))).isEqualTo("b1\n");
            }
        }

        @Test
        void aLockedIndexLeavesTheChangesUncommittedAndSaysWhy() throws Exception {
            ObjectId head = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                workspace.files().write(List.of(put("a.txt", "a2\n")));
                Files.writeString(dir.resolve(".git/index.lock"), "");

                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.COMMIT_FAILED);
                assertThat(done.note()).contains("index.lock exists").contains("left uncommitted");
                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.read("a.txt")).isEqualTo("a2\n");
                Files.delete(dir.resolve(".git/index.lock"));
                workspace.undo(run.id());
                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
            }
        }
    }

    @Nested
    class Snapshots {
        @Test
        void beginRecordsTheTreeWithoutTouchingHeadIndexOrFiles() throws Exception {
            repo.write("a.txt", "user edit\n");
            repo.write("notes/untracked.txt", "mine\n");
            repo.write("build/out.class", "ignored\n");
            Files.delete(dir.resolve("src/b.txt"));
            repo.git.add().addFilepattern("a.txt").call();
            repo.write("a.txt", "user edit, unstaged part\n");
            ObjectId head = repo.head();
            byte[] index = repo.indexBytes();
            Map<String, String> files = TreeState.of(dir);

            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("look around");
                RunRecord record = workspace.run(run.id());

                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.indexBytes()).isEqualTo(index);
                assertThat(TreeState.of(dir)).isEqualTo(files);
                ObjectId snapshot = ObjectId.fromString(record.before());
                assertThat(repo.git.getRepository().exactRef("refs/ratchet/runs/" + run.id() + "/before").getObjectId())
                        .isEqualTo(snapshot);
                ObjectId indexCommit = repo.git.getRepository().exactRef("refs/ratchet/runs/" + run.id() + "/index")
                        .getObjectId();
                try (RevWalk walk = new RevWalk(repo.git.getRepository())) {
                    assertThat(walk.parseCommit(indexCommit).getTree().name()).isEqualTo(record.indexBefore());
                }
                assertThat(repo.contentAt(indexCommit, "a.txt")).isEqualTo("user edit\n");
                assertThat(repo.contentAt(snapshot, "a.txt")).isEqualTo("user edit, unstaged part\n");
                assertThat(repo.contentAt(snapshot, "notes/untracked.txt")).isEqualTo("mine\n");
                assertThat(repo.contentAt(snapshot, "build/out.class")).isNull();
                assertThat(repo.contentAt(snapshot, "src/b.txt")).isNull();
                assertThat(repo.contentAt(snapshot, "run.sh")).startsWith("#!/bin/sh");
                assertThat(record.outcome()).isEqualTo(Outcome.RUNNING);
                assertThat(record.headBefore()).isEqualTo(head.name());
                assertThat(record.branch()).isEqualTo("main");
                assertThat(run.dir()).isEqualTo(dir.resolve(".git/ratchet/runs/" + run.id()));
                assertThat(run.dir().resolve("run.json")).exists();
            }
        }
    }

    @Nested
    class Finishing {
        @Test
        void commitsOnlyTheRunsFilesAndLeavesTheUsersEditsUncommitted() throws Exception {
            repo.write("a.txt", "user's unfinished edit\n");
            repo.write("scratch.txt", "user's untracked notes\n");
            ObjectId head = repo.head();

            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("Add greeting to b and a new c");
                agentWrites(workspace, put("src/b.txt", "b2\n"), put("src/c.txt", "c1\n"), new FileWrite.Remove("run.sh"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.COMMITTED);
                assertThat(done.files()).containsExactly(
                        new ChangedFile("run.sh", Change.DELETED),
                        new ChangedFile("src/b.txt", Change.MODIFIED),
                        new ChangedFile("src/c.txt", Change.ADDED));
                RevCommit commit = headCommit();
                assertThat(commit.name()).isEqualTo(done.commit());
                assertThat(commit.getParent(0).getId()).isEqualTo(head);
                assertThat(commit.getFullMessage())
                        .startsWith("ratchet: Add greeting to b and a new c\n")
                        .contains("  M src/b.txt", "  A src/c.txt", "  D run.sh")
                        .contains("Ratchet-Run: " + run.id())
                        .endsWith("Generated-by: ratchet (model gpt-4.1)\n");
                assertThat(commit.getAuthorIdent().getName()).isEqualTo("Test User");
                assertThat(repo.contentAt(commit, "a.txt")).isEqualTo("a1\n");
                assertThat(repo.contentAt(commit, "scratch.txt")).isNull();
                assertThat(repo.contentAt(commit, "src/b.txt")).isEqualTo("b2\n");
                assertThat(repo.contentAt(commit, "run.sh")).isNull();
                assertThat(repo.status().getModified()).containsExactly("a.txt");
                assertThat(repo.status().getUntracked()).containsExactly("scratch.txt");
                assertThat(repo.status().getChanged()).isEmpty();
                assertThat(repo.read("a.txt")).isEqualTo("user's unfinished edit\n");
                assertThat(done.note()).contains("committed 3 files").contains("on main");
            }
        }

        @Test
        void noCommitLeavesTheChangesInTheWorkingTree() throws Exception {
            ObjectId head = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1-mini", false, true);

                assertThat(done.outcome()).isEqualTo(Outcome.UNCOMMITTED);
                assertThat(done.commit()).isNull();
                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.changedFiles()).containsExactly("a.txt");
                assertThat(done.after()).isNotNull();
            }
        }

        @Test
        void aRunThatChangedNothingCommitsNothing() throws Exception {
            ObjectId head = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("nothing");
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.NO_CHANGES);
                assertThat(repo.head()).isEqualTo(head);
                assertThatThrownBy(() -> workspace.finish(run, "gpt-4.1", true, true))
                        .isInstanceOf(GitRefusalException.class).hasMessageContaining("already finished");
            }
        }

        @Test
        void branchOptionRunsOnANewBranch() throws Exception {
            ObjectId main = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("on a branch", "ratchet/feature");
                agentWrites(workspace, put("a.txt", "a2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(repo.git.getRepository().getBranch()).isEqualTo("ratchet/feature");
                assertThat(repo.git.getRepository().exactRef("refs/heads/main").getObjectId()).isEqualTo(main);
                assertThat(repo.head()).isEqualTo(ObjectId.fromString(done.commit()));
                assertThat(done.branch()).isEqualTo("ratchet/feature");
                assertThatThrownBy(() -> workspace.begin("again", "ratchet/feature"))
                        .isInstanceOf(GitRefusalException.class).hasMessageContaining("already exists");
                assertThatThrownBy(() -> workspace.begin("bad", "no..dots"))
                        .isInstanceOf(GitRefusalException.class).hasMessageContaining("not a valid branch name");
            }
        }

        @Test
        void anUnbornBranchGetsItsFirstCommitAndUndoMakesItUnbornAgain(@TempDir Path fresh) throws Exception {
            try (TestRepo empty = TestRepo.init(fresh)) {
                empty.write("notes.txt", "user file\n");
                try (GitWorkspace workspace = GitWorkspace.open(fresh)) {
                    assertThat(workspace.status().unborn()).isTrue();
                    GitWorkspace.Run run = workspace.begin("start the project");
                    agentWrites(workspace, put("README.md", "# hi\n"));
                    RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                    assertThat(done.outcome()).isEqualTo(Outcome.COMMITTED);
                    assertThat(empty.contentAt(empty.head(), "README.md")).isEqualTo("# hi\n");
                    assertThat(empty.contentAt(empty.head(), "notes.txt")).isNull();

                    workspace.undo(run.id());

                    assertThat(empty.head()).isNull();
                    assertThat(fresh.resolve("README.md")).doesNotExist();
                    assertThat(empty.read("notes.txt")).isEqualTo("user file\n");
                    assertThat(empty.changedFiles()).containsExactly("notes.txt");
                }
            }
        }
    }

    @Nested
    class Hooks {
        @Test
        void aRejectingPreCommitHookLeavesTheChangesInTheWorkingTree() throws Exception {
            repo.hook("pre-commit", "#!/bin/sh\necho 'lint: trailing whitespace in a.txt' >&2\nexit 1\n");
            ObjectId head = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2 \n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.HOOK_REJECTED);
                assertThat(done.note()).contains("pre-commit hook refused the commit (exit 1)")
                        .contains("lint: trailing whitespace in a.txt")
                        .contains("left uncommitted");
                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.read("a.txt")).isEqualTo("a2 \n");
                assertThat(repo.changedFiles()).containsExactly("a.txt");
                assertThat(run.dir().resolve("index")).doesNotExist();

                workspace.undo(null);
                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
                assertThat(repo.changedFiles()).isEmpty();
            }
        }

        @Test
        void hooksComeFromCoreHooksPathWhenSetAsHuskyDoes() throws Exception {
            org.eclipse.jgit.lib.StoredConfig config = repo.git.getRepository().getConfig();
            config.setString("core", null, "hooksPath", ".husky");
            config.save();
            repo.write(".husky/pre-commit", "#!/bin/sh\necho 'husky says no'\nexit 1\n");
            Files.setPosixFilePermissions(dir.resolve(".husky/pre-commit"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            repo.hook("pre-commit", "#!/bin/sh\nexit 0\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(done.outcome()).isEqualTo(Outcome.HOOK_REJECTED);
                assertThat(done.note()).contains("husky says no");
            }
        }

        @Test
        void noVerifySkipsTheHooks() throws Exception {
            repo.hook("pre-commit", "#!/bin/sh\nexit 1\n");
            repo.hook("commit-msg", "#!/bin/sh\nexit 1\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"));

                assertThat(workspace.finish(run, "gpt-4.1", true, false).outcome()).isEqualTo(Outcome.COMMITTED);
            }
        }

        @Test
        void thePreCommitHookSeesExactlyWhatWillBeCommitted() throws Exception {
            Path seen = dir.resolve("build/staged.txt");
            Files.createDirectories(seen.getParent());
            repo.hook("pre-commit", "#!/bin/sh\ngit diff --cached --name-only > " + seen + "\n"
                    + "git show :src/b.txt >> " + seen + "\n");
            repo.write("a.txt", "user edit\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit b");
                agentWrites(workspace, put("src/b.txt", "b2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);
                assertThat(done.outcome()).as(done.note()).isEqualTo(Outcome.COMMITTED);
            }

            assertThat(Files.readString(seen)).isEqualTo("src/b.txt\nb2\n");
        }

        @Test
        void theCommitMsgHookCanRejectOrEditTheMessage() throws Exception {
            repo.hook("commit-msg", "#!/bin/sh\necho 'Change-Id: I123' >> \"$1\"\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"));
                workspace.finish(run, "gpt-4.1", true, true);
                assertThat(headCommit().getFullMessage()).endsWith("Generated-by: ratchet (model gpt-4.1)\nChange-Id: I123\n");

                repo.hook("commit-msg", "#!/bin/sh\necho 'message must mention a ticket' \nexit 3\n");
                GitWorkspace.Run second = workspace.begin("edit again");
                agentWrites(workspace, put("a.txt", "a3\n"));
                RunRecord rejected = workspace.finish(second, "gpt-4.1", true, true);
                assertThat(rejected.outcome()).isEqualTo(Outcome.HOOK_REJECTED);
                assertThat(rejected.note()).contains("commit-msg hook refused the commit (exit 3)")
                        .contains("must mention a ticket");
                assertThat(repo.read("a.txt")).isEqualTo("a3\n");
            }
        }

        @Test
        void aFormattingHookThatRestagesFilesIsCommittedAndUndoable() throws Exception {
            repo.hook("pre-commit", "#!/bin/sh\nprintf 'formatted\\n' > src/b.txt\ngit add src/b.txt\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit b");
                agentWrites(workspace, put("src/b.txt", "messy\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                assertThat(repo.contentAt(headCommit(), "src/b.txt")).isEqualTo("formatted\n");
                assertThat(repo.changedFiles()).isEmpty();

                workspace.undo(done.id());
                assertThat(repo.read("src/b.txt")).isEqualTo("b1\n");
                assertThat(repo.changedFiles()).isEmpty();
            }
        }
    }

    @Nested
    class Undoing {
        @Test
        void undoInCommitModeRemovesTheCommitAndRestoresEverything() throws Exception {
            repo.write("a.txt", "user edit\n");
            ObjectId head = repo.head();
            Map<String, String> before = TreeState.of(dir);
            byte[] index = repo.indexBytes();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("rework");
                agentWrites(workspace, put("src/b.txt", "b2\n"), put("new/dir/c.txt", "c\n"),
                        new FileWrite.Remove("run.sh"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);

                GitWorkspace.UndoResult undone = workspace.undo(null);

                assertThat(undone.removedCommit()).isEqualTo(done.commit());
                assertThat(undone.restored()).hasSize(3);
                assertThat(repo.head()).isEqualTo(head);
                Map<String, String> now = TreeState.of(dir);
                now.remove("new/");
                now.remove("new/dir/");
                assertThat(now).isEqualTo(before);
                assertThat(repo.changedFiles()).containsExactly("a.txt");
                assertThat(repo.status().getModified()).containsExactly("a.txt");
                assertThat(workspace.run(run.id()).outcome()).isEqualTo(Outcome.UNDONE);
                assertThatThrownBy(() -> workspace.undo(run.id())).isInstanceOf(GitRefusalException.class)
                        .hasMessageContaining("already undone");
                assertThat(index).isNotEmpty();
            }
        }

        @Test
        void undoInNoCommitModeRestoresCreatedAndDeletedFilesAndTheExecutableBit() throws Exception {
            Map<String, String> before = TreeState.of(dir);
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("rework");
                agentWrites(workspace, put("src/c.txt", "c\n"), new FileWrite.Remove("run.sh"), put("a.txt", "a2\n"));
                workspace.finish(run, "gpt-4.1", false, true);

                workspace.undo(run.id());

                assertThat(TreeState.of(dir)).isEqualTo(before);
                assertThat(Files.isExecutable(dir.resolve("run.sh"))).isTrue();
                assertThat(repo.changedFiles()).isEmpty();
            }
        }

        @Test
        void undoOnTopOfUserChangesToTheSameFileBringsBackTheUserVersion() throws Exception {
            repo.write("a.txt", "a1\nuser line\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("append");
                agentWrites(workspace, put("a.txt", "a1\nuser line\nagent line\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);
                assertThat(repo.contentAt(headCommit(), "a.txt")).isEqualTo("a1\nuser line\nagent line\n");

                workspace.undo(done.id());

                assertThat(repo.read("a.txt")).isEqualTo("a1\nuser line\n");
                assertThat(repo.status().getModified()).containsExactly("a.txt");
                assertThat(repo.contentAt(headCommit(), "a.txt")).isEqualTo("a1\n");
            }
        }

        @Test
        void undoKeepsWhatTheUserHadStaged() throws Exception {
            repo.write("a.txt", "staged\n");
            repo.git.add().addFilepattern("a.txt").call();
            repo.write("a.txt", "staged\nand unstaged\n");
            byte[] index = repo.indexBytes();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit a");
                agentWrites(workspace, put("a.txt", "agent\n"));
                workspace.finish(run, "gpt-4.1", true, true);

                workspace.undo(run.id());

                assertThat(repo.read("a.txt")).isEqualTo("staged\nand unstaged\n");
                assertThat(repo.status().getChanged()).containsExactly("a.txt");
                assertThat(repo.status().getModified()).containsExactly("a.txt");
                assertThat(index).isNotEmpty();
            }
        }

        @Test
        void undoWritesFilesAsCheckoutWouldWithLineEndingConversion() throws Exception {
            org.eclipse.jgit.lib.StoredConfig config = repo.git.getRepository().getConfig();
            config.setString("core", null, "autocrlf", "true");
            config.save();
            repo.write("win.txt", "one\r\ntwo\r\n");
            repo.commitAll("windows file");
            assertThat(repo.contentAt(repo.head(), "win.txt")).isEqualTo("one\ntwo\n");
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("win.txt", "one\r\ntwo\r\nthree\r\n"));
                workspace.finish(run, "gpt-4.1", true, true);
                assertThat(repo.contentAt(repo.head(), "win.txt")).isEqualTo("one\ntwo\nthree\n");

                workspace.undo(null);

                assertThat(repo.read("win.txt")).isEqualTo("one\r\ntwo\r\n");
                assertThat(repo.changedFiles()).isEmpty();
            }
        }

        @Test
        void aReadOnlyFileMakesUndoFailWithoutChangingAnything() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"), put("src/b.txt", "b2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);
                Path locked = dir.resolve("src/b.txt");
                Process chattr = new ProcessBuilder("chattr", "+i", locked.toString()).redirectErrorStream(true).start();
                chattr.getInputStream().readAllBytes();
                org.junit.jupiter.api.Assumptions.assumeTrue(chattr.waitFor() == 0, "chattr +i needs root");
                try {
                    assertThatThrownBy(() -> workspace.undo(null))
                            .isInstanceOf(WriteFailedException.class)
                            .hasMessageStartingWith("src/b.txt: ")
                            .hasMessageContaining("no file was changed");
                    assertThat(repo.read("a.txt")).isEqualTo("a2\n");
                    assertThat(repo.head()).isEqualTo(ObjectId.fromString(done.commit()));
                    assertThat(workspace.run(run.id()).outcome()).isEqualTo(Outcome.COMMITTED);
                } finally {
                    new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
                }
                workspace.undo(null);
                assertThat(repo.read("src/b.txt")).isEqualTo("b1\n");
            }
        }

        @Test
        void anUndoInterruptedAfterMovingHeadCanBeRunAgain() throws Exception {
            ObjectId head = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"), put("c.txt", "c\n"));
                workspace.finish(run, "gpt-4.1", true, true);
                // What a killed undo leaves: files restored, HEAD moved, index and record not yet updated.
                agentWrites(workspace, put("a.txt", "a1\n"), new FileWrite.Remove("c.txt"));
                RefUpdate back = repo.git.getRepository().updateRef(Constants.HEAD);
                back.setNewObjectId(head);
                back.forceUpdate();

                workspace.undo(null);

                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.changedFiles()).isEmpty();
                assertThat(workspace.run(run.id()).outcome()).isEqualTo(Outcome.UNDONE);
            }
        }

        @Test
        void aRunKilledRightAfterItsCommitIsUndoneWithTheCommit() throws Exception {
            ObjectId head = repo.head();
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                RunRecord started = workspace.run(run.id());
                agentWrites(workspace, put("a.txt", "a2\n"));
                workspace.finish(run, "gpt-4.1", true, true);
                new RunStore(dir.resolve(".git/ratchet/runs")).save(started); // as if killed before saving

                workspace.undo(null);

                assertThat(repo.head()).isEqualTo(head);
                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
                assertThat(repo.changedFiles()).isEmpty();
            }
        }

        @Test
        void refusesWhenTheRunsFilesChangedSince() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"), put("src/b.txt", "b2\n"));
                workspace.finish(run, "gpt-4.1", false, true);
                repo.write("src/b.txt", "user kept working\n");

                assertThatThrownBy(() -> workspace.undo(null))
                        .isInstanceOf(GitRefusalException.class)
                        .hasMessageContaining("src/b.txt")
                        .hasMessageNotContaining("a.txt")
                        .hasMessageContaining("git checkout refs/ratchet/runs/" + run.id() + "/before -- FILE");
                assertThat(repo.read("a.txt")).isEqualTo("a2\n");
            }
        }

        @Test
        void refusesToRemoveAPushedCommit() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"));
                RunRecord done = workspace.finish(run, "gpt-4.1", true, true);
                RefUpdate pushed = repo.git.getRepository().updateRef("refs/remotes/origin/main");
                pushed.setNewObjectId(ObjectId.fromString(done.commit()));
                pushed.update();

                assertThatThrownBy(() -> workspace.undo(null))
                        .isInstanceOf(GitRefusalException.class)
                        .hasMessageContaining("already pushed").hasMessageContaining("origin/main")
                        .hasMessageContaining("git revert");
                assertThat(repo.read("a.txt")).isEqualTo("a2\n");
                assertThat(repo.head()).isEqualTo(ObjectId.fromString(done.commit()));
            }
        }

        @Test
        void refusesWhenCommitsSitOnTopOfTheRunsCommit() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("edit");
                agentWrites(workspace, put("a.txt", "a2\n"));
                workspace.finish(run, "gpt-4.1", true, true);
                repo.write("later.txt", "x\n");
                repo.commitAll("user commit on top");

                assertThatThrownBy(() -> workspace.undo(run.id()))
                        .isInstanceOf(GitRefusalException.class)
                        .hasMessageContaining("has commits on top of it");
            }
        }

        @Test
        void undoesAnEarlierRunWhenALaterOneTouchedOtherFiles() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run first = workspace.begin("first");
                agentWrites(workspace, put("a.txt", "a2\n"));
                workspace.finish(first, "gpt-4.1", false, true);
                GitWorkspace.Run second = workspace.begin("second");
                agentWrites(workspace, put("src/b.txt", "b2\n"));
                workspace.finish(second, "gpt-4.1", false, true);

                workspace.undo(first.id());

                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
                assertThat(repo.read("src/b.txt")).isEqualTo("b2\n");
                assertThat(workspace.undo(null).run().id()).isEqualTo(second.id());
                assertThat(repo.changedFiles()).isEmpty();
                assertThatThrownBy(() -> workspace.undo(null)).isInstanceOf(NoSuchRunException.class);
            }
        }

        @Test
        void undoesARunThatNeverFinished() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run run = workspace.begin("agent died");
                agentWrites(workspace, put("a.txt", "half\n"), put("z.txt", "new\n"));

                workspace.undo(null);

                assertThat(repo.read("a.txt")).isEqualTo("a1\n");
                assertThat(dir.resolve("z.txt")).doesNotExist();
                assertThat(workspace.run(run.id()).outcome()).isEqualTo(Outcome.UNDONE);
            }
        }

        @Test
        void unknownRunsAreNamed() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                assertThatThrownBy(() -> workspace.undo(null)).isInstanceOf(NoSuchRunException.class)
                        .hasMessageContaining("has not run");
                assertThatThrownBy(() -> workspace.undo("nope")).isInstanceOf(NoSuchRunException.class)
                        .hasMessageContaining("no run 'nope'").hasMessageContaining("ratchet log");
                assertThatThrownBy(() -> workspace.diff("../../etc")).isInstanceOf(NoSuchRunException.class);
            }
        }
    }

    @Nested
    class DiffAndLog {
        @Test
        void diffShowsWhatARunChangedAndLogListsRuns() throws Exception {
            try (GitWorkspace workspace = GitWorkspace.open(dir)) {
                GitWorkspace.Run first = workspace.begin("first task");
                agentWrites(workspace, put("a.txt", "a2\n"), put("c.txt", "c\n"));
                workspace.finish(first, "gpt-4.1", true, true);
                GitWorkspace.Run second = workspace.begin("second task");
                agentWrites(workspace, new FileWrite.Remove("src/b.txt"));

                String diff = workspace.diff(first.id());
                assertThat(diff).contains("diff --git a/a.txt b/a.txt", "-a1", "+a2", "new file mode", "+c");
                assertThat(workspace.diff(null)).contains("deleted file mode", "-b1").doesNotContain("a.txt");

                List<RunRecord> runs = workspace.runs();
                assertThat(runs).extracting(RunRecord::id).containsExactly(first.id(), second.id());
                assertThat(runs).extracting(RunRecord::outcome).containsExactly(Outcome.COMMITTED, Outcome.RUNNING);
                assertThat(runs.get(0).files()).hasSize(2);
            }
        }
    }
}
