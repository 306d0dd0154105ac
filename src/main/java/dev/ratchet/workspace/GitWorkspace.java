package dev.ratchet.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A git repository the agent works in: snapshots before a run, the run's commit after it, and
 * {@code undo}, {@code diff} and {@code log} over recorded runs. All file writes go through
 * {@link #files()}.
 */
public final class GitWorkspace implements AutoCloseable {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Repository repo;
    private final Workspace files;
    private final RunStore runs;
    private final Snapshotter snapshotter;
    private final HookRunner hooks;
    private final Clock clock;

    private GitWorkspace(Repository repo, Workspace files, Clock clock) {
        this.repo = repo;
        this.files = files;
        this.runs = new RunStore(repo.getDirectory().toPath().resolve("ratchet").resolve("runs"));
        this.snapshotter = new Snapshotter(repo);
        this.hooks = new HookRunner(repo);
        this.clock = clock;
    }

    /**
     * Opens the repository that contains {@code dir} and checks that ratchet can work in it.
     *
     * @throws NotAGitRepositoryException when {@code dir} is in no git repository
     * @throws GitRefusalException        for a bare repository, or one in the middle of a merge,
     *                                    rebase, cherry-pick, revert, bisect or {@code git am}
     */
    public static GitWorkspace open(Path dir) throws IOException {
        return open(dir, Clock.systemUTC());
    }

    /**
     * Opens the repository for a pre-commit hook, which runs while {@code git commit} concludes a
     * merge, cherry-pick or revert too: the state is not refused here; {@link #begin} still refuses it.
     */
    public static GitWorkspace openForCommitHook(Path dir) throws IOException {
        return open(dir, Clock.systemUTC(), false);
    }

    static GitWorkspace open(Path dir, Clock clock) throws IOException {
        return open(dir, clock, true);
    }

    private static GitWorkspace open(Path dir, Clock clock, boolean refuseUnfinished) throws IOException {
        // Without this, JGit's first repository access on a machine blocks ~3 s measuring timestamps.
        FS.FileStoreAttributes.setBackground(true);
        if (!Files.isDirectory(dir)) {
            throw new NotAGitRepositoryException(dir + ": no such directory; pass --repo with the project's directory");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            throw new NotAGitRepositoryException(dir.toAbsolutePath().normalize() + " is not inside a git repository; run "
                    + "'git init' there (ratchet snapshots and commits through git), or pass --no-git to work "
                    + "without snapshots, commits or undo");
        }
        Repository repo = builder.setMustExist(true).build();
        try {
            if (repo.isBare()) {
                throw new GitRefusalException(repo.getDirectory() + " is a bare repository (no working tree); "
                        + "clone it ('git clone " + repo.getDirectory() + " DIR') and run ratchet in the clone");
            }
            if (refuseUnfinished) {
                refuseUnfinishedOperation(repo);
            }
            Workspace files = Workspace.open(repo.getWorkTree().toPath());
            return new GitWorkspace(repo, files, clock);
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    private static void refuseUnfinishedOperation(Repository repo) throws GitRefusalException {
        RepositoryState state = repo.getRepositoryState();
        String advice = switch (state) {
            case SAFE -> null;
            case MERGING, MERGING_RESOLVED -> "a merge is in progress; finish it ('git commit') or abort it "
                    + "('git merge --abort')";
            case REBASING, REBASING_REBASING, REBASING_MERGE, REBASING_INTERACTIVE -> "a rebase is in progress; "
                    + "finish it ('git rebase --continue') or abort it ('git rebase --abort')";
            case CHERRY_PICKING, CHERRY_PICKING_RESOLVED -> "a cherry-pick is in progress; finish it "
                    + "('git cherry-pick --continue') or abort it ('git cherry-pick --abort')";
            case REVERTING, REVERTING_RESOLVED -> "a revert is in progress; finish it ('git revert --continue') "
                    + "or abort it ('git revert --abort')";
            case APPLY -> "'git am' is applying patches; finish it ('git am --continue') or abort it ('git am --abort')";
            case BISECTING -> "a bisect is in progress; end it with 'git bisect reset'";
            case BARE -> "the repository is bare";
        };
        if (advice != null) {
            throw new GitRefusalException(repo.getWorkTree() + ": " + advice + ", then run ratchet again");
        }
    }

    /** The working tree's top directory. */
    public Path workTree() {
        return repo.getWorkTree().toPath();
    }

    /** The git directory (for a linked worktree, its own one under the main repository). */
    public Path gitDir() {
        return repo.getDirectory().toPath();
    }

    /** Safe reads and atomic writes inside the working tree: the only way the agent touches files. */
    public Workspace files() {
        return files;
    }

    /** ratchet's pre-commit hook file in this repository's hooks directory ({@code core.hooksPath} honoured). */
    public PreCommitHook preCommitHook() {
        return new PreCommitHook(hooks.hooksDir());
    }

    /** Sets unstaged changes aside while the pre-commit hook checks what is staged; kept under {@code .git/ratchet/hook/}. */
    public UnstagedChanges unstagedChanges() {
        return new UnstagedChanges(workTree(), hookDir().resolve("stash"));
    }

    /**
     * The staged changes, as {@code git commit} would commit them (the index {@code GIT_INDEX_FILE}
     * names); the diff leaves out the paths {@code withhold} accepts.
     */
    public StagedChanges stagedChanges(java.util.function.Predicate<String> withhold) throws IOException {
        return StagedChanges.read(new GitCli(workTree()), withhold);
    }

    /** Stages a fix the hook's edit loop made, and carries it over to the user's unstaged versions. */
    public StagedFix stagedFix() {
        return new StagedFix(hookDir(), new GitCli(workTree()), files);
    }

    /** Where the pre-commit hook keeps set-aside files and proposed fixes. */
    public Path hookDir() {
        return gitDir().resolve("ratchet").resolve("hook");
    }

    /** Where HEAD points and what differs from it. */
    public RepoStatus status() throws IOException {
        Status status;
        try {
            status = Git.wrap(repo).status().call();
        } catch (GitAPIException e) {
            throw new IOException("git status failed in " + workTree() + ": " + e.getMessage(), e);
        }
        List<String> changed = new ArrayList<>();
        changed.addAll(status.getUncommittedChanges());
        changed.addAll(status.getUntracked());
        changed.sort(null);
        Ref head = repo.exactRef(Constants.HEAD);
        boolean detached = head != null && !head.isSymbolic();
        return new RepoStatus(detached ? null : repo.getBranch(), detached, repo.resolve(Constants.HEAD) == null,
                List.copyOf(changed));
    }

    /** Where HEAD points and which files differ from it (tracked changes and untracked files). */
    public record RepoStatus(String branch, boolean detached, boolean unborn, List<String> changedFiles) {
    }

    /** A run in progress; {@code dir} is where the agent keeps its transcript. */
    public record Run(String id, Path dir) {
    }

    /** Starts a run on the current branch: snapshots the working tree and index, and records the run. */
    public Run begin(String task) throws IOException {
        return begin(task, null);
    }

    /**
     * Starts a run: with {@code newBranch}, first creates that branch at HEAD and switches to it
     * (files and index stay as they are); then snapshots the working tree and the index under
     * {@code refs/ratchet/runs/<id>/} and records the run.
     */
    public Run begin(String task, String newBranch) throws IOException {
        refuseUnfinishedOperation(repo);
        if (newBranch != null) {
            switchToNewBranch(newBranch);
        }
        String id = newRunId();
        ObjectId head = repo.resolve(Constants.HEAD);
        Ref headRef = repo.exactRef(Constants.HEAD);
        String branch = headRef != null && headRef.isSymbolic() ? repo.getBranch() : null;
        ObjectId before;
        ObjectId index;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            List<ObjectId> parents = head == null ? List.of() : List.of(head);
            index = snapshotter.indexTree(inserter);
            // A ref keeps the index tree from 'git gc'; undo needs it to restore what was staged.
            snapshotter.commit(inserter, index, parents, "ratchet run " + id + ": index before the run\n",
                    refOf(id, "index"));
            ObjectId tree = snapshotter.workingTree(inserter);
            before = snapshotter.commit(inserter, tree, parents,
                    "ratchet run " + id + ": working tree before the run\n\n" + task + "\n", refOf(id, "before"));
        }
        RunRecord record = new RunRecord(id, task, clock.instant(), branch, head == null ? null : head.name(),
                before.name(), index.name(), RunRecord.Outcome.RUNNING, null, null, null, null, List.of(), null);
        runs.save(record);
        return new Run(id, runs.dirOf(id));
    }

    private void switchToNewBranch(String name) throws IOException {
        String ref = Constants.R_HEADS + name;
        if (!Repository.isValidRefName(ref)) {
            throw new GitRefusalException("'" + name + "' is not a valid branch name; pick another --branch");
        }
        if (repo.exactRef(ref) != null) {
            throw new GitRefusalException("branch '" + name + "' already exists; pick another --branch name, "
                    + "or check it out and run without --branch");
        }
        ObjectId head = repo.resolve(Constants.HEAD);
        if (head != null) {
            RefUpdate create = repo.updateRef(ref);
            create.setNewObjectId(head);
            create.setExpectedOldObjectId(ObjectId.zeroId());
            create.setRefLogMessage("branch: Created from HEAD by ratchet", false);
            expect(create.update(), "create branch " + name, RefUpdate.Result.NEW);
        }
        RefUpdate link = repo.updateRef(Constants.HEAD);
        link.setRefLogMessage("checkout: moving to " + name + " (ratchet --branch)", false);
        RefUpdate.Result linked = link.link(ref);
        expect(linked, "switch HEAD to " + name, RefUpdate.Result.NEW, RefUpdate.Result.FORCED, RefUpdate.Result.NO_CHANGE);
    }

    static void expect(RefUpdate.Result result, String what, RefUpdate.Result... accepted) throws IOException {
        for (RefUpdate.Result ok : accepted) {
            if (result == ok) {
                return;
            }
        }
        throw new IOException("could not " + what + " (" + result + "); another git command may be running — "
                + "check for .git/*.lock files and try again");
    }

    /**
     * Ends a run: snapshots the result, then (with {@code commit}) commits the files the run
     * changed on the current branch, running the pre-commit and commit-msg hooks unless
     * {@code verify} is false. Files the user changed that the run did not touch stay as they were.
     * A hook that refuses leaves the changes in the working tree and says so in the record's note.
     */
    public RunRecord finish(Run run, String model, boolean commit, boolean verify) throws IOException {
        RunRecord record = load(run.id());
        if (record.outcome() != RunRecord.Outcome.RUNNING) {
            throw new GitRefusalException("run " + run.id() + " has already finished (" + record.outcome() + ")");
        }
        RunRecord finished = new RunCommitter(repo, snapshotter, hooks, clock)
                .finish(record, model, commit, verify, refOf(run.id(), "after"));
        runs.save(finished);
        return finished;
    }

    /**
     * Restores the working tree exactly as it was before the run ({@code null} = the last run),
     * removing the run's commit when it is HEAD and has not been pushed.
     *
     * @throws GitRefusalException when the run's files changed since, or its commit cannot be removed
     */
    public UndoResult undo(String runId) throws IOException {
        RunRecord record = runId == null ? lastUndoable() : load(runId);
        UndoResult result = new RunUndoer(repo, files, snapshotter).undo(record);
        runs.save(result.run());
        return result;
    }

    /** What {@code undo} did. */
    public record UndoResult(RunRecord run, List<RunRecord.ChangedFile> restored, String removedCommit) {
    }

    /** The changes a run made, as a unified diff ({@code null} = the last run). */
    public String diff(String runId) throws IOException {
        RunRecord record = runId == null ? last() : load(runId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectReader reader = repo.newObjectReader(); DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repo);
            ObjectId before = treeOf(reader, record.before());
            ObjectId after = record.after() != null ? treeOf(reader, record.after()) : currentTree();
            formatter.format(TreeEntries.iterator(reader, before), TreeEntries.iterator(reader, after));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every recorded run, oldest first. */
    public List<RunRecord> runs() throws IOException {
        return runs.all();
    }

    /** One recorded run. */
    public RunRecord run(String id) throws IOException {
        return load(id);
    }

    private RunRecord load(String id) throws IOException {
        Optional<RunRecord> record = runs.load(id);
        if (record.isEmpty()) {
            throw new NoSuchRunException("no run '" + id + "' in " + gitDir().resolve("ratchet/runs")
                    + "; 'ratchet log' lists the runs");
        }
        return record.get();
    }

    private RunRecord last() throws IOException {
        List<RunRecord> all = runs.all();
        if (all.isEmpty()) {
            throw new NoSuchRunException("ratchet has not run in " + workTree() + " yet (no runs in "
                    + gitDir().resolve("ratchet/runs") + ")");
        }
        return all.get(all.size() - 1);
    }

    private RunRecord lastUndoable() throws IOException {
        List<RunRecord> all = runs.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            RunRecord.Outcome outcome = all.get(i).outcome();
            if (outcome != RunRecord.Outcome.UNDONE && outcome != RunRecord.Outcome.NO_CHANGES) {
                return all.get(i);
            }
        }
        throw new NoSuchRunException("there is no run to undo in " + workTree() + (all.isEmpty()
                ? " (ratchet has not run here yet)"
                : "; every recorded run is undone or changed nothing ('ratchet log' lists them)"));
    }

    private ObjectId currentTree() throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId tree = snapshotter.workingTree(inserter);
            inserter.flush();
            return tree;
        }
    }

    static ObjectId treeOf(ObjectReader reader, String commit) throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            return parsed.getTree().getId();
        }
    }

    static String refOf(String id, String which) {
        return "refs/ratchet/runs/" + id + "/" + which;
    }

    private String newRunId() {
        String time = RUN_ID_TIME.format(clock.instant());
        for (int attempt = 0; ; attempt++) {
            byte[] suffix = new byte[2];
            ThreadLocalRandom.current().nextBytes(suffix);
            String id = time + "-" + HexFormat.of().formatHex(suffix);
            if (!Files.exists(runs.dirOf(id)) || attempt > 100) {
                return id;
            }
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
