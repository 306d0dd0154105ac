package dev.ratchet.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.StopWalkException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Lists the working tree's files as git sees them: tracked files plus untracked files that no
 * ignore rule covers ({@code .gitignore} at any depth, {@code .git/info/exclude}, the global
 * excludes file). Ignored directories are not descended into. Read-only.
 */
public final class RepositoryScanner {
    private final ExclusionRules rules;

    public RepositoryScanner(ExclusionRules rules) {
        this.rules = rules;
    }

    /** The files that may go into the context, and the files left out by path rules. */
    public record Scan(List<RepoFile> files, List<Exclusion> excluded) {
    }

    public Scan scan(Repository repository) throws IOException {
        List<RepoFile> files = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.setRecursive(true);
            int index = walk.addTree(new DirCacheIterator(repository.readDirCache()));
            FileTreeIterator workingTree = new FileTreeIterator(repository);
            int work = walk.addTree(workingTree);
            workingTree.setDirCacheIterator(walk, index);
            walk.setFilter(new TrackedOrNotIgnored(index, work));
            while (walk.next()) {
                WorkingTreeIterator onDisk = walk.getTree(work, WorkingTreeIterator.class);
                if (onDisk == null || onDisk.getEntryFileMode() != FileMode.REGULAR_FILE
                        && onDisk.getEntryFileMode() != FileMode.EXECUTABLE_FILE) {
                    continue; // deleted from disk, a symlink, or a submodule
                }
                String path = walk.getPathString();
                long size = onDisk.getEntryLength();
                var reason = rules.reasonToExclude(path, size);
                if (reason.isPresent()) {
                    excluded.add(new Exclusion(path, reason.get()));
                    continue;
                }
                DirCacheIterator inIndex = walk.getTree(index, DirCacheIterator.class);
                // With the index iterator attached, an unchanged file's id comes from the index without reading it.
                ObjectId id = onDisk.getEntryObjectId();
                boolean changed = inIndex == null || !inIndex.getEntryObjectId().equals(id);
                files.add(new RepoFile(path, id.name(), size, changed));
            }
        }
        return new Scan(List.copyOf(files), List.copyOf(excluded));
    }

    /** Keeps what git tracks, and what is on disk and not ignored; skips ignored directories whole. */
    private static final class TrackedOrNotIgnored extends TreeFilter {
        private final int index;
        private final int work;

        TrackedOrNotIgnored(int index, int work) {
            this.index = index;
            this.work = work;
        }

        @Override
        public boolean include(TreeWalk walk) throws StopWalkException, IOException {
            if (walk.getTree(index, DirCacheIterator.class) != null) {
                return true;
            }
            WorkingTreeIterator onDisk = walk.getTree(work, WorkingTreeIterator.class);
            return onDisk != null && !onDisk.isEntryIgnored();
        }

        @Override
        public boolean shouldBeRecursive() {
            return true;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }

    static Path workTree(Repository repository) {
        return repository.getWorkTree().toPath();
    }
}
