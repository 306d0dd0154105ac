package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks a server which models it serves ({@code GET {base}/models}, answered by OpenAI, Ollama,
 * vLLM, llama.cpp and OpenRouter), so a "model not found" can list the names that would work.
 * Best effort: any failure gives an empty answer, never an exception.
 */
public final class ServedModels {
    private final OkHttpClient client;

    public ServedModels(OkHttpClient client) {
        this.client = client;
    }

    /** The model ids the endpoint lists, sorted; empty when it cannot or will not say. */
    public Optional<List<String>> list(ModelSettings settings) {
        if (settings.provider() == Provider.AZURE && !settings.effectiveBaseUrl().contains("/openai/v1")) {
            return Optional.empty();
        }
        Request.Builder request = new Request.Builder().url(settings.effectiveBaseUrl() + "/models").get();
        new Endpoint(settings).headers().forEach(request::header);
        try (Response response = client.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                return Optional.empty();
            }
            JsonNode body = new ObjectMapper().readTree(response.body().string());
            List<String> ids = new ArrayList<>();
            for (JsonNode model : body.path("data")) {
                String id = model.path("id").asText("");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
            ids.sort(String::compareTo);
            return Optional.of(ids);
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }
}
