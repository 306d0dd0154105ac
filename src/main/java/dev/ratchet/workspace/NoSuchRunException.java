package dev.ratchet.workspace;

/** A run id that names no recorded run (or no run has been recorded yet). */
public class NoSuchRunException extends GitRefusalException {
    public NoSuchRunException(String message) {
        super(message);
    }
}
