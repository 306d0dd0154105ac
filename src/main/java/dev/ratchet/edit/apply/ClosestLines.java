package dev.ratchet.edit.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the window of file lines that best resembles a hunk's {@code before} lines, to show in a
 * refusal so the model can copy the real text next turn.
 */
final class ClosestLines {
    /** Windows are ranked by this many of the hunk's first non-blank lines, which keeps a refusal cheap in a large file. */
    private static final int SCORED_LINES = 8;
    /** At most this many lines are shown. */
    private static final int SHOWN_LINES = 30;

    private ClosestLines() {
    }

    static List<ClosestLine> find(List<String> file, List<String> before) {
        if (file.isEmpty() || before.isEmpty()) {
            return List.of();
        }
        List<Integer> scored = new ArrayList<>();
        for (int i = 0; i < before.size() && scored.size() < SCORED_LINES; i++) {
            if (!before.get(i).isBlank()) {
                scored.add(i);
            }
        }
        if (scored.isEmpty()) {
            return List.of();
        }
        List<int[]> wanted = new ArrayList<>();
        for (int index : scored) {
            wanted.add(bigrams(before.get(index)));
        }
        int[][] fileBigrams = new int[file.size()][];
        int window = Math.min(before.size(), file.size());
        int bestStart = 0;
        double bestScore = -1;
        for (int start = 0; start + window <= file.size(); start++) {
            double score = 0;
            for (int k = 0; k < scored.size(); k++) {
                int line = start + scored.get(k);
                if (line < file.size()) {
                    if (fileBigrams[line] == null) {
                        fileBigrams[line] = bigrams(file.get(line));
                    }
                    score += dice(wanted.get(k), fileBigrams[line]);
                }
            }
            if (score > bestScore + 1e-9) {
                bestScore = score;
                bestStart = start;
            }
        }
        if (bestScore <= 0) {
            return List.of();
        }
        List<ClosestLine> closest = new ArrayList<>();
        for (int i = 0; i < Math.min(window, SHOWN_LINES); i++) {
            String text = file.get(bestStart + i);
            closest.add(new ClosestLine(bestStart + i + 1, text, round(ratio(before.get(i), text))));
        }
        return closest;
    }

    /** difflib-style ratio: twice the characters in common over the total length, via java-diff-utils. */
    static double ratio(String a, String b) {
        String left = a.strip();
        String right = b.strip();
        if (left.isEmpty() && right.isEmpty()) {
            return 1.0;
        }
        List<Character> leftChars = chars(left);
        List<Character> rightChars = chars(right);
        int changed = 0;
        for (AbstractDelta<Character> delta : DiffUtils.diff(leftChars, rightChars).getDeltas()) {
            changed += delta.getSource().size();
        }
        int common = leftChars.size() - changed;
        return 2.0 * common / (leftChars.size() + rightChars.size());
    }

    private static List<Character> chars(String text) {
        List<Character> chars = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            chars.add(text.charAt(i));
        }
        return chars;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The line's character bigrams (whitespace-trimmed), sorted, as a multiset. */
    private static int[] bigrams(String line) {
        String text = line.strip();
        int[] bigrams = new int[Math.max(0, text.length() - 1)];
        for (int i = 0; i + 1 < text.length(); i++) {
            bigrams[i] = text.charAt(i) << 16 | text.charAt(i + 1);
        }
        Arrays.sort(bigrams);
        return bigrams;
    }

    /** Dice coefficient over character bigrams: a cheap similarity for ranking windows. */
    private static double dice(int[] a, int[] b) {
        if (a.length + b.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }
}
