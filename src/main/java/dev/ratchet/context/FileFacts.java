package dev.ratchet.context;

/**
 * What ratchet remembers about one blob: whether it is binary, its token count ({@link #UNCOUNTED}
 * until someone needs it), and its outline. Keyed by git blob id, so it never goes stale.
 */
public record FileFacts(boolean binary, int tokens, Outline outline) {
    public static final int UNCOUNTED = -1;

    public FileFacts withTokens(int count) {
        return new FileFacts(binary, count, outline);
    }

    public boolean counted() {
        return tokens != UNCOUNTED;
    }
}
