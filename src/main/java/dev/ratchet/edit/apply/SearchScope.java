package dev.ratchet.edit.apply;

import java.util.List;
import java.util.OptionalInt;

/**
 * What constrains and guides the search for one hunk, in the current coordinates of the file.
 *
 * @param regionStart  first line an anchored hunk may start at (just after its last anchor), or -1
 * @param cursor       where the previous hunk of the same change ended (a hint for ordered formats)
 * @param ordered      hunks of this format come in file order (udiff, V4A), so the cursor may choose
 * @param lineHint     0-based line where the model said the hunk starts, adjusted for earlier hunks
 * @param endOfFile    the hunk must end at the end of the file (only blank lines may follow)
 * @param changed      regions earlier hunks of this change rewrote; ordered hunks may not touch them
 * @param original     the file as it was before this change's first hunk, to tell a hunk that
 *                     overlaps an earlier one from a hunk that matches nothing
 */
record SearchScope(int regionStart, int cursor, boolean ordered, OptionalInt lineHint, boolean endOfFile,
                   List<ChangedRegion> changed, LineBuffer original) {

    /** Lines [from, to) written by hunk {@code hunk} (1-based). */
    record ChangedRegion(int from, int to, int hunk) {
    }

    boolean anchored() {
        return regionStart >= 0;
    }
}
