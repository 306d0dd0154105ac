package dev.ratchet.edit.apply;

import java.util.List;
import java.util.Optional;

/**
 * The uniform change of indentation between a hunk's {@code before} lines and the file lines they
 * matched, applied to the hunk's new lines so the result keeps the file's own indentation.
 * Handles a common prefix added or removed, and tabs written as spaces (or the reverse) at one
 * consistent tab width. Anything less regular has no reindentation: the caller refuses.
 */
abstract sealed class Reindentation {
    private static final int[] TAB_WIDTHS = {4, 8, 2};

    /** Indentation of a new line as the file should have it, or empty when it cannot be said safely. */
    abstract Optional<String> apply(String line);

    /** Whether the file is indented exactly one space deeper than the hunk. */
    boolean addsOneSpace() {
        return false;
    }

    /**
     * The reindentation that turns every {@code pairs[i][0]} (a before line) into the indentation
     * of {@code pairs[i][1]} (its file line), or empty when there is none that fits them all.
     */
    static Optional<Reindentation> between(List<String[]> pairs) {
        String added = null;
        String removed = null;
        boolean addFits = true;
        boolean removeFits = true;
        for (String[] pair : pairs) {
            String modelIndent = indentOf(pair[0]);
            String fileIndent = indentOf(pair[1]);
            if (addFits) {
                if (fileIndent.endsWith(modelIndent)) {
                    String prefix = fileIndent.substring(0, fileIndent.length() - modelIndent.length());
                    addFits = added == null || added.equals(prefix);
                    added = prefix;
                } else {
                    addFits = false;
                }
            }
            if (removeFits) {
                if (modelIndent.endsWith(fileIndent)) {
                    String prefix = modelIndent.substring(0, modelIndent.length() - fileIndent.length());
                    removeFits = removed == null || removed.equals(prefix);
                    removed = prefix;
                } else {
                    removeFits = false;
                }
            }
        }
        if (addFits) {
            return Optional.of(added == null || added.isEmpty() ? new Identity() : new AddPrefix(added));
        }
        if (removeFits) {
            return Optional.of(new RemovePrefix(removed));
        }
        for (int width : TAB_WIDTHS) {
            Optional<Reindentation> shift = ColumnShift.fitting(pairs, width);
            if (shift.isPresent()) {
                return shift;
            }
        }
        return Optional.empty();
    }

    static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** Same indentation on both sides. */
    static final class Identity extends Reindentation {
        @Override
        Optional<String> apply(String line) {
            return Optional.of(line);
        }
    }

    /** The file is indented deeper by a fixed prefix. */
    static final class AddPrefix extends Reindentation {
        private final String prefix;

        AddPrefix(String prefix) {
            this.prefix = prefix;
        }

        @Override
        boolean addsOneSpace() {
            return prefix.equals(" ");
        }

        @Override
        Optional<String> apply(String line) {
            return Optional.of(line.isBlank() ? line : prefix + line);
        }
    }

    /** The model indented deeper than the file by a fixed prefix. */
    static final class RemovePrefix extends Reindentation {
        private final String prefix;

        RemovePrefix(String prefix) {
            this.prefix = prefix;
        }

        @Override
        Optional<String> apply(String line) {
            if (line.isBlank()) {
                // whitespace the drift put on an empty line goes with the drift
                return Optional.of(line.startsWith(prefix) ? line.substring(prefix.length()) : "");
            }
            return line.startsWith(prefix) ? Optional.of(line.substring(prefix.length())) : Optional.empty();
        }
    }

    /** Tabs on one side, spaces on the other: shift by whole columns and write the file's own kind. */
    static final class ColumnShift extends Reindentation {
        private final int width;
        private final int shift;
        private final boolean fileUsesTabs;

        private ColumnShift(int width, int shift, boolean fileUsesTabs) {
            this.width = width;
            this.shift = shift;
            this.fileUsesTabs = fileUsesTabs;
        }

        static Optional<Reindentation> fitting(List<String[]> pairs, int width) {
            Integer shift = null;
            boolean tabs = false;
            boolean spaces = false;
            for (String[] pair : pairs) {
                String fileIndent = indentOf(pair[1]);
                tabs |= fileIndent.indexOf('\t') >= 0;
                spaces |= fileIndent.indexOf(' ') >= 0;
                int difference = columns(fileIndent, width) - columns(indentOf(pair[0]), width);
                if (shift != null && shift != difference) {
                    return Optional.empty();
                }
                shift = difference;
            }
            if (shift == null || (tabs && spaces)) {
                return Optional.empty();
            }
            return Optional.of(new ColumnShift(width, shift, tabs));
        }

        private static int columns(String indent, int width) {
            int column = 0;
            for (int i = 0; i < indent.length(); i++) {
                column = indent.charAt(i) == '\t' ? (column / width + 1) * width : column + 1;
            }
            return column;
        }

        @Override
        Optional<String> apply(String line) {
            if (line.isBlank()) {
                return Optional.of(columns(line, width) + shift <= 0 ? "" : line);
            }
            String indent = indentOf(line);
            int column = columns(indent, width) + shift;
            if (column < 0 || (fileUsesTabs && column % width != 0)) {
                return Optional.empty();
            }
            String rendered = fileUsesTabs ? "\t".repeat(column / width) : " ".repeat(column);
            return Optional.of(rendered + line.substring(indent.length()));
        }
    }
}
