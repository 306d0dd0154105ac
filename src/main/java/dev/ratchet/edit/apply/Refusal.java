package dev.ratchet.edit.apply;

import java.util.List;

/**
 * One edit the applier would not apply. {@code hunk} is 1-based among all hunks for {@code path}
 * in the plan, or 0 when the refusal is about the whole file (missing, binary, unsafe path, ...).
 */
public record Refusal(String path, int hunk, String reason, List<ClosestLine> closest) {
    public Refusal {
        closest = List.copyOf(closest);
    }

    static Refusal ofFile(String path, String reason) {
        return new Refusal(path, 0, reason, List.of());
    }

    /** One line for a terminal: where, which hunk, why, then the closest lines with their numbers. */
    public String describe() {
        StringBuilder out = new StringBuilder(path);
        if (hunk > 0) {
            out.append(" hunk ").append(hunk);
        }
        out.append(": ").append(reason);
        if (!closest.isEmpty()) {
            out.append("\n  closest lines in ").append(path).append(':');
            for (ClosestLine line : closest) {
                out.append(String.format("%n  %6d | %s   (%.0f%% similar)", line.line(), line.text(), line.similarity() * 100));
            }
        }
        return out.toString();
    }
}
