package dev.ratchet.edit.apply;

/** A file the applier will not rewrite because it is not UTF-8 text; the message says why. */
final class UnreadableTextException extends Exception {
    UnreadableTextException(String message) {
        super(message);
    }
}
