package dev.ratchet.model;

import java.time.Duration;

/**
 * The model could not answer. The message says what to do about it and ends with the server's
 * request id when there is one. Never carries the API key.
 */
public class ModelException extends RuntimeException {

    /** What kind of failure this is; decides whether a retry can help. */
    public enum Kind {
        AUTH, FORBIDDEN, MODEL_NOT_FOUND, PROMPT_TOO_LONG, BAD_REQUEST, RATE_LIMITED, QUOTA,
        SERVER, CONNECTION, TIMEOUT, PROTOCOL, REPLAY, CANCELLED
    }

    private final Kind kind;
    private final String detail;
    private final String requestId;
    private final boolean retryable;
    private final Duration retryAfter;

    public ModelException(Kind kind, String message, String requestId, boolean retryable, Duration retryAfter,
            Throwable cause) {
        super(requestId == null ? message : message + " (request id " + requestId + ")", cause);
        this.kind = kind;
        this.detail = message;
        this.requestId = requestId;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public ModelException(Kind kind, String message) {
        this(kind, message, null, false, null, null);
    }

    /** The same failure, reported after {@code attempts} tries. */
    public ModelException afterAttempts(int attempts) {
        return new ModelException(kind, "gave up after " + attempts + " attempts; the last one failed: " + detail,
                requestId, false, null, this);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's {@code x-request-id}, or null. */
    public String requestId() {
        return requestId;
    }

    /** Whether trying the same request again may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the server asked us to wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
