package dev.ratchet.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * Ends a run: snapshots the result and commits exactly the files the run changed, as
 * {@code git commit --only <those files>} would, hooks included.
 */
final class RunCommitter {
    private static final int SUBJECT_LENGTH = 64;

    private final Repository repo;
    private final Snapshotter snapshotter;
    private final HookRunner hooks;
    private final Clock clock;

    RunCommitter(Repository repo, Snapshotter snapshotter, HookRunner hooks, Clock clock) {
        this.repo = repo;
        this.snapshotter = snapshotter;
        this.hooks = hooks;
        this.clock = clock;
    }

    RunRecord finish(RunRecord record, String model, boolean commit, boolean verify, String afterRef)
            throws IOException {
        ObjectId beforeTree;
        ObjectId afterTree;
        ObjectId after;
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            beforeTree = GitWorkspace.treeOf(reader, record.before());
            afterTree = snapshotter.workingTree(inserter);
            after = snapshotter.commit(inserter, afterTree, List.of(ObjectId.fromString(record.before())),
                    "ratchet run " + record.id() + ": working tree after the run\n", afterRef);
        }
        List<RunRecord.ChangedFile> changed = TreeEntries.changes(repo, beforeTree, afterTree);
        Instant now = clock.instant();
        if (changed.isEmpty()) {
            return record.finished(RunRecord.Outcome.NO_CHANGES, now, model, after.name(), null, changed,
                    "the run changed no file");
        }
        if (!commit) {
            return record.finished(RunRecord.Outcome.UNCOMMITTED, now, model, after.name(), null, changed,
                    "the changes are left uncommitted in the working tree; 'ratchet undo " + record.id()
                            + "' drops them");
        }
        return commit(record, model, verify, afterTree, after, changed, afterRef);
    }

    private RunRecord commit(RunRecord record, String model, boolean verify, ObjectId afterTree, ObjectId after,
            List<RunRecord.ChangedFile> changed, String afterRef) throws IOException {
        Set<String> paths = new HashSet<>();
        changed.forEach(file -> paths.add(file.path()));
        ObjectId head = repo.resolve(Constants.HEAD);
        Path runDir = repo.getDirectory().toPath().resolve("ratchet").resolve("runs").resolve(record.id());
        Files.createDirectories(runDir);
        File tempIndex = runDir.resolve("index").toFile();
        Map<String, String> env = Map.of("GIT_INDEX_FILE", tempIndex.getAbsolutePath());
        DirCache index;
        try {
            // Held from here to the end, as git commit does, so no other git command changes the index meanwhile.
            index = repo.lockDirCache();
        } catch (LockFailedException busy) {
            return record.finished(RunRecord.Outcome.COMMIT_FAILED, clock.instant(), model, after.name(), null,
                    changed, "could not commit: the index is locked (" + repo.getIndexFile() + ".lock exists); "
                            + "another git command is running, or one crashed and left the lock behind. The changes "
                            + "are left uncommitted in the working tree: commit them by hand once the lock is gone, "
                            + "or run 'ratchet undo " + record.id() + "' to drop them");
        }
        ObjectId commitId;
        try {
            writeCommitIndex(tempIndex, index, head, afterTree, paths);
            if (verify) {
                HookRunner.Result preCommit = hooks.run("pre-commit", List.of(), env);
                if (preCommit.rejected()) {
                    return rejected(record, model, after, changed, preCommit);
                }
            }
            Path messageFile = repo.getDirectory().toPath().resolve("COMMIT_EDITMSG");
            Files.writeString(messageFile, message(record, changed, model), StandardCharsets.UTF_8);
            if (verify) {
                HookRunner.Result commitMsg = hooks.run("commit-msg", List.of(messageFile.toString()), env);
                if (commitMsg.rejected()) {
                    return rejected(record, model, after, changed, commitMsg);
                }
            }
            String message = cleanUp(Files.readString(messageFile, StandardCharsets.UTF_8));
            DirCache committed = DirCache.read(tempIndex, FS.DETECTED);
            commitId = writeCommit(committed, head, message);
            updateIndex(index, committed, paths);
        } finally {
            index.unlock();
            Files.deleteIfExists(tempIndex.toPath());
        }
        if (verify) {
            hooks.run("post-commit", List.of(), Map.of());
        }
        if (verify && hooks.exists("pre-commit")) {
            // A formatting hook may have rewritten files: "after" is what the tree holds now.
            try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
                ObjectId tree = snapshotter.workingTree(inserter);
                after = snapshotter.commit(inserter, tree, List.of(ObjectId.fromString(record.before())),
                        "ratchet run " + record.id() + ": working tree after the run and its commit hooks\n",
                        afterRef);
                changed = TreeEntries.changes(repo, GitWorkspace.treeOf(reader, record.before()), tree);
            }
        }
        return record.finished(RunRecord.Outcome.COMMITTED, clock.instant(), model, after.name(),
                commitId.name(), changed, commitNote(commitId, changed.size()));
    }

    private RunRecord rejected(RunRecord record, String model, ObjectId after, List<RunRecord.ChangedFile> changed,
            HookRunner.Result hook) {
        String output = hook.output().strip();
        return record.finished(RunRecord.Outcome.HOOK_REJECTED, clock.instant(), model, after.name(), null, changed,
                "the " + hook.hook() + " hook refused the commit (exit " + hook.exitCode() + "); the changes "
                        + "are left uncommitted in the working tree. Fix what the hook reports and commit by hand, "
                        + "run 'ratchet undo " + record.id() + "' to drop them, or use --no-verify to skip hooks"
                        + (output.isEmpty() ? "" : ". The hook said:\n" + output));
    }

    private String commitNote(ObjectId commitId, int files) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        String abbreviated = commitId.abbreviate(7).name();
        if (head != null && head.isSymbolic()) {
            return "committed " + files + " file" + (files == 1 ? "" : "s") + " as " + abbreviated + " on "
                    + Repository.shortenRefName(head.getTarget().getName());
        }
        return "committed " + files + " file" + (files == 1 ? "" : "s") + " as " + abbreviated
                + " on a detached HEAD; keep it with 'git switch -c NEW-BRANCH'";
    }

    /** HEAD's tree with the run's files replaced: what {@code git commit --only} stages. */
    private void writeCommitIndex(File file, DirCache index, ObjectId head, ObjectId afterTree, Set<String> paths)
            throws IOException {
        DirCache temp = DirCache.lock(file, FS.DETECTED);
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = new TreeWalk(repo, reader)) {
            DirCacheBuilder builder = temp.builder();
            walk.addTree(TreeEntries.iterator(reader, head == null ? null : treeOfCommit(reader, head)));
            walk.addTree(TreeEntries.iterator(reader, afterTree));
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                int source = paths.contains(path) ? 1 : 0;
                FileMode mode = walk.getFileMode(source);
                if (mode == FileMode.MISSING) {
                    continue;
                }
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(mode);
                entry.setObjectId(walk.getObjectId(source));
                copyStat(index.getEntry(path), entry, source == 1 ? repo.getWorkTree().toPath().resolve(path) : null);
                builder.add(entry);
            }
            builder.finish();
            temp.write();
            if (!temp.commit()) {
                throw new IOException("could not write the commit index " + file);
            }
        } finally {
            temp.unlock();
        }
    }

    /** Stat data lets hooks that run {@code git status} or {@code git diff} skip rehashing every file. */
    private static void copyStat(DirCacheEntry fromIndex, DirCacheEntry entry, Path file) throws IOException {
        if (file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            entry.setLength(Files.size(file));
            entry.setLastModified(Files.getLastModifiedTime(file).toInstant());
        } else if (fromIndex != null && fromIndex.getObjectId().equals(entry.getObjectId())
                && fromIndex.getFileMode().equals(entry.getFileMode())) {
            entry.setLength(fromIndex.getLength());
            entry.setLastModified(fromIndex.getLastModifiedInstant());
        }
    }

    private ObjectId writeCommit(DirCache committed, ObjectId head, String message) throws IOException {
        PersonIdent user = new PersonIdent(repo);
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(committed.writeTree(inserter));
            if (head != null) {
                commit.setParentId(head);
            }
            commit.setAuthor(user);
            commit.setCommitter(user);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.HEAD);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
            update.setRefLogIdent(user);
            update.setRefLogMessage("commit" + (head == null ? " (initial)" : "") + ": "
                    + message.lines().findFirst().orElse(""), false);
            GitWorkspace.expect(update.update(), "move HEAD to the new commit " + id.name(),
                    RefUpdate.Result.NEW, RefUpdate.Result.FAST_FORWARD);
            return id;
        }
    }

    /** The real index now agrees with the commit for the run's files, and only for them. */
    private void updateIndex(DirCache index, DirCache committed, Set<String> paths) throws IOException {
        DirCacheEditor editor = index.editor();
        for (String path : paths) {
            DirCacheEntry entry = committed.getEntry(path);
            if (entry == null) {
                editor.add(new DirCacheEditor.DeletePath(path));
            } else {
                editor.add(new DirCacheEditor.PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry target) {
                        target.copyMetaData(entry);
                    }
                });
            }
        }
        editor.finish();
        index.write();
        if (!index.commit()) {
            throw new IOException("the commit is made, but the index " + repo.getIndexFile()
                    + " could not be updated; run 'git reset -- <the run's files>' to refresh it");
        }
    }

    private static ObjectId treeOfCommit(ObjectReader reader, ObjectId commit) throws IOException {
        return GitWorkspace.treeOf(reader, commit.name());
    }

    static String message(RunRecord record, List<RunRecord.ChangedFile> changed, String model) {
        String task = record.task().strip();
        String firstLine = task.lines().findFirst().orElse("").strip();
        String subject = firstLine.length() <= SUBJECT_LENGTH ? firstLine
                : firstLine.substring(0, SUBJECT_LENGTH - 1).strip() + "…";
        StringBuilder message = new StringBuilder("ratchet: ").append(subject).append("\n\n");
        if (!task.equals(subject)) {
            message.append("Task:\n");
            task.lines().forEach(line -> message.append("  ").append(line).append('\n'));
            message.append('\n');
        }
        message.append("Changed files:\n");
        for (RunRecord.ChangedFile file : changed) {
            char kind = switch (file.change()) {
                case ADDED -> 'A';
                case MODIFIED -> 'M';
                case DELETED -> 'D';
            };
            message.append("  ").append(kind).append(' ').append(file.path()).append('\n');
        }
        message.append('\n')
                .append("Ratchet-Run: ").append(record.id()).append('\n')
                .append("Generated-by: ratchet (model ").append(model).append(")\n");
        return message.toString();
    }

    /** As git's default cleanup: drop comment lines and trailing blank lines. */
    private static String cleanUp(String message) {
        StringBuilder out = new StringBuilder();
        message.lines().filter(line -> !line.startsWith("#")).forEach(line -> out.append(line.stripTrailing()).append('\n'));
        return out.toString().stripTrailing() + "\n";
    }
}
