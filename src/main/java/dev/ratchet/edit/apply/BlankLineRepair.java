package dev.ratchet.edit.apply;

import java.util.List;

/**
 * The blank-lines repair's two decisions, where a hunk left out or doubled a blank line of the
 * file: where new lines go among the file's blank lines, and whether it matters which of the
 * hunk's blank lines is the extra one. When the answer is not certain the hunk is refused.
 */
final class BlankLineRepair {
    private BlankLineRepair() {
    }

    /**
     * The same match with each run of blank lines between two matched lines mapped onto the file's
     * blank lines from its end instead of its start.
     */
    static Placement blanksMappedLast(Placement placement, List<String> before) {
        int[] fileLineOf = placement.fileLineOf().clone();
        int i = 0;
        while (i < before.size()) {
            if (!before.get(i).isBlank() || i == 0 || fileLineOf[i - 1] < 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < before.size() && before.get(end).isBlank()) {
                end++;
            }
            if (end < before.size()) {
                int mapped = 0;
                int firstFileLine = -1;
                for (int k = i; k < end; k++) {
                    if (fileLineOf[k] >= 0) {
                        firstFileLine = mapped++ == 0 ? fileLineOf[k] : firstFileLine;
                    }
                    fileLineOf[k] = -1;
                }
                for (int k = 0; k < mapped; k++) {
                    fileLineOf[end - mapped + k] = firstFileLine + k;
                }
            }
            i = end;
        }
        int[] positionAfter = new int[before.size()];
        int position = placement.start();
        for (int k = 0; k < before.size(); k++) {
            position = fileLineOf[k] >= 0 ? fileLineOf[k] + 1 : position;
            positionAfter[k] = position;
        }
        return new Placement(placement.start(), placement.end(), placement.tier(), fileLineOf, positionAfter);
    }

    /**
     * New lines that go where the file has blank lines the hunk did not mention (the model left out
     * or doubled a blank line) go where they leave the fewest blank lines in a row, so a blank line
     * that separated two blocks still separates them, on the side the new lines do not bring their own.
     */
    static int insertionPoint(LineBuffer file, Placement placement, int insertAt, List<String> inserted)
            throws RefusedHunkException {
        int run = 0;
        while (insertAt + run < placement.end() && file.text(insertAt + run).isBlank() && !mapped(placement, insertAt + run)) {
            run++;
        }
        if (run == 0) {
            return insertAt;
        }
        int leading = 0;
        while (leading < inserted.size() && inserted.get(leading).isBlank()) {
            leading++;
        }
        int trailing = 0;
        while (trailing < inserted.size() - leading && inserted.get(inserted.size() - 1 - trailing).isBlank()) {
            trailing++;
        }
        int best = insertAt;
        int bestScore = Integer.MAX_VALUE;
        boolean tied = false;
        for (int at = insertAt; at <= insertAt + run; at++) {
            int above = 0;
            while (at - above - 1 >= 0 && file.text(at - above - 1).isBlank()) {
                above++;
            }
            int below = 0;
            while (at + below < file.size() && file.text(at + below).isBlank()) {
                below++;
            }
            int score = leading == inserted.size()
                    ? above + leading + below
                    : Math.max(above + leading, trailing + below);
            if (score < bestScore) {
                bestScore = score;
                best = at;
                tied = false;
            } else if (score == bestScore) {
                tied = true;
            }
        }
        if (tied) {
            throw new RefusedHunkException("the lines to replace leave out or double a blank line that the file has at"
                    + " line " + (insertAt + 1) + ", and the new lines could go on either side of it; copy the unchanged"
                    + " lines exactly as they are in the file, blank lines included");
        }
        return best;
    }

    private static boolean mapped(Placement placement, int fileLine) {
        for (int line : placement.fileLineOf()) {
            if (line == fileLine) {
                return true;
            }
        }
        return false;
    }
}
