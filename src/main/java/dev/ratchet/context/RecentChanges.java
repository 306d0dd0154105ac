package dev.ratchet.context;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Files touched recently: uncommitted changes weigh most, then each of the last commits a little less. */
final class RecentChanges {
    private static final int COMMITS = 10;

    Map<String, Double> weights(Repository repository, List<RepoFile> files) throws IOException {
        Map<String, Double> weights = new HashMap<>();
        ObjectId head = repository.resolve("HEAD^{commit}");
        if (head != null) {
            try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
                walk.markStart(walk.parseCommit(head));
                int age = 0;
                for (RevCommit commit : walk) {
                    if (age >= COMMITS) {
                        break;
                    }
                    double weight = 0.5 / (1 + age);
                    if (commit.getParentCount() <= 1) {
                        for (String path : changedIn(commit, walk, reader)) {
                            weights.merge(path, weight, Math::max);
                        }
                    }
                    age++;
                }
            }
        }
        for (RepoFile file : files) {
            if (file.changed()) {
                weights.put(file.path(), 1.0);
            }
        }
        return weights;
    }

    private static List<String> changedIn(RevCommit commit, RevWalk walk, ObjectReader reader) throws IOException {
        try (TreeWalk tree = new TreeWalk(reader)) {
            if (commit.getParentCount() == 1) {
                RevCommit parent = walk.parseCommit(commit.getParent(0).getId());
                tree.addTree(new CanonicalTreeParser(null, reader, parent.getTree()));
            } else {
                tree.addTree(new EmptyTreeIterator());
            }
            tree.addTree(new CanonicalTreeParser(null, reader, commit.getTree()));
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            if (commit.getParentCount() == 0) {
                // A root commit "changes" every file; that says nothing about what is being worked on.
                return List.of();
            }
            return DiffEntry.scan(tree).stream()
                    .filter(entry -> entry.getChangeType() != DiffEntry.ChangeType.DELETE)
                    .map(DiffEntry::getNewPath)
                    .toList();
        }
    }
}
