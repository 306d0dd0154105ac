package dev.ratchet.edit.apply;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import dev.ratchet.workspace.FileWrite;
import dev.ratchet.workspace.RepoFiles;
import dev.ratchet.workspace.UnsafePathException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an {@link EditPlan} in memory: reads through {@link RepoFiles}, never writes, and returns
 * the writes to perform. Changes apply in plan order, several for one path on the same text. A
 * file with any refused change is left out of the writes entirely (with every path a move links to it).
 */
public final class Applier {
    private final UpdateApplier updates = new UpdateApplier();

    public Application apply(EditPlan plan, RepoFiles files) {
        return new Run(files).apply(plan);
    }

    /** The state of one application: what each touched path holds now, and which paths are refused. */
    private final class Run {
        private final RepoFiles files;
        private final Map<String, PathState> states = new LinkedHashMap<>();
        private final Map<String, String> groupOf = new HashMap<>();
        private final Set<String> refusedGroups = new HashSet<>();
        private final Map<String, Integer> hunksSeen = new HashMap<>();
        private final List<Refusal> refused = new ArrayList<>();
        private final List<AppliedChange> applied = new ArrayList<>();
        private final List<String> appliedPaths = new ArrayList<>();

        Run(RepoFiles files) {
            this.files = files;
        }

        Application apply(EditPlan plan) {
            for (FileChange change : GitPrefix.resolve(plan, files).changes()) {
                int firstHunk = hunksSeen.merge(change.path(), hunkCount(change), Integer::sum) - hunkCount(change) + 1;
                try {
                    if (change instanceof FileChange.Create create) {
                        create(create);
                    } else if (change instanceof FileChange.Update update) {
                        update(update, firstHunk);
                    } else {
                        delete((FileChange.Delete) change);
                    }
                } catch (RefusedHunkException e) {
                    refuse(new Refusal(change.path(), 0, e.getMessage(), e.closest()));
                }
            }
            return finish();
        }

        private static int hunkCount(FileChange change) {
            return change instanceof FileChange.Update update ? update.hunks().size() : 0;
        }

        private void create(FileChange.Create create) throws RefusedHunkException {
            PathState state = state(create.path());
            if (!state.present()) {
                state.replaceWith(TextFile.fresh(create.lines()), null);
                applied(create.path(), "create", 0);
                return;
            }
            if (!create.replaceExisting()) {
                if (state.decodes() && sameText(state.text(), create.lines())) {
                    applied(create.path(), "already-applied", 0);
                    return;
                }
                throw new RefusedHunkException("the file already exists with different content; edit it with"
                        + " hunks (or replace it as a whole file) instead of creating it");
            }
            TextFile current = state.text();
            if (sameText(current, create.lines())) {
                applied(create.path(), "already-applied", 0);
                return;
            }
            // a whole-file replacement keeps the file's BOM, endings and unchanged lines byte for byte
            List<String> old = current.lines().texts();
            Placement all = Placement.contiguous(0, old.size(), MatchTier.EXACT);
            List<Line> lines = Replacement.build(current.lines(), all, List.copyOf(old), create.lines(), current.dominantEol(),
                    Hunk.Source.WHOLE);
            current.lines().splice(0, old.size(), lines);
            applied(create.path(), "update", 1);
        }

        private void update(FileChange.Update update, int firstHunk) throws RefusedHunkException {
            String path = update.path();
            PathState state = state(path);
            if (!state.present()) {
                if (!update.hunks().isEmpty() && update.hunks().stream().allMatch(h -> h.before().isEmpty())) {
                    List<String> lines = new ArrayList<>();
                    for (Hunk hunk : update.hunks()) {
                        lines.addAll(hunk.after());
                    }
                    state.replaceWith(TextFile.fresh(lines), null);
                    applied(path, "create", update.hunks().size());
                    moveIfAsked(update, state, update.hunks().size());
                    return;
                }
                throw new RefusedHunkException("the file does not exist; to create it, send its whole content as a new file");
            }
            TextFile text = state.text();
            UpdateApplier.Result result = updates.apply(path, text, update.hunks(), firstHunk);
            result.refused().forEach(this::refuse);
            if (!result.refused().isEmpty()) {
                if (update.moveTo() != null) {
                    link(path, update.moveTo());
                }
                return;
            }
            if (update.moveTo() != null && !update.moveTo().equals(path)) {
                moveIfAsked(update, state, result.changed());
            } else if (result.changed() > 0) {
                applied(path, "update", result.changed());
            } else {
                applied(path, "already-applied", result.alreadyApplied());
            }
        }

        private void moveIfAsked(FileChange.Update update, PathState source, int hunks) throws RefusedHunkException {
            String target = update.moveTo();
            if (target == null || target.equals(update.path())) {
                return;
            }
            PathState destination = state(target);
            link(update.path(), target);
            if (destination.present()) {
                throw new RefusedHunkException("cannot move to " + target + ": a file already exists there");
            }
            destination.takeFrom(source);
            applied(target, "move", hunks);
        }

        private void delete(FileChange.Delete delete) throws RefusedHunkException {
            PathState state = state(delete.path());
            if (!state.present()) {
                applied(delete.path(), "already-applied", 0);
                return;
            }
            state.remove();
            applied(delete.path(), "delete", 0);
        }

        private PathState state(String path) throws RefusedHunkException {
            PathState state = states.get(path);
            if (state != null) {
                return state;
            }
            try {
                state = new PathState(path, files.read(path).orElse(null));
            } catch (UnsafePathException e) {
                throw new RefusedHunkException("refused path: " + e.getMessage());
            } catch (IOException e) {
                throw new RefusedHunkException("cannot be read: " + e.getMessage());
            }
            states.put(path, state);
            return state;
        }

        private boolean sameText(TextFile current, List<String> lines) {
            return current.lines().texts().equals(lines);
        }

        private void applied(String path, String action, int hunks) {
            applied.add(new AppliedChange(path, action, hunks));
            appliedPaths.add(path);
        }

        private void refuse(Refusal refusal) {
            refused.add(refusal);
            refusedGroups.add(group(refusal.path()));
        }

        private String group(String path) {
            String parent = groupOf.getOrDefault(path, path);
            if (parent.equals(path)) {
                return path;
            }
            String root = group(parent);
            groupOf.put(path, root);
            return root;
        }

        private void link(String a, String b) {
            String rootA = group(a);
            String rootB = group(b);
            if (!rootA.equals(rootB)) {
                groupOf.put(rootB, rootA);
                if (refusedGroups.remove(rootB)) {
                    refusedGroups.add(rootA);
                }
            }
        }

        private boolean clean(String path) {
            return !refusedGroups.contains(group(path));
        }

        private Application finish() {
            List<AppliedChange> keptChanges = new ArrayList<>();
            for (int i = 0; i < applied.size(); i++) {
                if (clean(appliedPaths.get(i))) {
                    keptChanges.add(applied.get(i));
                }
            }
            List<FileWrite> writes = new ArrayList<>();
            List<FileDiff> diffs = new ArrayList<>();
            Set<String> movedAway = new HashSet<>();
            for (PathState state : states.values()) {
                if (state.present() && state.origin() != null && !state.origin().equals(state.path())
                        && !states.get(state.origin()).present()) {
                    movedAway.add(state.origin());
                }
            }
            for (PathState state : states.values()) {
                if (!clean(state.path())) {
                    continue;
                }
                if (!state.present()) {
                    if (state.original() != null) {
                        writes.add(new FileWrite.Remove(state.path()));
                        if (!movedAway.contains(state.path())) {
                            diffs.add(deletionDiff(state));
                        }
                    }
                    continue;
                }
                byte[] bytes = state.bytes();
                boolean moved = state.origin() != null && !state.origin().equals(state.path());
                if (!moved && state.original() != null && Arrays.equals(bytes, state.original())) {
                    continue;
                }
                String keepModeOf = state.origin() != null ? state.origin() : (state.original() != null ? state.path() : null);
                writes.add(new FileWrite.Put(state.path(), bytes, keepModeOf));
                String oldPath = moved && movedAway.contains(state.origin()) ? state.origin()
                        : state.original() != null ? state.path() : null;
                List<String> oldLines = oldPath == null ? List.of() : states.get(oldPath).originalTexts();
                diffs.add(new FileDiff(oldPath, state.path(), oldLines, state.currentTexts(), false));
            }
            return new Application(keptChanges, refused, writes, diffs);
        }

        private static FileDiff deletionDiff(PathState state) {
            try {
                List<String> lines = TextFile.decode(state.original()).lines().texts();
                return new FileDiff(state.path(), null, lines, List.of(), false);
            } catch (UnreadableTextException e) {
                return new FileDiff(state.path(), null, List.of(), List.of(), true);
            }
        }
    }

    /** One path during an application: its original bytes, what it holds now, where that content came from. */
    private static final class PathState {
        private final String path;
        private final byte[] original;
        private boolean present;
        private TextFile text;
        private String origin;

        PathState(String path, byte[] original) {
            this.path = path;
            this.original = original;
            this.present = original != null;
            this.origin = original != null ? path : null;
        }

        String path() {
            return path;
        }

        byte[] original() {
            return original;
        }

        boolean present() {
            return present;
        }

        String origin() {
            return origin;
        }

        /** The current text, decoding the original on first use; refuses binary or non-UTF-8 content. */
        TextFile text() throws RefusedHunkException {
            if (text == null) {
                try {
                    text = TextFile.decode(original);
                } catch (UnreadableTextException e) {
                    throw new RefusedHunkException(e.getMessage());
                }
            }
            return text;
        }

        boolean decodes() {
            try {
                text();
                return true;
            } catch (RefusedHunkException e) {
                return false;
            }
        }

        List<String> currentTexts() {
            return text == null ? originalTexts() : text.lines().texts();
        }

        List<String> originalTexts() {
            try {
                return TextFile.decode(original).lines().texts();
            } catch (UnreadableTextException e) {
                return List.of();
            }
        }

        byte[] bytes() {
            return text == null ? original : text.encode();
        }

        void replaceWith(TextFile content, String newOrigin) {
            present = true;
            text = content;
            origin = newOrigin;
        }

        void takeFrom(PathState source) {
            present = true;
            text = source.text;
            origin = source.origin;
            source.remove();
        }

        void remove() {
            present = false;
            text = null;
        }
    }
}
