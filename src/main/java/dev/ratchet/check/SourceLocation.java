package dev.ratchet.check;

/**
 * A line in one of the repository's own files that a failure points at, e.g. from a stack frame.
 *
 * @param path relative to the repository root, with forward slashes
 * @param function the method or function named by the frame, or "" when the frame names none
 */
public record SourceLocation(String path, int line, String function) {
    @Override
    public String toString() {
        return path + ":" + line + (function.isEmpty() ? "" : " (" + function + ")");
    }
}
