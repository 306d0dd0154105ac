package dev.ratchet.model;

/**
 * Tokens one request (or a whole session) used. {@code cachedTokens} is part of
 * {@code promptTokens}, as the API reports it. {@code estimated} is true when the server sent no
 * usage (a cut stream, a server without usage reporting) and the numbers were counted locally.
 */
public record Usage(long promptTokens, long cachedTokens, long completionTokens, boolean estimated) {
    public static final Usage NONE = new Usage(0, 0, 0, false);

    public Usage {
        if (promptTokens < 0 || cachedTokens < 0 || completionTokens < 0 || cachedTokens > promptTokens) {
            throw new IllegalArgumentException("impossible token usage: prompt " + promptTokens
                    + ", cached " + cachedTokens + ", completion " + completionTokens);
        }
    }

    public long uncachedPromptTokens() {
        return promptTokens - cachedTokens;
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, cachedTokens + other.cachedTokens,
                completionTokens + other.completionTokens, estimated || other.estimated);
    }
}
