package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds one {@link ChatResponse} from a reply: either the chunks of a stream, fed one by one, or
 * a whole non-streamed body. Tool-call fragments are merged by their {@code index}; a fragment
 * that brings a new {@code id} for an index already in use starts a new call, because some
 * Ollama-compatible servers send every parallel call at index 0. Never indexes {@code choices}
 * blindly: Azure sends chunks with empty {@code choices} or without {@code delta}.
 */
final class ReplyAssembler {
    private final Consumer<ChatEvent> events;
    private final Function<ErrorReply, ModelException> streamError;
    private final StringBuilder text = new StringBuilder();
    private final List<CallUnderConstruction> calls = new ArrayList<>();
    private final Map<Integer, CallUnderConstruction> callByIndex = new HashMap<>();
    private String finishReason;
    private Usage usage;
    private String model;

    ReplyAssembler(Consumer<ChatEvent> events, Function<ErrorReply, ModelException> streamError) {
        this.events = events;
        this.streamError = streamError;
    }

    /** Takes one streamed chunk. */
    void chunk(JsonNode chunk) {
        if (!chunk.isObject()) {
            throw protocol("a stream chunk is not a JSON object: " + ErrorReply.excerpt(chunk.toString()));
        }
        if (chunk.hasNonNull("error")) {
            JsonNode error = chunk.get("error");
            throw streamError.apply(error.isObject() ? ErrorReply.fromNode(error)
                    : new ErrorReply(error.asText(), null, null));
        }
        rememberModel(chunk);
        readUsage(chunk.get("usage"));
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                continue;
            }
            JsonNode delta = choice.path("delta");
            appendText(delta.get("content"));
            appendText(delta.get("refusal"));
            for (JsonNode fragment : delta.path("tool_calls")) {
                mergeFragment(fragment);
            }
            String reason = textOrNull(choice.get("finish_reason"));
            if (reason != null) {
                finishReason = reason;
            }
        }
    }

    /** Takes a whole non-streamed {@code chat.completion} body. */
    void whole(JsonNode body) {
        if (!body.isObject()) {
            throw protocol("the reply is not a JSON object: " + ErrorReply.excerpt(body.toString()));
        }
        if (body.hasNonNull("error")) {
            JsonNode error = body.get("error");
            throw streamError.apply(error.isObject() ? ErrorReply.fromNode(error)
                    : new ErrorReply(error.asText(), null, null));
        }
        JsonNode choices = body.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw protocol("the reply has no choices: " + ErrorReply.excerpt(body.toString()));
        }
        rememberModel(body);
        readUsage(body.get("usage"));
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        appendText(message.get("content"));
        appendText(message.get("refusal"));
        int position = 0;
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            CallUnderConstruction built = new CallUnderConstruction(position++);
            built.id = textOrNull(call.get("id"));
            built.name = textOrNull(function.get("name"));
            JsonNode arguments = function.get("arguments");
            if (arguments != null && !arguments.isNull()) {
                // Some servers send arguments as an object instead of a JSON string.
                built.arguments.append(arguments.isTextual() ? arguments.asText() : arguments.toString());
            }
            calls.add(built);
        }
        finishReason = textOrNull(choice.get("finish_reason"));
        if (finishReason == null) {
            throw protocol("the reply has no finish_reason: " + ErrorReply.excerpt(body.toString()));
        }
    }

    boolean finished() {
        return finishReason != null;
    }

    boolean hasText() {
        return text.length() > 0;
    }

    /** The assembled response; announces each tool call now that its arguments are complete. */
    ChatResponse complete(String requestId) {
        List<ToolCall> done = new ArrayList<>();
        for (CallUnderConstruction call : calls) {
            if (call.name == null || call.name.isEmpty()) {
                throw protocol("the server sent tool call #" + (call.position + 1) + " without a function name");
            }
            String id = call.id == null || call.id.isEmpty() ? "call_" + (call.position + 1) : call.id;
            done.add(new ToolCall(id, call.name, call.arguments.toString()));
        }
        done.forEach(call -> events.accept(new ChatEvent.ToolCallReady(call)));
        return new ChatResponse(text.toString(), done, finishReason, usage, model, requestId);
    }

    private void mergeFragment(JsonNode fragment) {
        int index = fragment.path("index").asInt(calls.size());
        String id = textOrNull(fragment.get("id"));
        CallUnderConstruction call = callByIndex.get(index);
        if (call == null || (id != null && call.id != null && !id.equals(call.id))) {
            call = new CallUnderConstruction(calls.size());
            calls.add(call);
            callByIndex.put(index, call);
        }
        if (id != null) {
            call.id = id;
        }
        JsonNode function = fragment.path("function");
        String name = textOrNull(function.get("name"));
        if (name != null && !name.isEmpty()) {
            call.name = call.name == null ? name : call.name.equals(name) ? name : call.name + name;
        }
        JsonNode arguments = function.get("arguments");
        if (arguments != null && !arguments.isNull()) {
            call.arguments.append(arguments.isTextual() ? arguments.asText() : arguments.toString());
        }
    }

    private void appendText(JsonNode piece) {
        if (piece != null && piece.isTextual() && !piece.asText().isEmpty()) {
            text.append(piece.asText());
            events.accept(new ChatEvent.TextDelta(piece.asText()));
        }
    }

    private void readUsage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        long prompt = node.path("prompt_tokens").asLong(0);
        long completion = node.path("completion_tokens").asLong(0);
        long cached = Math.min(prompt, node.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        usage = new Usage(Math.max(prompt, 0), Math.max(cached, 0), Math.max(completion, 0), false);
    }

    private void rememberModel(JsonNode node) {
        String name = textOrNull(node.get("model"));
        if (name != null) {
            model = name;
        }
    }

    private static ModelException protocol(String what) {
        return new ModelException(ModelException.Kind.PROTOCOL, "the server's reply is malformed: " + what);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** One tool call whose fragments are still arriving. */
    private static final class CallUnderConstruction {
        final int position;
        final StringBuilder arguments = new StringBuilder();
        String id;
        String name;

        CallUnderConstruction(int position) {
            this.position = position;
        }
    }
}
