package dev.ratchet.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Turns a {@link ChatRequest} into the Chat Completions JSON body. */
final class ChatRequestEncoder {
    private final ObjectMapper json;
    private final WireDialect dialect;

    ChatRequestEncoder(ObjectMapper json, WireDialect dialect) {
        this.json = json;
        this.dialect = dialect;
    }

    byte[] encode(ChatRequest request) {
        try {
            return json.writeValueAsString(toJson(request)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("could not write a chat request as JSON", impossible);
        }
    }

    ObjectNode toJson(ChatRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message)));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                ObjectNode entry = tools.addObject();
                entry.put("type", "function");
                ObjectNode function = entry.putObject("function");
                function.put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    function.put("description", tool.description());
                }
                if (tool.parameters() != null) {
                    function.set("parameters", tool.parameters());
                }
                if (tool.strict()) {
                    function.put("strict", true);
                }
            }
            if (request.toolChoice() != null) {
                if (Set.of("auto", "none", "required").contains(request.toolChoice())) {
                    body.put("tool_choice", request.toolChoice());
                } else {
                    ObjectNode choice = body.putObject("tool_choice");
                    choice.put("type", "function");
                    choice.putObject("function").put("name", request.toolChoice());
                }
            }
            if (request.parallelToolCalls() != null) {
                body.put("parallel_tool_calls", request.parallelToolCalls());
            }
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.maxCompletionTokens() != null) {
            body.put(dialect.maxTokensField(), request.maxCompletionTokens());
        }
        if (request.prediction() != null) {
            ObjectNode prediction = body.putObject("prediction");
            prediction.put("type", "content");
            prediction.put("content", request.prediction());
        }
        if (request.stream()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private ObjectNode message(ChatMessage message) {
        ObjectNode node = json.createObjectNode();
        node.put("role", message.role());
        if (message instanceof ChatMessage.SystemPrompt system) {
            node.put("content", system.text());
        } else if (message instanceof ChatMessage.User user) {
            node.put("content", user.text());
        } else if (message instanceof ChatMessage.ToolResult result) {
            node.put("tool_call_id", result.toolCallId());
            node.put("content", result.content());
        } else if (message instanceof ChatMessage.Assistant assistant) {
            if (assistant.toolCalls().isEmpty() || !assistant.text().isEmpty()) {
                node.put("content", assistant.text());
            } else {
                node.putNull("content");
            }
            if (!assistant.toolCalls().isEmpty()) {
                ArrayNode calls = node.putArray("tool_calls");
                for (ToolCall call : assistant.toolCalls()) {
                    ObjectNode entry = calls.addObject();
                    entry.put("id", call.id());
                    entry.put("type", "function");
                    ObjectNode function = entry.putObject("function");
                    function.put("name", call.name());
                    function.put("arguments", call.arguments());
                }
            }
        }
        return node;
    }
}
