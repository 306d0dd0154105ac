package dev.ratchet.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where and how to POST a chat request for one provider: URL shape and auth header. */
final class Endpoint {
    private final ModelSettings settings;

    Endpoint(ModelSettings settings) {
        this.settings = settings;
    }

    String baseUrl() {
        return settings.effectiveBaseUrl();
    }

    Provider provider() {
        return settings.provider();
    }

    String chatUrl(String model) {
        String base = baseUrl();
        if (settings.provider() == Provider.AZURE && !base.contains("/openai/v1")) {
            String deployment = settings.azureDeployment() == null ? model : settings.azureDeployment();
            String version = settings.azureApiVersion() == null
                    ? ModelSettings.DEFAULT_AZURE_API_VERSION : settings.azureApiVersion();
            return base + "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                    + "/chat/completions?api-version=" + URLEncoder.encode(version, StandardCharsets.UTF_8);
        }
        return base + "/chat/completions";
    }

    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, text/event-stream");
        if (settings.apiKey() != null) {
            if (settings.provider() == Provider.AZURE) {
                headers.put("api-key", settings.apiKey());
            } else {
                headers.put("Authorization", "Bearer " + settings.apiKey());
            }
        }
        return headers;
    }

    /** How to name the key in a message, without ever showing it. */
    String keyDescription() {
        return settings.apiKey() == null
                ? "the request without an API key (" + settings.apiKeyVariable() + " is not set)"
                : "the key in " + settings.apiKeyVariable();
    }

    String keyVariable() {
        return settings.apiKeyVariable();
    }

    /** What a 404 means here: Azure names deployments, everyone else names models. */
    String notServed(String model) {
        if (settings.provider() == Provider.AZURE && !baseUrl().contains("/openai/v1")) {
            String deployment = settings.azureDeployment() == null ? model : settings.azureDeployment();
            return "deployment " + deployment + " was not found at " + baseUrl()
                    + "; check the deployment name (azure.deployment in .ratchet.yml, or --model)";
        }
        String hint = baseUrl().endsWith("/v1") ? "" : " (compatible servers usually want a base URL ending in /v1)";
        return "model " + model + " is not served at " + baseUrl() + "; check --model, or --base-url" + hint;
    }
}
