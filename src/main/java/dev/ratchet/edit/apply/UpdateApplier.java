package dev.ratchet.edit.apply;

import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Applies the hunks of one change to a file's text, in order, on the same in-memory lines.
 * udiff and V4A hunks are positional: each is searched after the previous (falling back to the
 * whole file when unique) and may not touch what an earlier hunk rewrote. SEARCH/REPLACE blocks
 * apply one after another, each seeing the text the previous left, as the format intends.
 */
final class UpdateApplier {
    private final HunkMatcher matcher = new HunkMatcher();

    /** How one change went: hunks that changed text, hunks found already applied, refusals. */
    record Result(int changed, int alreadyApplied, List<Refusal> refused) {
    }

    private record Edit(int start, int end, int newLength) {
    }

    Result apply(String path, TextFile text, List<Hunk> hunks, int firstHunkNumber) {
        LineBuffer file = text.lines();
        LineBuffer original = new LineBuffer(file.snapshot());
        List<SearchScope.ChangedRegion> changed = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        int changedHunks = 0;
        int already = 0;
        int cursor = 0;
        for (int h = 0; h < hunks.size(); h++) {
            Hunk hunk = hunks.get(h);
            int number = firstHunkNumber + h;
            try {
                boolean ordered = hunk.source() == Hunk.Source.UDIFF || hunk.source() == Hunk.Source.APPLY_PATCH;
                int regionStart = hunk.anchors().isEmpty() ? -1 : AnchorLocator.locate(file, hunk.anchors(), cursor, original) + 1;
                Edit edit;
                if (hunk.before().isEmpty()) {
                    edit = insert(file, hunk, regionStart, text.dominantEol());
                } else {
                    SearchScope scope = new SearchScope(regionStart, cursor, ordered, adjustedHint(hunk, edits),
                            hunk.endOfFile(), changed, original);
                    HunkMatcher.Outcome outcome = matcher.locate(file, hunk, scope);
                    edit = outcome instanceof HunkMatcher.Outcome.Found found
                            ? replace(file, found.placement(), hunk, text.dominantEol())
                            : null;
                }
                if (edit == null) {
                    already++;
                    continue;
                }
                changedHunks++;
                int delta = edit.newLength() - (edit.end() - edit.start());
                List<SearchScope.ChangedRegion> shifted = new ArrayList<>();
                for (SearchScope.ChangedRegion region : changed) {
                    shifted.add(region.from() >= edit.end()
                            ? new SearchScope.ChangedRegion(region.from() + delta, region.to() + delta, region.hunk())
                            : region);
                }
                shifted.add(new SearchScope.ChangedRegion(edit.start(), edit.start() + edit.newLength(), number));
                changed = shifted;
                edits.add(edit);
                cursor = edit.start() + edit.newLength();
            } catch (RefusedHunkException e) {
                refused.add(new Refusal(path, number, e.getMessage(), e.closest()));
            }
        }
        return new Result(changedHunks, already, refused);
    }

    private static Edit replace(LineBuffer file, Placement placement, Hunk hunk, String eol) throws RefusedHunkException {
        List<Line> lines = Replacement.build(file, placement, hunk.before(), hunk.after(), eol, hunk.source());
        if (sameLines(file, placement, lines)) {
            return null;
        }
        file.splice(placement.start(), placement.end(), lines);
        return new Edit(placement.start(), placement.end(), lines.size());
    }

    private static boolean sameLines(LineBuffer file, Placement placement, List<Line> lines) {
        if (lines.size() != placement.end() - placement.start()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(file.line(placement.start() + i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hunk with no {@code before} lines: placed only where the format says without guessing
     * (SEARCH/REPLACE appends, V4A goes right after its anchor or at the end of file, an empty file
     * has one place); anything else would be placed by a line number alone, which is refused.
     */
    private static Edit insert(LineBuffer file, Hunk hunk, int regionStart, String eol) throws RefusedHunkException {
        int at;
        if (regionStart >= 0) {
            at = regionStart;
        } else if (hunk.endOfFile() || hunk.source() == Hunk.Source.SEARCH_REPLACE || file.size() == 0) {
            at = file.size();
        } else {
            throw new RefusedHunkException("the hunk only adds lines and has no unchanged lines around them, so"
                    + " where they go would be a guess from a line number; include a few unchanged lines"
                    + " before and after the addition");
        }
        for (String line : hunk.after()) {
            if (ElisionMarker.isCommentedMarker(line)) {
                throw new RefusedHunkException("the new lines contain '" + line.strip()
                        + "', which stands for code that was left out; write the full lines instead");
            }
        }
        if (hunk.after().isEmpty() || alreadyThere(file, hunk.after(), regionStart >= 0 ? at : file.size() - hunk.after().size())) {
            return null;
        }
        List<Line> lines = new ArrayList<>();
        for (String text : hunk.after()) {
            lines.add(Line.added(text, eol));
        }
        file.splice(at, at, lines);
        return new Edit(at, at, lines.size());
    }

    private static boolean alreadyThere(LineBuffer file, List<String> lines, int at) {
        if (at < 0 || at + lines.size() > file.size()) {
            return false;
        }
        List<String> view = file.view(Normalisation.TRAILING_WHITESPACE);
        for (int i = 0; i < lines.size(); i++) {
            if (!view.get(at + i).equals(Normalisation.TRAILING_WHITESPACE.apply(lines.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** The model's 1-based line number, moved by what earlier hunks of this change added or removed above it. */
    private static OptionalInt adjustedHint(Hunk hunk, List<Edit> edits) {
        if (hunk.lineHint().isEmpty()) {
            return OptionalInt.empty();
        }
        int line = Math.max(0, hunk.lineHint().getAsInt() - 1);
        for (Edit edit : edits) {
            if (edit.start() < line) {
                line += edit.newLength() - (edit.end() - edit.start());
            }
        }
        return OptionalInt.of(Math.max(0, line));
    }
}
