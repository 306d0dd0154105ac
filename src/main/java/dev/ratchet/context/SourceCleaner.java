package dev.ratchet.context;

/**
 * Blanks out comments and the inside of string literals, keeping every line the same length,
 * so that brace counting and declaration matching see only code, and a column in the cleaned
 * text is the same column in the original.
 */
final class SourceCleaner {
    private final Language language;

    SourceCleaner(Language language) {
        this.language = language;
    }

    /** The lines of a text split at LF or CRLF, without their terminators (a regex split cost a quarter of a cold scan). */
    static String[] lines(String text) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            lines.add(text.substring(start, end));
            start = newline + 1;
        }
        lines.add(text.substring(start));
        return lines.toArray(String[]::new);
    }

    /** The cleaned {@code lines}; line {@code i} corresponds to line {@code i} of the input. */
    String[] clean(String[] lines) {
        String[] cleaned = new String[lines.length];
        // What is still open at the end of a line: a block comment ("*/") or a multi-line string (its terminator).
        String openUntil = null;
        boolean openIsComment = false;
        for (int n = 0; n < lines.length; n++) {
            char[] line = lines[n].toCharArray();
            int i = 0;
            if (openUntil != null) {
                int end = lines[n].indexOf(openUntil);
                if (end < 0) {
                    blank(line, 0, line.length);
                    cleaned[n] = new String(line);
                    continue;
                }
                int keepFrom = openIsComment ? end + openUntil.length() : end;
                blank(line, 0, keepFrom);
                i = end + openUntil.length();
                openUntil = null;
            }
            if (language == Language.C || language == Language.CPP) {
                String trimmed = lines[n].stripLeading();
                if (trimmed.startsWith("#")) {
                    // Preprocessor lines hold no declarations we outline; their braces would confuse nesting.
                    blank(line, 0, line.length);
                    cleaned[n] = new String(line);
                    continue;
                }
            }
            while (i < line.length) {
                char c = line[i];
                char next = i + 1 < line.length ? line[i + 1] : '\0';
                if (language.hashComments() ? c == '#' : (c == '/' && next == '/')) {
                    blank(line, i, line.length);
                    break;
                }
                if (!language.hashComments() && c == '/' && next == '*') {
                    int end = lines[n].indexOf("*/", i + 2);
                    if (end < 0) {
                        blank(line, i, line.length);
                        openUntil = "*/";
                        openIsComment = true;
                        break;
                    }
                    blank(line, i, end + 2);
                    i = end + 2;
                    continue;
                }
                String multi = multiLineStringStart(lines[n], i);
                if (multi != null) {
                    int open = multi.equals("\"#") ? lines[n].indexOf('"', i) + 1 : i + multi.length();
                    int end = lines[n].indexOf(multi, open);
                    if (end < 0) {
                        blank(line, open, line.length);
                        openUntil = multi;
                        openIsComment = false;
                        break;
                    }
                    blank(line, open, end);
                    i = end + multi.length();
                    continue;
                }
                if (c == '"' || (c == '\'' && language.singleQuoteIsString())) {
                    i = skipQuoted(line, i, c);
                    continue;
                }
                if (c == '\'') {
                    i = skipCharLiteral(line, i);
                    continue;
                }
                i++;
            }
            cleaned[n] = new String(line);
        }
        return cleaned;
    }

    /** The terminator of a multi-line string starting at {@code i}, or null if none starts there. */
    private String multiLineStringStart(String line, int i) {
        char c = line.charAt(i);
        switch (language) {
            case JAVA, KOTLIN -> {
                return line.startsWith("\"\"\"", i) ? "\"\"\"" : null;
            }
            case PYTHON -> {
                if (line.startsWith("\"\"\"", i)) {
                    return "\"\"\"";
                }
                return line.startsWith("'''", i) ? "'''" : null;
            }
            case JAVASCRIPT, TYPESCRIPT, GO -> {
                return c == '`' ? "`" : null;
            }
            case RUST -> {
                if (c == 'r' && (i == 0 || !Character.isJavaIdentifierPart(line.charAt(i - 1)))
                        && line.startsWith("#\"", i + 1)) {
                    return "\"#";
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static int skipQuoted(char[] line, int start, char quote) {
        int i = start + 1;
        while (i < line.length) {
            char c = line[i];
            if (c == '\\') {
                line[i] = ' ';
                if (i + 1 < line.length) {
                    line[i + 1] = ' ';
                }
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            line[i] = ' ';
            i++;
        }
        return line.length;
    }

    /** A char literal closes within a few characters; otherwise the quote is a Rust lifetime or similar. */
    private static int skipCharLiteral(char[] line, int start) {
        int limit = Math.min(line.length, start + 12);
        int i = start + 1;
        while (i < limit) {
            if (line[i] == '\\') {
                i += 2;
                continue;
            }
            if (line[i] == '\'') {
                blank(line, start + 1, i);
                return i + 1;
            }
            if (i - start > 2 && line[start + 1] != '\\') {
                break;
            }
            i++;
        }
        return start + 1;
    }

    private static void blank(char[] line, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, line.length); i++) {
            line[i] = ' ';
        }
    }
}
