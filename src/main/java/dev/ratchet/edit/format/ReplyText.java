package dev.ratchet.edit.format;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A reply split into lines (the reply's own CR before each LF removed), with its fences located
 * and the lines that a parser has already read as an edit marked, so that the next parser in an
 * {@code auto} run does not read them again as something else.
 */
final class ReplyText {
    private final List<String> lines;
    private final List<Fence> fences;
    private final BitSet claimed = new BitSet();
    private final boolean endsWithNewline;

    ReplyText(String reply) {
        this.lines = split(reply);
        this.endsWithNewline = reply != null && reply.endsWith("\n");
        this.fences = Fence.locate(lines);
    }

    private static List<String> split(String reply) {
        List<String> result = new ArrayList<>();
        if (reply == null || reply.isEmpty()) {
            return result;
        }
        // A byte-order mark some proxies leave at the start would hide a fence or marker on the first line.
        int start = reply.charAt(0) == '\uFEFF' ? 1 : 0;
        while (start <= reply.length()) {
            int newline = reply.indexOf('\n', start);
            if (newline < 0) {
                if (start < reply.length()) {
                    result.add(reply.substring(start));
                }
                break;
            }
            int end = newline > start && reply.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            result.add(reply.substring(start, end));
            start = newline + 1;
        }
        return result;
    }

    int size() {
        return lines.size();
    }

    /** Whether the reply's last line is complete; an output limit cuts replies mid-line. */
    boolean endsWithNewline() {
        return endsWithNewline;
    }

    /** The line at a 0-based index. */
    String line(int index) {
        return lines.get(index);
    }

    /** Every line, read-only. */
    List<String> allLines() {
        return java.util.Collections.unmodifiableList(lines);
    }

    List<String> lines(int from, int to) {
        return List.copyOf(lines.subList(from, to));
    }

    List<Fence> fences() {
        return fences;
    }

    /** The fence whose content holds the line at this index, if any. */
    Optional<Fence> fenceAround(int index) {
        // Fences are disjoint and in reply order: the candidate is the last one opened before the line.
        int low = 0;
        int high = fences.size() - 1;
        int candidate = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (fences.get(middle).open() < index) {
                candidate = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (candidate < 0) {
            return Optional.empty();
        }
        Fence fence = fences.get(candidate);
        return index < fence.contentEnd(size()) ? Optional.of(fence) : Optional.empty();
    }

    boolean isClaimed(int index) {
        return claimed.get(index);
    }

    boolean anyClaimed(int from, int to) {
        int next = claimed.nextSetBit(from);
        return next >= 0 && next < to;
    }

    /** Marks lines [from, to) as read by a parser. */
    void claim(int from, int to) {
        if (from < to) {
            claimed.set(from, to);
        }
    }

    /** Index of the nearest line above {@code index} that is not blank, or -1. */
    int previousNonBlank(int index) {
        int i = index - 1;
        while (i >= 0 && lines.get(i).isBlank()) {
            i--;
        }
        return i;
    }
}
