package dev.ratchet.cli;

/**
 * ANSI colour for terminal output, off when piped, when TERM=dumb, or when NO_COLOR is set
 * (https://no-color.org convention), so logs and CI output stay plain text.
 */
record Colour(boolean enabled) {

    static Colour forTerminal(Io io) {
        boolean on = io.interactive() && io.env("NO_COLOR") == null && !"dumb".equals(io.env("TERM"));
        return new Colour(on);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    /** Colours a unified diff line by line: headers bold, hunks cyan, removals red, additions green. */
    String diff(String unifiedDiff) {
        if (!enabled) {
            return unifiedDiff;
        }
        StringBuilder out = new StringBuilder(unifiedDiff.length() + 256);
        for (String line : unifiedDiff.split("\n", -1)) {
            if (line.startsWith("+++ ") || line.startsWith("--- ")) {
                out.append(bold(line));
            } else if (line.startsWith("@@")) {
                out.append(cyan(line));
            } else if (line.startsWith("+")) {
                out.append(green(line));
            } else if (line.startsWith("-")) {
                out.append(red(line));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
