package dev.ratchet.model;

/**
 * Small differences between servers that speak Chat Completions. OpenAI and Azure take
 * {@code max_completion_tokens}; Ollama only understands the older {@code max_tokens}, which
 * vLLM and llama.cpp also accept, so every other server gets that.
 */
public enum WireDialect {
    OPENAI("max_completion_tokens"),
    COMPATIBLE("max_tokens");

    private final String maxTokensField;

    WireDialect(String maxTokensField) {
        this.maxTokensField = maxTokensField;
    }

    String maxTokensField() {
        return maxTokensField;
    }
}
