package dev.ratchet.edit.apply;

import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the one place in a file where a hunk's {@code before} lines are, trying the tiers of
 * {@link MatchTier} in order and stopping at the first tier that finds any place: one place (or
 * one singled out by the hints) is used, several are a refusal, none moves on to the next tier.
 */
final class HunkMatcher {
    private static final Normalisation[] LEVELS = Normalisation.values();

    /** The result of locating a hunk that was not refused. */
    sealed interface Outcome {
        /** The hunk's {@code before} lines are here. */
        record Found(Placement placement) implements Outcome {
        }

        /** The hunk's {@code after} lines are already in the file and its {@code before} lines are not. */
        record AlreadyApplied() implements Outcome {
        }
    }

    private record Attempt(MatchTier tier, Normalisation normalisation) {
    }

    private static final List<Attempt> ATTEMPTS = attempts();

    private static List<Attempt> attempts() {
        List<Attempt> attempts = new ArrayList<>();
        for (Normalisation level : LEVELS) {
            attempts.add(new Attempt(level.tier(), level));
        }
        for (Normalisation level : LEVELS) {
            attempts.add(new Attempt(MatchTier.BLANK_LINES, level));
        }
        for (Normalisation level : LEVELS) {
            attempts.add(new Attempt(MatchTier.ELISION, level));
        }
        return List.copyOf(attempts);
    }

    Outcome locate(LineBuffer file, Hunk hunk, SearchScope scope) throws RefusedHunkException {
        List<String> before = hunk.before();
        boolean elides = before.stream().anyMatch(ElisionMarker::isMarker);
        for (Attempt attempt : ATTEMPTS) {
            if (attempt.tier() == MatchTier.ELISION && !elides) {
                break;
            }
            List<Placement> places = onlyPlaceAfterCursor(file, before, attempt, scope);
            if (places.isEmpty()) {
                places = constrain(file, find(file, before, attempt), scope);
            }
            if (places.isEmpty()) {
                continue;
            }
            Placement chosen = choose(file, places, hunk, scope, attempt.tier());
            if (isAlreadyApplied(file, hunk, scope, chosen, attempt.normalisation())) {
                return new Outcome.AlreadyApplied();
            }
            return new Outcome.Found(chosen);
        }
        if (afterFoundOnce(file, hunk, scope)) {
            return new Outcome.AlreadyApplied();
        }
        if (scope.ordered() && !scope.changed().isEmpty() && inOriginal(scope.original(), before)) {
            String hunks = scope.changed().stream().map(r -> String.valueOf(r.hunk())).sorted().distinct()
                    .collect(Collectors.joining(", "));
            throw new RefusedHunkException("overlaps an earlier hunk of the same file (hunk " + hunks
                    + " already changed some of these lines); hunks must not overlap: merge them into one hunk");
        }
        // Shown from the file as it is on disk: a refused change writes nothing, so earlier hunks' lines are not there.
        throw new RefusedHunkException(notFoundReason(scope), ClosestLines.find(scope.original().texts(), before));
    }

    private static boolean inOriginal(LineBuffer original, List<String> before) {
        for (Normalisation level : LEVELS) {
            if (!contiguous(original, before, level, 0, level.tier()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String notFoundReason(SearchScope scope) {
        String where;
        if (scope.endOfFile()) {
            where = "at the end of the file (the hunk is marked *** End of File)";
        } else if (scope.anchored()) {
            where = "after its @@ anchor (line " + scope.regionStart() + ")";
        } else {
            where = "in the file";
        }
        return "the lines to replace are not " + where
                + ", not even ignoring whitespace, typographic quotes and dashes, or blank lines;"
                + " copy them exactly from the current file (see the closest lines below)";
    }

    /**
     * For an ordered, unanchored hunk: the one clear place after the cursor when there is exactly
     * one, which is what {@link #choose} would pick from all places of the file; empty otherwise.
     * Hunks come in file order, so this spares scanning the whole file for every hunk.
     */
    private static List<Placement> onlyPlaceAfterCursor(LineBuffer file, List<String> before, Attempt attempt,
            SearchScope scope) {
        boolean contiguousTier = attempt.tier() == attempt.normalisation().tier();
        if (!scope.ordered() || scope.anchored() || !contiguousTier || scope.cursor() <= 0) {
            return List.of();
        }
        List<Placement> after = constrain(file,
                contiguous(file, before, attempt.normalisation(), scope.cursor(), attempt.tier()), scope);
        if (after.size() != 1 || clash(scope, after.get(0)) != null) {
            return List.of();
        }
        return after;
    }

    private List<Placement> find(LineBuffer file, List<String> before, Attempt attempt) {
        return switch (attempt.tier()) {
            case EXACT, TRAILING_WHITESPACE, SURROUNDING_WHITESPACE, LOOKALIKES ->
                    contiguous(file, before, attempt.normalisation(), 0, attempt.tier());
            case BLANK_LINES -> ignoringBlankLines(file, before, attempt.normalisation());
            case ELISION -> elided(file, before, attempt.normalisation());
        };
    }

    /** Every start where the lines match one for one at this normalisation, from {@code from} on. */
    static List<Placement> contiguous(LineBuffer file, List<String> lines, Normalisation normalisation, int from, MatchTier tier) {
        return contiguous(file, lines, normalisation, from, Integer.MAX_VALUE, tier);
    }

    /** Every start in [{@code from}, {@code to}] where the lines match one for one at this normalisation. */
    static List<Placement> contiguous(LineBuffer file, List<String> lines, Normalisation normalisation, int from, int to,
            MatchTier tier) {
        List<String> view = file.view(normalisation);
        int[] hashes = file.hashes(normalisation);
        List<String> wanted = lines.stream().map(normalisation::apply).toList();
        List<Placement> places = new ArrayList<>();
        int length = wanted.size();
        if (length == 0) {
            return places;
        }
        String first = wanted.get(0);
        int firstHash = first.hashCode();
        int last = Math.min(view.size() - length, to);
        for (int start = Math.max(0, from); start <= last; start++) {
            if (hashes[start] != firstHash || !view.get(start).equals(first)) {
                continue;
            }
            int i = 1;
            while (i < length && view.get(start + i).equals(wanted.get(i))) {
                i++;
            }
            if (i == length) {
                places.add(Placement.contiguous(start, length, tier));
            }
        }
        return places;
    }

    /** Repair: the non-blank lines match in order, with any number of blank lines between them on either side. */
    private static List<Placement> ignoringBlankLines(LineBuffer file, List<String> before, Normalisation normalisation) {
        List<Integer> solid = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).isBlank()) {
                solid.add(i);
            }
        }
        List<Placement> places = new ArrayList<>();
        if (solid.isEmpty()) {
            return places;
        }
        List<String> view = file.view(normalisation);
        List<String> wanted = solid.stream().map(i -> normalisation.apply(before.get(i))).toList();
        for (int start = 0; start < view.size(); start++) {
            if (!view.get(start).equals(wanted.get(0))) {
                continue;
            }
            int[] matched = new int[wanted.size()];
            matched[0] = start;
            int line = start;
            int k = 1;
            while (k < wanted.size()) {
                line++;
                while (line < view.size() && file.text(line).isBlank()) {
                    line++;
                }
                if (line >= view.size() || !view.get(line).equals(wanted.get(k))) {
                    break;
                }
                matched[k++] = line;
            }
            if (k < wanted.size()) {
                continue;
            }
            int[] fileLineOf = new int[before.size()];
            int[] positionAfter = new int[before.size()];
            int next = 0;
            int after = start;
            int gapBlank = -1;
            for (int i = 0; i < before.size(); i++) {
                if (next < solid.size() && solid.get(next) == i) {
                    fileLineOf[i] = matched[next++];
                    after = fileLineOf[i] + 1;
                    gapBlank = after;
                } else if (gapBlank >= 0 && next < solid.size() && gapBlank < matched[next]) {
                    // a blank line between two matched lines stands for the file's blank line there, while it has one
                    fileLineOf[i] = gapBlank++;
                    after = fileLineOf[i] + 1;
                } else {
                    fileLineOf[i] = -1;
                }
                positionAfter[i] = after;
            }
            places.add(new Placement(start, matched[matched.length - 1] + 1, MatchTier.BLANK_LINES, fileLineOf, positionAfter));
        }
        return places;
    }

    /**
     * Repair: {@code before} leaves out code with {@code ...} lines. Each piece between the markers
     * must match, in order, and every piece after the first must occur exactly once after the one
     * before it; the elided lines in between stay as they are.
     */
    private static List<Placement> elided(LineBuffer file, List<String> before, Normalisation normalisation) {
        List<int[]> pieces = new ArrayList<>();
        int pieceStart = 0;
        for (int i = 0; i <= before.size(); i++) {
            if (i == before.size() || ElisionMarker.isMarker(before.get(i))) {
                if (i > pieceStart) {
                    pieces.add(new int[] {pieceStart, i});
                }
                pieceStart = i + 1;
            }
        }
        List<Placement> places = new ArrayList<>();
        if (pieces.isEmpty()) {
            return places;
        }
        int[] head = pieces.get(0);
        for (Placement first : contiguous(file, before.subList(head[0], head[1]), normalisation, 0, MatchTier.ELISION)) {
            int[] pieceAt = new int[pieces.size()];
            pieceAt[0] = first.start();
            int end = first.end();
            boolean complete = true;
            for (int p = 1; p < pieces.size() && complete; p++) {
                int[] piece = pieces.get(p);
                List<Placement> later = contiguous(file, before.subList(piece[0], piece[1]), normalisation, end, MatchTier.ELISION);
                if (later.size() != 1) {
                    complete = false;
                } else {
                    pieceAt[p] = later.get(0).start();
                    end = later.get(0).end();
                }
            }
            if (complete) {
                places.add(elidedPlacement(before.size(), pieces, pieceAt, end));
            }
        }
        return places;
    }

    private static Placement elidedPlacement(int size, List<int[]> pieces, int[] pieceAt, int end) {
        int[] fileLineOf = new int[size];
        int[] positionAfter = new int[size];
        java.util.Arrays.fill(fileLineOf, -1);
        for (int p = 0; p < pieces.size(); p++) {
            int[] piece = pieces.get(p);
            for (int i = piece[0]; i < piece[1]; i++) {
                fileLineOf[i] = pieceAt[p] + (i - piece[0]);
                positionAfter[i] = fileLineOf[i] + 1;
            }
        }
        // a marker stands for everything up to the next piece: text added after it goes there
        int nextPieceStart = end;
        int p = pieces.size() - 1;
        for (int i = size - 1; i >= 0; i--) {
            if (fileLineOf[i] >= 0) {
                continue;
            }
            while (p >= 0 && pieces.get(p)[0] > i) {
                nextPieceStart = pieceAt[p];
                p--;
            }
            positionAfter[i] = nextPieceStart;
        }
        int start = pieceAt[0];
        return new Placement(start, end, MatchTier.ELISION, fileLineOf, positionAfter);
    }

    /** Drops places the hard constraints rule out: outside the anchored region, not at the end of file. */
    private static List<Placement> constrain(LineBuffer file, List<Placement> places, SearchScope scope) {
        List<Placement> kept = new ArrayList<>();
        for (Placement place : places) {
            // the chunk may repeat its anchor as its first context line, so the anchor line itself is allowed
            if (scope.anchored() && place.start() < scope.regionStart() - 1) {
                continue;
            }
            if (scope.endOfFile() && !onlyBlankFrom(file, place.end())) {
                continue;
            }
            kept.add(place);
        }
        return kept;
    }

    private static boolean onlyBlankFrom(LineBuffer file, int from) {
        for (int i = from; i < file.size(); i++) {
            if (!file.text(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private Placement choose(LineBuffer file, List<Placement> places, Hunk hunk, SearchScope scope, MatchTier tier)
            throws RefusedHunkException {
        List<Placement> candidates = places;
        if (scope.ordered()) {
            List<Placement> clear = new ArrayList<>();
            SearchScope.ChangedRegion clash = null;
            for (Placement place : places) {
                SearchScope.ChangedRegion hit = clash(scope, place);
                if (hit == null) {
                    clear.add(place);
                } else if (clash == null) {
                    clash = hit;
                }
            }
            if (clear.isEmpty()) {
                throw new RefusedHunkException("overlaps hunk " + clash.hunk() + " of the same file (lines "
                        + (clash.from() + 1) + "-" + clash.to() + " after that hunk); hunks must not overlap:"
                        + " merge them into one hunk");
            }
            candidates = clear;
        }
        if (scope.anchored()) {
            // V4A: the chunk is the first match after its anchor; that is what the anchor is for
            return candidates.stream().min(Comparator.comparingInt(Placement::start)).orElseThrow();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<Placement> narrowed = candidates;
        if (scope.ordered()) {
            List<Placement> afterCursor = candidates.stream().filter(p -> p.start() >= scope.cursor()).toList();
            if (afterCursor.size() == 1) {
                return afterCursor.get(0);
            }
            if (!afterCursor.isEmpty()) {
                narrowed = afterCursor;
            }
        }
        if (scope.lineHint().isPresent()) {
            Optional<Placement> nearest = clearlyNearest(narrowed, scope.lineHint().getAsInt());
            if (nearest.isPresent()) {
                return nearest.get();
            }
        }
        String lines = narrowed.stream().limit(12).map(p -> String.valueOf(p.firstLine())).collect(Collectors.joining(", "));
        String more = hunk.source() == Hunk.Source.APPLY_PATCH
                ? " or an @@ line with the enclosing class or function"
                : "";
        List<ClosestLine> shown = narrowed.stream().limit(12)
                .map(p -> new ClosestLine(p.firstLine(), file.text(p.start()), 1.0)).toList();
        throw new RefusedHunkException("the lines to replace match " + narrowed.size() + " places (lines " + lines
                + (tier == MatchTier.EXACT ? "" : ", matching " + tier.label())
                + ") and nothing singles one out; include more unchanged lines around the change" + more
                + " so that only one place fits", shown);
    }

    /** The first region an earlier hunk of this change rewrote that the place touches, or null. */
    private static SearchScope.ChangedRegion clash(SearchScope scope, Placement place) {
        return scope.changed().stream()
                .filter(region -> place.overlaps(region.from(), region.to()) || inside(region, place))
                .findFirst().orElse(null);
    }

    private static boolean inside(SearchScope.ChangedRegion region, Placement place) {
        // a pure insertion is an empty region: a place strictly around it contains the new lines
        return region.from() == region.to() && place.start() < region.from() && region.from() < place.end();
    }

    /** The place nearest the hint, when it is less than half as far as the next nearest. */
    private static Optional<Placement> clearlyNearest(List<Placement> places, int hint) {
        List<Placement> sorted = places.stream()
                .sorted(Comparator.comparingInt(p -> Math.abs(p.start() - hint))).toList();
        int nearest = Math.abs(sorted.get(0).start() - hint);
        int second = Math.abs(sorted.get(1).start() - hint);
        return nearest * 2 < second ? Optional.of(sorted.get(0)) : Optional.empty();
    }

    /** Re-applying: {@code after} contains {@code before} and is already there, around the place found. */
    private static boolean isAlreadyApplied(LineBuffer file, Hunk hunk, SearchScope scope, Placement found, Normalisation level) {
        if (hunk.after().size() <= hunk.before().size()) {
            return false;
        }
        Normalisation loose = found.tier() == MatchTier.BLANK_LINES || found.tier() == MatchTier.ELISION
                ? Normalisation.LOOKALIKES : level;
        // The one place of after must hold the place found: look there first, and scan the file only when it is.
        int from = found.end() - hunk.after().size();
        if (contiguous(file, hunk.after(), loose, from, found.start(), loose.tier()).isEmpty()) {
            return false;
        }
        List<Placement> places = constrain(file, contiguous(file, hunk.after(), loose, 0, loose.tier()), scope);
        return places.size() == 1 && places.get(0).start() <= found.start() && found.end() <= places.get(0).end();
    }

    /** {@code before} is nowhere: if {@code after} is in exactly one place, an earlier run applied this hunk. */
    private static boolean afterFoundOnce(LineBuffer file, Hunk hunk, SearchScope scope) {
        if (hunk.after().isEmpty() || hunk.after().stream().allMatch(String::isBlank)) {
            return false;
        }
        boolean elides = hunk.after().stream().anyMatch(ElisionMarker::isMarker);
        for (Normalisation level : LEVELS) {
            List<Placement> found = contiguous(file, hunk.after(), level, 0, level.tier());
            if (found.isEmpty()) {
                found = ignoringBlankLines(file, hunk.after(), level);
            }
            if (found.isEmpty() && elides) {
                found = elided(file, hunk.after(), level);
            }
            List<Placement> places = constrain(file, found, scope);
            if (!places.isEmpty()) {
                return places.size() == 1;
            }
        }
        return false;
    }
}
