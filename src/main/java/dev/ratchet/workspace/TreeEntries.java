package dev.ratchet.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reading and comparing trees by path: what a run changed, and what a path holds in a tree. */
final class TreeEntries {

    /** One file in a tree. */
    record Entry(FileMode mode, ObjectId id) {
    }

    private TreeEntries() {
    }

    static Optional<Entry> at(ObjectReader reader, ObjectId tree, String path) throws IOException {
        if (tree == null) {
            return Optional.empty();
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null || walk.isSubtree()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(walk.getFileMode(0), walk.getObjectId(0)));
        }
    }

    /** Files that differ between two trees (null = the empty tree), in path order. */
    static List<RunRecord.ChangedFile> changes(Repository repo, ObjectId before, ObjectId after) throws IOException {
        List<RunRecord.ChangedFile> changed = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(iterator(reader, before));
            walk.addTree(iterator(reader, after));
            walk.setRecursive(true);
            while (walk.next()) {
                boolean inBefore = walk.getFileMode(0) != FileMode.MISSING;
                boolean inAfter = walk.getFileMode(1) != FileMode.MISSING;
                if (inBefore && inAfter && walk.idEqual(0, 1) && walk.getFileMode(0).equals(walk.getFileMode(1))) {
                    continue;
                }
                RunRecord.Change change = !inBefore ? RunRecord.Change.ADDED
                        : !inAfter ? RunRecord.Change.DELETED
                        : RunRecord.Change.MODIFIED;
                changed.add(new RunRecord.ChangedFile(walk.getPathString(), change));
            }
        }
        return changed;
    }

    static AbstractTreeIterator iterator(ObjectReader reader, ObjectId tree) throws IOException {
        if (tree == null) {
            return new EmptyTreeIterator();
        }
        CanonicalTreeParser parser = new CanonicalTreeParser();
        parser.reset(reader, tree);
        return parser;
    }
}
