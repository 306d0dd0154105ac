package dev.ratchet.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.UnmergedPathException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Records the working tree (tracked changes and untracked, non-ignored files) as a commit under
 * {@code refs/ratchet/}, like {@code git stash create} but kept, without touching HEAD, the index
 * or any file.
 */
final class Snapshotter {
    private static final PersonIdent RATCHET = new PersonIdent("ratchet", "ratchet@localhost");

    private final Repository repo;

    Snapshotter(Repository repo) {
        this.repo = repo;
    }

    /** The tree {@code git add -A && git write-tree} would produce, computed without touching the index. */
    ObjectId workingTree(ObjectInserter inserter) throws IOException {
        DirCache index = repo.readDirCache();
        DirCache snapshot = DirCache.newInCore();
        DirCacheBuilder builder = snapshot.builder();
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = new TreeWalk(repo, reader)) {
            int indexTree = walk.addTree(new DirCacheIterator(index));
            FileTreeIterator files = new FileTreeIterator(repo);
            files.setDirCacheIterator(walk, indexTree);
            int fileTree = walk.addTree(files);
            while (walk.next()) {
                DirCacheIterator inIndex = walk.getTree(indexTree, DirCacheIterator.class);
                WorkingTreeIterator onDisk = walk.getTree(fileTree, WorkingTreeIterator.class);
                if (onDisk == null || (inIndex == null && onDisk.isEntryIgnored())) {
                    continue; // deleted from the working tree, or ignored and untracked
                }
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                    continue;
                }
                FileMode mode = onDisk.getIndexFileMode(inIndex);
                DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
                entry.setFileMode(mode);
                entry.setObjectId(blobOf(inIndex, onDisk, mode, reader, inserter));
                builder.add(entry);
            }
        }
        builder.finish();
        return snapshot.writeTree(inserter);
    }

    private static ObjectId blobOf(DirCacheIterator inIndex, WorkingTreeIterator onDisk, FileMode mode,
            ObjectReader reader, ObjectInserter inserter) throws IOException {
        if (inIndex != null && inIndex.getDirCacheEntry() != null && inIndex.getDirCacheEntry().getStage() == 0
                && inIndex.getEntryFileMode().equals(mode)
                && !onDisk.isModified(inIndex.getDirCacheEntry(), true, reader)) {
            return inIndex.getEntryObjectId(); // unchanged since staged: the index already holds its blob
        }
        if (mode == FileMode.GITLINK) {
            return onDisk.getEntryObjectId(); // a submodule is recorded by its checked-out commit
        }
        try (InputStream content = onDisk.openEntryStream()) {
            return inserter.insert(Constants.OBJ_BLOB, onDisk.getEntryContentLength(), content);
        }
    }

    /** The index as a tree; refused while it holds merge conflicts. */
    ObjectId indexTree(ObjectInserter inserter) throws IOException {
        try {
            return repo.readDirCache().writeTree(inserter);
        } catch (UnmergedPathException conflict) {
            throw new GitRefusalException("the index has unresolved conflicts (" + conflict.getMessage()
                    + "); resolve them and 'git add' the files, or 'git reset', before running ratchet", conflict);
        }
    }

    /** Stores {@code tree} as a commit named {@code ref}, with the given parents. */
    ObjectId commit(ObjectInserter inserter, ObjectId tree, List<ObjectId> parents, String message, String ref)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentIds(parents);
        commit.setAuthor(new PersonIdent(RATCHET, java.time.Instant.now()));
        commit.setCommitter(new PersonIdent(RATCHET, java.time.Instant.now()));
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.setRefLogMessage("ratchet snapshot", false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("could not store the snapshot ref " + ref + " (" + result + ")");
        }
        return id;
    }
}
