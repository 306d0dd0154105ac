package dev.ratchet.hook;

/**
 * One thing wrong with the staged changes, printed as {@code path:line: message} (or just the
 * message when no line is known). {@code blocking} is false for advisory review findings.
 */
public record Finding(String path, int line, String message, boolean blocking) {
    /** A finding without a place in a file, e.g. a check that failed without naming one. */
    public static Finding general(String message, boolean blocking) {
        return new Finding(null, 0, message, blocking);
    }

    /** The line as printed: compilers' and linters' {@code path:line: message} form, which editors can jump to. */
    public String render() {
        String where = path == null ? "" : line > 0 ? path + ":" + line + ": " : path + ": ";
        return where + message + (blocking ? "" : " (advisory)");
    }
}
