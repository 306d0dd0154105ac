package dev.ratchet.edit.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Turns a located hunk into the lines that replace its place in the file. Only what the hunk
 * changes is rewritten: its context lines keep the file's own text and line endings (which matters
 * when the match was loose), new lines are re-indented to the file's indentation and take the
 * file's dominant line ending, and lines the hunk elided stay as they are.
 */
final class Replacement {
    private Replacement() {
    }

    /** The lines that replace file lines [placement.start, placement.end). */
    static List<Line> build(LineBuffer file, Placement placement, List<String> before, List<String> after, String eol,
            Hunk.Source source) throws RefusedHunkException {
        List<Line> lines = buildAt(file, placement, before, after, eol, source);
        if (placement.tier() == MatchTier.BLANK_LINES) {
            // A doubled blank line: which of the hunk's blank lines is the extra one decides where new lines go.
            Placement other = BlankLineRepair.blanksMappedLast(placement, before);
            if (!Arrays.equals(other.fileLineOf(), placement.fileLineOf())
                    && !lines.equals(buildAt(file, other, before, after, eol, source))) {
                throw new RefusedHunkException("the lines to replace have more blank lines in a row than the file has"
                        + " near line " + placement.firstLine() + ", and where the new lines go depends on which one is"
                        + " extra; copy the unchanged lines exactly as they are in the file, blank lines included");
            }
        }
        return lines;
    }

    private static List<Line> buildAt(LineBuffer file, Placement placement, List<String> before, List<String> after,
            String eol, Hunk.Source source) throws RefusedHunkException {
        List<AbstractDelta<String>> deltas = DiffUtils.diff(before, after).getDeltas();
        boolean elided = placement.tier() == MatchTier.ELISION;
        for (AbstractDelta<String> delta : deltas) {
            int from = delta.getSource().getPosition();
            for (int i = from; i < from + delta.getSource().size(); i++) {
                if (elided && placement.fileLineOf()[i] < 0 && ElisionMarker.isMarker(before.get(i))) {
                    throw new RefusedHunkException("the lines to replace elide code with '" + before.get(i).strip()
                            + "' but the replacement does not keep that line, so what happens to the elided code"
                            + " is unclear; write the lines out in full");
                }
            }
            for (String line : delta.getTarget().getLines()) {
                if (ElisionMarker.isCommentedMarker(line) || (elided && ElisionMarker.isMarker(line))) {
                    throw new RefusedHunkException("the replacement contains '" + line.strip()
                            + "', which stands for code that was left out; write the full lines instead");
                }
            }
        }
        Reindentation reindentation = reindentationFor(file, placement, before, deltas, source);
        List<Line> out = new ArrayList<>();
        int position = placement.start();
        for (AbstractDelta<String> delta : deltas) {
            int from = delta.getSource().getPosition();
            int to = from + delta.getSource().size();
            int firstMapped = Integer.MAX_VALUE;
            int lastMapped = -1;
            for (int i = from; i < to; i++) {
                int fileLine = placement.fileLineOf()[i];
                if (fileLine >= 0) {
                    firstMapped = Math.min(firstMapped, fileLine);
                    lastMapped = Math.max(lastMapped, fileLine);
                }
            }
            int insertAt;
            int deleteTo;
            if (lastMapped >= 0) {
                insertAt = firstMapped;
                deleteTo = lastMapped + 1;
            } else {
                insertAt = from == 0 ? placement.start() : placement.positionAfter()[from - 1];
                insertAt = Math.max(insertAt, position);
                if (placement.tier() == MatchTier.BLANK_LINES) {
                    insertAt = BlankLineRepair.insertionPoint(file, placement, insertAt, delta.getTarget().getLines());
                }
                deleteTo = insertAt;
            }
            insertAt = Math.max(insertAt, position);
            for (int i = position; i < insertAt; i++) {
                out.add(file.line(i));
            }
            for (String line : delta.getTarget().getLines()) {
                String text = reindentation.apply(line).orElseThrow(() -> new RefusedHunkException(
                        "the new line '" + line.strip() + "' is indented less than the difference between the"
                                + " lines to replace and the file (near line " + placement.firstLine()
                                + "); copy the lines with the file's exact indentation"));
                out.add(Line.added(text, eol));
            }
            position = Math.max(position, deleteTo);
        }
        for (int i = position; i < placement.end(); i++) {
            out.add(file.line(i));
        }
        return out;
    }

    private static Reindentation reindentationFor(LineBuffer file, Placement placement, List<String> before,
            List<AbstractDelta<String>> deltas, Hunk.Source source) throws RefusedHunkException {
        boolean needed = deltas.stream().anyMatch(d -> d.getTarget().getLines().stream().anyMatch(l -> !l.isBlank()));
        if (!needed) {
            return new Reindentation.Identity();
        }
        Optional<Reindentation> reindentation = Reindentation.between(pairs(file, placement, before, i -> true));
        if (source == Hunk.Source.UDIFF && reindentation.map(Reindentation::addsOneSpace).orElse(true)) {
            // Context lines that lost their leading space: the file is one space deeper than the context,
            // while removed and added lines kept their prefix. Removed lines then tell the indentation.
            Set<Integer> removed = new HashSet<>();
            for (AbstractDelta<String> delta : deltas) {
                for (int i = 0; i < delta.getSource().size(); i++) {
                    removed.add(delta.getSource().getPosition() + i);
                }
            }
            boolean contextLostSpace = Reindentation.between(pairs(file, placement, before, i -> !removed.contains(i)))
                    .map(Reindentation::addsOneSpace).orElse(false);
            if (contextLostSpace) {
                List<String[]> removedPairs = pairs(file, placement, before, removed::contains);
                reindentation = removedPairs.isEmpty()
                        ? Optional.of(new Reindentation.Identity())
                        : Reindentation.between(removedPairs);
            }
        }
        if (reindentation.isEmpty()) {
            throw new RefusedHunkException("the lines to replace are indented differently from lines "
                    + placement.firstLine() + "-" + placement.end() + " of the file, and not by one uniform amount;"
                    + " copy them with the file's exact indentation");
        }
        return reindentation.get();
    }

    /** (before line, the file line it matched) for the non-blank before lines the filter keeps. */
    private static List<String[]> pairs(LineBuffer file, Placement placement, List<String> before, IntPredicate keep) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            int fileLine = placement.fileLineOf()[i];
            if (fileLine >= 0 && !before.get(i).isBlank() && keep.test(i)) {
                pairs.add(new String[] {before.get(i), file.text(fileLine)});
            }
        }
        return pairs;
    }
}
