package dev.ratchet.edit.format;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects what parsers read from one reply, then puts it back into reply order. */
final class Findings {
    private record Found(int line, int order, FileChange change) {
    }

    private final List<Found> changes = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();

    /** Records a change whose edit starts at a 0-based line index. */
    void change(int index, FileChange change) {
        changes.add(new Found(index, changes.size(), change));
    }

    /** Records a problem at a 0-based line index. */
    void problem(int index, String message) {
        problems.add(new ParseProblem(index + 1, message));
    }

    /**
     * Consecutive SEARCH/REPLACE blocks for one file become one Update. Diff hunks and V4A chunks are
     * not merged across separate file sections: the applier reads their order within one section.
     */
    private static boolean onlySearchReplace(FileChange.Update update) {
        return update.hunks().stream().allMatch(hunk -> hunk.source() == Hunk.Source.SEARCH_REPLACE);
    }

    ParsedReply toReply() {
        List<Found> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingInt(Found::line).thenComparingInt(Found::order));
        List<FileChange> merged = new ArrayList<>();
        for (Found found : ordered) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last) instanceof FileChange.Update previous
                    && found.change() instanceof FileChange.Update next
                    && previous.moveTo() == null && next.moveTo() == null
                    && previous.path().equals(next.path())
                    && onlySearchReplace(previous) && onlySearchReplace(next)) {
                List<Hunk> hunks = new ArrayList<>(previous.hunks());
                hunks.addAll(next.hunks());
                merged.set(last, new FileChange.Update(previous.path(), hunks));
            } else {
                merged.add(found.change());
            }
        }
        List<ParseProblem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparingInt(ParseProblem::line));
        return new ParsedReply(new EditPlan(merged), sortedProblems);
    }
}
