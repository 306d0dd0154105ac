package dev.ratchet.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to talk to a model, already merged from flags, environment and config files
 * by {@code dev.ratchet.config.ConfigLoader}. Nullable: {@code baseUrl} (OpenAI's own),
 * {@code apiKey} (none set), Azure fields, {@code maxCost} (no budget), the catalog overrides, and
 * {@code record}/{@code replay}. {@link #toString()} never shows the key.
 */
public record ModelSettings(
        String model,
        Provider provider,
        String baseUrl,
        String apiKey,
        String apiKeyVariable,
        String azureDeployment,
        String azureApiVersion,
        int retries,
        Duration timeout,
        BigDecimal maxCost,
        Integer contextWindow,
        Integer maxOutput,
        Prices prices,
        Path record,
        Path replay) {

    public static final String DEFAULT_MODEL = "gpt-4.1";
    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    public ModelSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Settings for OpenAI's API with the defaults and the given key. */
    public static ModelSettings openAi(String model, String apiKey) {
        return new ModelSettings(model, Provider.OPENAI, null, apiKey, "OPENAI_API_KEY", null, null,
                DEFAULT_RETRIES, DEFAULT_TIMEOUT, null, null, null, null, null, null);
    }

    /**
     * The base URL requests go to, with OpenAI's as the default. A pasted full endpoint URL
     * ({@code .../v1/chat/completions}) is cut back to its base.
     */
    public String effectiveBaseUrl() {
        String base = baseUrl == null ? Provider.OPENAI_BASE_URL : baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/chat/completions")) {
            base = base.substring(0, base.length() - "/chat/completions".length());
        }
        return base;
    }

    @Override
    public String toString() {
        return "ModelSettings[model=" + model + ", provider=" + provider + ", baseUrl=" + effectiveBaseUrl()
                + ", apiKey=" + (apiKey == null ? "(none)" : "(from " + apiKeyVariable + ")")
                + ", retries=" + retries + ", timeout=" + timeout + ", maxCost=" + maxCost
                + ", record=" + record + ", replay=" + replay + "]";
    }
}
