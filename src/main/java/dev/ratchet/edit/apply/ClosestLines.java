package dev.ratchet.edit.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<Map<Integer, Integer>> wanted = new ArrayList<>();
        for (int index : scored) {
            wanted.add(bigrams(before.get(index)));
        }
        int window = Math.min(before.size(), file.size());
        int bestStart = 0;
        double bestScore = -1;
        for (int start = 0; start + window <= file.size(); start++) {
            double score = 0;
            for (int k = 0; k < scored.size(); k++) {
                int line = start + scored.get(k);
                if (line < file.size()) {
                    score += dice(wanted.get(k), file.get(line));
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

    private static Map<Integer, Integer> bigrams(String line) {
        String text = line.strip();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            counts.merge(text.charAt(i) << 16 | text.charAt(i + 1), 1, Integer::sum);
        }
        return counts;
    }

    /** Dice coefficient over character bigrams: a cheap similarity for ranking windows. */
    private static double dice(Map<Integer, Integer> wanted, String line) {
        String text = line.strip();
        int total = 0;
        for (int count : wanted.values()) {
            total += count;
        }
        int pairs = Math.max(0, text.length() - 1);
        if (total + pairs == 0) {
            return 0;
        }
        Map<Integer, Integer> remaining = new HashMap<>(wanted);
        int common = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            int bigram = text.charAt(i) << 16 | text.charAt(i + 1);
            Integer left = remaining.get(bigram);
            if (left != null && left > 0) {
                remaining.put(bigram, left - 1);
                common++;
            }
        }
        return 2.0 * common / (total + pairs);
    }
}
