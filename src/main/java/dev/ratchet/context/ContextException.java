package dev.ratchet.context;

/** The context cannot be built as asked; the message says what to change. */
public class ContextException extends RuntimeException {
    public ContextException(String message) {
        super(message);
    }

    public ContextException(String message, Throwable cause) {
        super(message, cause);
    }
}
