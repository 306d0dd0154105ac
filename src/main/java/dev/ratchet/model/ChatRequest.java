package dev.ratchet.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One request to a chat model. Optional knobs are null when unset, so the server default applies.
 * {@code prediction} (Predicted Outputs) is for tool-less whole-file rewrites: the API refuses it
 * together with tools or {@code max_completion_tokens}, so this record refuses that too.
 * {@code toolChoice} is {@code auto}, {@code none}, {@code required}, or the name of one offered
 * tool the model must call.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        List<ToolSpec> tools,
        Double temperature,
        Long seed,
        Integer maxCompletionTokens,
        String prediction,
        boolean stream,
        String toolChoice,
        Boolean parallelToolCalls) {

    private static final Set<String> CHOICE_WORDS = Set.of("auto", "none", "required");

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (prediction != null && !tools.isEmpty()) {
            throw new IllegalArgumentException("Predicted Outputs cannot be combined with tools; "
                    + "send the whole-file rewrite as a separate request without tools");
        }
        if (prediction != null && maxCompletionTokens != null) {
            throw new IllegalArgumentException("Predicted Outputs cannot be combined with max_completion_tokens");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, not " + temperature);
        }
        if (toolChoice != null && !CHOICE_WORDS.contains(toolChoice)
                && tools.stream().noneMatch(tool -> tool.name().equals(toolChoice))) {
            throw new IllegalArgumentException("tool choice '" + toolChoice + "' is neither auto, none, required "
                    + "nor the name of an offered tool");
        }
    }

    /** Without tool choice and parallel-call settings (server defaults). */
    public ChatRequest(String model, List<ChatMessage> messages, List<ToolSpec> tools, Double temperature, Long seed,
            Integer maxCompletionTokens, String prediction, boolean stream) {
        this(model, messages, tools, temperature, seed, maxCompletionTokens, prediction, stream, null, null);
    }

    /** A streamed request with no tools and server defaults for everything else. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, List.of(), null, null, null, null, true);
    }

    public ChatRequest withModel(String value) {
        return new ChatRequest(value, messages, tools, temperature, seed, maxCompletionTokens, prediction, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withMessages(List<ChatMessage> value) {
        return new ChatRequest(model, value, tools, temperature, seed, maxCompletionTokens, prediction, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withTools(List<ToolSpec> value) {
        return new ChatRequest(model, messages, value, temperature, seed, maxCompletionTokens, prediction, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withTemperature(Double value) {
        return new ChatRequest(model, messages, tools, value, seed, maxCompletionTokens, prediction, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withSeed(Long value) {
        return new ChatRequest(model, messages, tools, temperature, value, maxCompletionTokens, prediction, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withMaxCompletionTokens(Integer value) {
        return new ChatRequest(model, messages, tools, temperature, seed, value, prediction, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withPrediction(String expectedText) {
        return new ChatRequest(model, messages, tools, temperature, seed, maxCompletionTokens, expectedText, stream,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withStream(boolean value) {
        return new ChatRequest(model, messages, tools, temperature, seed, maxCompletionTokens, prediction, value,
                toolChoice, parallelToolCalls);
    }

    public ChatRequest withToolChoice(String value) {
        return new ChatRequest(model, messages, tools, temperature, seed, maxCompletionTokens, prediction, stream,
                value, parallelToolCalls);
    }

    public ChatRequest withParallelToolCalls(Boolean value) {
        return new ChatRequest(model, messages, tools, temperature, seed, maxCompletionTokens, prediction, stream,
                toolChoice, value);
    }
}
