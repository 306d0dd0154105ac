package dev.ratchet.model;

import java.net.URI;
import java.util.Locale;

/** Which kind of server the base URL points at; decides URL shape, auth header and dialect. */
public enum Provider {
    /** api.openai.com: Bearer key required. */
    OPENAI,
    /** Azure OpenAI: {@code api-key} header, deployment URL with {@code api-version}, or the v1 URL. */
    AZURE,
    /** Ollama, vLLM, llama.cpp server, OpenRouter and friends: the key may be absent. */
    COMPATIBLE;

    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Guesses the provider from a base URL (null means OpenAI's own). */
    public static Provider detect(String baseUrl) {
        if (baseUrl == null) {
            return OPENAI;
        }
        String host;
        try {
            host = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException badUrl) {
            return COMPATIBLE;
        }
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (host.equals("api.openai.com")) {
            return OPENAI;
        }
        if (host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com")
                || host.endsWith(".services.ai.azure.com")) {
            return AZURE;
        }
        return COMPATIBLE;
    }

    /** The environment variable the key is read from unless configured otherwise. */
    public String defaultKeyVariable() {
        return this == AZURE ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY";
    }

    public WireDialect dialect() {
        return this == COMPATIBLE ? WireDialect.COMPATIBLE : WireDialect.OPENAI;
    }
}
