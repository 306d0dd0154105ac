package dev.ratchet.edit.apply;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a file being edited, with each normalised view computed once and kept in step with
 * every splice, so that locating many hunks in a large file stays linear per hunk.
 */
final class LineBuffer {
    private final ArrayList<Line> lines;
    private final Map<Normalisation, ArrayList<String>> views = new EnumMap<>(Normalisation.class);
    /** The hash of every line of each view, so a scan compares ints until a line may be equal. */
    private final Map<Normalisation, int[]> hashes = new EnumMap<>(Normalisation.class);

    LineBuffer(List<Line> lines) {
        this.lines = new ArrayList<>(lines);
    }

    int size() {
        return lines.size();
    }

    Line line(int index) {
        return lines.get(index);
    }

    String text(int index) {
        return lines.get(index).text();
    }

    List<String> texts() {
        return view(Normalisation.EXACT);
    }

    /** The lines as compared at this normalisation (computed on first use, then maintained). */
    List<String> view(Normalisation normalisation) {
        ArrayList<String> view = views.get(normalisation);
        if (view == null) {
            view = new ArrayList<>(lines.size());
            for (Line line : lines) {
                view.add(normalisation.apply(line.text()));
            }
            views.put(normalisation, view);
        }
        return view;
    }

    /** The hash codes of {@link #view}'s lines, in the same order (computed on first use, then maintained). */
    int[] hashes(Normalisation normalisation) {
        int[] codes = hashes.get(normalisation);
        if (codes == null) {
            List<String> view = view(normalisation);
            codes = new int[view.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = view.get(i).hashCode();
            }
            hashes.put(normalisation, codes);
        }
        return codes;
    }

    /** Replaces lines [from, to) with {@code replacement}. */
    void splice(int from, int to, List<Line> replacement) {
        lines.subList(from, to).clear();
        lines.addAll(from, replacement);
        for (Map.Entry<Normalisation, int[]> entry : hashes.entrySet()) {
            int[] old = entry.getValue();
            int[] codes = new int[old.length - (to - from) + replacement.size()];
            System.arraycopy(old, 0, codes, 0, from);
            for (int i = 0; i < replacement.size(); i++) {
                codes[from + i] = entry.getKey().apply(replacement.get(i).text()).hashCode();
            }
            System.arraycopy(old, to, codes, from + replacement.size(), old.length - to);
            entry.setValue(codes);
        }
        for (Map.Entry<Normalisation, ArrayList<String>> entry : views.entrySet()) {
            List<String> normalised = new ArrayList<>(replacement.size());
            for (Line line : replacement) {
                normalised.add(entry.getKey().apply(line.text()));
            }
            ArrayList<String> view = entry.getValue();
            view.subList(from, to).clear();
            view.addAll(from, normalised);
        }
    }

    List<Line> snapshot() {
        return List.copyOf(lines);
    }
}
