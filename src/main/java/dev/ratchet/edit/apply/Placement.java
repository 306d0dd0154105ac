package dev.ratchet.edit.apply;

/**
 * Where a hunk's {@code before} lines sit in the file: lines [start, end), found at {@code tier}.
 * {@code fileLineOf[i]} is the file index of before-line i (-1 when it has no counterpart: a blank
 * line the file does not have, an elision marker); {@code positionAfter[i]} is the file position
 * just after before-line i's counterpart, where text inserted after that line goes.
 */
record Placement(int start, int end, MatchTier tier, int[] fileLineOf, int[] positionAfter) {

    static Placement contiguous(int start, int length, MatchTier tier) {
        int[] fileLineOf = new int[length];
        int[] positionAfter = new int[length];
        for (int i = 0; i < length; i++) {
            fileLineOf[i] = start + i;
            positionAfter[i] = start + i + 1;
        }
        return new Placement(start, start + length, tier, fileLineOf, positionAfter);
    }

    boolean overlaps(int from, int to) {
        return start < to && from < end;
    }

    /** 1-based first line, as people count. */
    int firstLine() {
        return start + 1;
    }
}
