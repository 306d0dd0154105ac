package dev.ratchet.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Puts the working tree back as it was before a run: the run's files get their old content (in one
 * atomic batch), its commit is removed when that is still safe, and the index entries of those
 * files are restored. Refuses, changing nothing, when that would lose work done since.
 */
final class RunUndoer {
    private final Repository repo;
    private final Workspace files;
    private final Snapshotter snapshotter;

    RunUndoer(Repository repo, Workspace files, Snapshotter snapshotter) {
        this.repo = repo;
        this.files = files;
        this.snapshotter = snapshotter;
    }

    GitWorkspace.UndoResult undo(RunRecord record) throws IOException {
        switch (record.outcome()) {
            case UNDONE -> throw new GitRefusalException("run " + record.id() + " is already undone");
            case NO_CHANGES -> throw new GitRefusalException("run " + record.id() + " changed no file; nothing to undo");
            default -> { }
        }
        try (ObjectReader reader = repo.newObjectReader(); ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId beforeTree = GitWorkspace.treeOf(reader, record.before());
            ObjectId currentTree = snapshotter.workingTree(inserter);
            inserter.flush();
            // A run that never finished (the agent died) is undone back to its snapshot.
            ObjectId afterTree = record.after() != null ? GitWorkspace.treeOf(reader, record.after()) : currentTree;
            List<RunRecord.ChangedFile> changed = TreeEntries.changes(repo, beforeTree, afterTree);

            ObjectId commit = record.commit() != null ? ObjectId.fromString(record.commit()) : unrecordedCommit(record);
            CommitRemoval removal = commit == null ? null : planCommitRemoval(record, commit);

            List<FileWrite> writes = new ArrayList<>();
            Map<String, Boolean> executable = new HashMap<>();
            List<String> changedSince = new ArrayList<>();
            for (RunRecord.ChangedFile file : changed) {
                String path = file.path();
                Optional<TreeEntries.Entry> before = TreeEntries.at(reader, beforeTree, path);
                Optional<TreeEntries.Entry> after = TreeEntries.at(reader, afterTree, path);
                Optional<TreeEntries.Entry> now = TreeEntries.at(reader, currentTree, path);
                if (now.equals(before)) {
                    continue; // already as it was, e.g. an earlier undo was interrupted after the files
                }
                if (!now.equals(after)) {
                    changedSince.add(path);
                    continue;
                }
                if (before.isEmpty()) {
                    writes.add(new FileWrite.Remove(path));
                } else if (!before.get().mode().equals(FileMode.REGULAR_FILE)
                        && !before.get().mode().equals(FileMode.EXECUTABLE_FILE)) {
                    throw new GitRefusalException("run " + record.id() + " changed " + path + ", which was a "
                            + (before.get().mode().equals(FileMode.GITLINK) ? "submodule" : "symlink")
                            + "; ratchet only restores files. Restore it by hand: git checkout "
                            + GitWorkspace.refOf(record.id(), "before") + " -- " + path);
                } else {
                    byte[] content = checkedOut(reader, beforeTree, path, before.get().id());
                    writes.add(new FileWrite.Put(path, content, now.isPresent() ? path : null));
                    executable.put(path, before.get().mode().equals(FileMode.EXECUTABLE_FILE));
                }
            }
            if (!changedSince.isEmpty()) {
                throw new GitRefusalException("these files changed after run " + record.id() + ": "
                        + String.join(", ", changedSince) + "; undo would overwrite those changes. Commit or "
                        + "stash them first, or restore by hand with 'git checkout "
                        + GitWorkspace.refOf(record.id(), "before") + " -- FILE'");
            }

            files.write(writes, executable);
            if (removal != null && !removal.alreadyDone() && removal.parent() != null) {
                moveHeadBack(record, commit, removal.parent());
            } else if (removal != null && !removal.alreadyDone()) {
                deleteUnbornBranch(record, commit);
            }
            restoreIndex(reader, record, beforeTree, changed);
            String note = "restored " + changed.size() + " file" + (changed.size() == 1 ? "" : "s")
                    + " as they were before the run" + (commit == null ? "" : " and removed its commit "
                    + commit.abbreviate(7).name());
            return new GitWorkspace.UndoResult(record.withOutcome(RunRecord.Outcome.UNDONE, note), changed,
                    commit == null ? null : commit.name());
        }
    }

    /**
     * A blob's bytes as {@code git checkout} would write them (smudge filters such as LFS, and
     * line-ending conversion), since the snapshot holds what {@code git add} stored.
     */
    private byte[] checkedOut(ObjectReader reader, ObjectId tree, String path, ObjectId blob) throws IOException {
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.setOperationType(TreeWalk.OperationType.CHECKOUT_OP);
            walk.addTree(TreeEntries.iterator(reader, tree));
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(path));
            DirCacheCheckout.CheckoutMetadata checkout = new DirCacheCheckout.CheckoutMetadata(
                    org.eclipse.jgit.lib.CoreConfig.EolStreamType.DIRECT, null);
            while (walk.next()) {
                if (walk.getPathString().equals(path)) {
                    checkout = new DirCacheCheckout.CheckoutMetadata(
                            walk.getEolStreamType(TreeWalk.OperationType.CHECKOUT_OP),
                            walk.getFilterCommand(Constants.ATTR_FILTER_TYPE_SMUDGE));
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            DirCacheCheckout.getContent(repo, path, checkout, reader.open(blob, Constants.OBJ_BLOB),
                    repo.getConfig().get(WorkingTreeOptions.KEY), content);
            return content.toByteArray();
        }
    }

    /**
     * A run killed between committing and saving its record left a commit the record does not
     * name; its trailer still does.
     */
    private ObjectId unrecordedCommit(RunRecord record) throws IOException {
        ObjectId head = repo.resolve(Constants.HEAD);
        if (record.outcome() != RunRecord.Outcome.RUNNING || head == null) {
            return null;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            String message = walk.parseCommit(head).getFullMessage();
            return message.contains("\nRatchet-Run: " + record.id() + "\n") ? head : null;
        }
    }

    /** Where HEAD goes back to (null parent: a first commit), or that an interrupted undo already moved it. */
    private record CommitRemoval(ObjectId parent, boolean alreadyDone) {
    }

    /** Checks that the run's commit is HEAD and is in no remote-tracking branch. */
    private CommitRemoval planCommitRemoval(RunRecord record, ObjectId commit) throws IOException {
        ObjectId head = repo.resolve(Constants.HEAD);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit runCommit = walk.parseCommit(commit);
            ObjectId parent = runCommit.getParentCount() == 0 ? null : runCommit.getParent(0).getId();
            if (!commit.equals(head) && java.util.Objects.equals(head, parent)) {
                return new CommitRemoval(parent, true); // an undo that died after moving HEAD
            }
            if (!commit.equals(head)) {
                boolean below = head != null && walk.isMergedInto(runCommit, walk.parseCommit(head));
                throw new GitRefusalException("run " + record.id() + "'s commit " + commit.abbreviate(7).name()
                        + (below ? " has commits on top of it" : " is no longer HEAD (it was reset, amended, or is on "
                                + "another branch)")
                        + "; removing it would rewrite history. Use 'git revert " + commit.abbreviate(7).name()
                        + "' instead" + (below ? "" : ", or check out the branch it is on"));
            }
            for (Ref remote : repo.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES)) {
                if (remote.getObjectId() == null) {
                    continue;
                }
                walk.reset();
                if (walk.isMergedInto(walk.parseCommit(commit), walk.parseCommit(remote.getObjectId()))) {
                    throw new GitRefusalException("run " + record.id() + "'s commit " + commit.abbreviate(7).name()
                            + " is already pushed (it is in " + Repository.shortenRefName(remote.getName())
                            + "); removing it would rewrite published history. Use 'git revert "
                            + commit.abbreviate(7).name() + "' instead");
                }
            }
            return new CommitRemoval(parent, false);
        }
    }

    private void moveHeadBack(RunRecord record, ObjectId commit, ObjectId parent) throws IOException {
        RefUpdate update = repo.updateRef(Constants.HEAD);
        update.setNewObjectId(parent);
        update.setExpectedOldObjectId(commit);
        update.setForceUpdate(true);
        update.setRefLogMessage("reset: ratchet undo " + record.id(), false);
        GitWorkspace.expect(update.update(), "move HEAD back to " + parent.name(), RefUpdate.Result.FORCED);
    }

    /** The run made the branch's first commit: removing it leaves the branch unborn again. */
    private void deleteUnbornBranch(RunRecord record, ObjectId commit) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic()) {
            throw new GitRefusalException("run " + record.id() + "'s commit is a first commit on a detached HEAD; "
                    + "remove it by hand");
        }
        // JGit will not delete the checked-out branch, so HEAD lets go of it for a moment: detach,
        // delete, then point HEAD at the now missing branch, which is what an unborn branch is.
        String branch = head.getTarget().getName();
        RefUpdate detach = repo.updateRef(Constants.HEAD, true);
        detach.setNewObjectId(commit);
        detach.setForceUpdate(true);
        GitWorkspace.expect(detach.update(), "detach HEAD from " + branch, RefUpdate.Result.FORCED,
                RefUpdate.Result.NO_CHANGE, RefUpdate.Result.NEW);
        RefUpdate delete = repo.updateRef(branch);
        delete.setExpectedOldObjectId(commit);
        delete.setForceUpdate(true);
        GitWorkspace.expect(delete.delete(), "delete the branch " + branch + " (it held only the run's commit)",
                RefUpdate.Result.FORCED);
        RefUpdate relink = repo.updateRef(Constants.HEAD);
        relink.disableRefLog();
        GitWorkspace.expect(relink.link(branch), "point HEAD back at " + branch, RefUpdate.Result.FORCED,
                RefUpdate.Result.NEW, RefUpdate.Result.NO_CHANGE);
    }

    /** The run's files get their index entries from before the run; other entries are not touched. */
    private void restoreIndex(ObjectReader reader, RunRecord record, ObjectId beforeTree,
            List<RunRecord.ChangedFile> changed) throws IOException {
        if (changed.isEmpty()) {
            return;
        }
        ObjectId indexBefore = ObjectId.fromString(record.indexBefore());
        DirCache index = repo.lockDirCache();
        try {
            DirCacheEditor editor = index.editor();
            for (RunRecord.ChangedFile file : changed) {
                String path = file.path();
                Optional<TreeEntries.Entry> staged = TreeEntries.at(reader, indexBefore, path);
                if (staged.isEmpty()) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                    continue;
                }
                Optional<TreeEntries.Entry> onDisk = TreeEntries.at(reader, beforeTree, path);
                Path fileOnDisk = repo.getWorkTree().toPath().resolve(path);
                boolean statValid = onDisk.equals(staged) && Files.isRegularFile(fileOnDisk, LinkOption.NOFOLLOW_LINKS);
                long length = statValid ? Files.size(fileOnDisk) : 0;
                java.time.Instant modified = statValid ? Files.getLastModifiedTime(fileOnDisk).toInstant()
                        : java.time.Instant.EPOCH;
                editor.add(new DirCacheEditor.PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(staged.get().mode());
                        entry.setObjectId(staged.get().id());
                        entry.setLength(length);
                        entry.setLastModified(modified);
                    }
                });
            }
            editor.finish();
            index.write();
            if (!index.commit()) {
                throw new IOException("could not write the index " + repo.getIndexFile());
            }
        } finally {
            index.unlock();
        }
    }
}
