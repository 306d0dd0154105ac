package dev.ratchet.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch of writes is about to do, saved before the first file changes so that an
 * interrupted batch can be rolled back by the next {@link Workspace#open}. Paths are relative to
 * the workspace root.
 *
 * <p>Stored as tab-separated lines rather than JSON so that a write, which saves one on every
 * batch, does not pay for loading a JSON library in a short-lived process.
 *
 * @param root        the workspace root the batch belongs to (for a human reading the file)
 * @param entries     one per target file, in batch order
 * @param createdDirs directories the batch creates, parents before children
 */
record WriteJournal(String root, List<Entry> entries, List<String> createdDirs) {

    WriteJournal {
        entries = List.copyOf(entries);
        createdDirs = List.copyOf(createdDirs);
    }

    private static final String HEADER = "ratchet-journal 1";
    private static final String NONE = "-";

    String toText() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("root\t").append(escape(root)).append('\n');
        for (String dir : createdDirs) {
            text.append("dir\t").append(escape(dir)).append('\n');
        }
        for (Entry entry : entries) {
            text.append("file\t").append(escape(entry.path())).append('\t').append(escape(entry.temp()))
                    .append('\t').append(entry.backup() == null ? NONE : escape(entry.backup()))
                    .append('\t').append(entry.oldMode() == null ? NONE : entry.oldMode()).append('\n');
        }
        return text.toString();
    }

    /** Reads {@link #toText()} back; refuses anything else rather than roll back on a guess. */
    static WriteJournal parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a ratchet journal (first line is not '" + HEADER + "')");
        }
        String root = null;
        List<Entry> entries = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\t", -1);
            switch (fields[0]) {
                case "root" -> root = unescape(field(fields, 1, i));
                case "dir" -> dirs.add(unescape(field(fields, 1, i)));
                case "file" -> entries.add(new Entry(unescape(field(fields, 1, i)), unescape(field(fields, 2, i)),
                        NONE.equals(field(fields, 3, i)) ? null : unescape(fields[3]),
                        NONE.equals(field(fields, 4, i)) ? null : fields[4]));
                default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown record '" + fields[0] + "'");
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("no 'root' line");
        }
        return new WriteJournal(root, entries, dirs);
    }

    private static String field(String[] fields, int index, int line) {
        if (index >= fields.length) {
            throw new IllegalArgumentException("line " + (line + 1) + ": expected " + (index + 1) + " fields");
        }
        return fields[index];
    }

    /** Paths may hold any character but NUL, so tab, newline and the escape character itself are escaped. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '\t' -> out.append("%09");
                case '\n' -> out.append("%0A");
                case '\r' -> out.append("%0D");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One target file.
     *
     * @param path     the file the batch replaces, creates or removes
     * @param temp     the staging file next to it (also used to restore it)
     * @param backup   name of the copy of the old content in the journal directory; null when the
     *                 file did not exist before the batch
     * @param oldMode  POSIX permissions of the old file ({@code rwxr-xr-x}), null when unknown
     */
    record Entry(String path, String temp, String backup, String oldMode) {
    }
}
