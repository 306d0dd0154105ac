package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cassette format shared by {@link CassetteRecorder} and {@link CassettePlayer}: JSON Lines,
 * one exchange per line, in the order the requests were made (retried attempts included).
 *
 * <pre>{@code
 * {"expect":{"model":"gpt-4.1","messages":2,"tools":["read_file"]},
 *  "request":{ ...the request body as sent, which never holds the key... },
 *  "reply":{"status":200,"headers":{"content-type":"text/event-stream","x-request-id":"req_1"},
 *           "body":"data: {...}\n\ndata: [DONE]\n\n"}}
 * }</pre>
 *
 * <ul>
 *   <li>{@code expect} (optional, each field optional): replay fails unless the request has this
 *       model, this many messages and exactly these tool names, in order.</li>
 *   <li>{@code request} (optional): the recorded body, for people; replay does not read it.</li>
 *   <li>{@code reply}, raw form: {@code status} (default 200), {@code headers} (only
 *       content-type, x-request-id and the retry headers are kept; never auth), {@code body} (the
 *       SSE text or JSON exactly as received), and {@code "broken": "<error>"} (or {@code true})
 *       when the connection dropped after that body.</li>
 *   <li>{@code reply}, hand-written form: {@code {"content":"text"}}, optionally with
 *       {@code "tool_calls":[{"id":"call_1","name":"read_file","arguments":{"path":"A.java"}}]}
 *       (arguments as an object or a JSON string), {@code "finish_reason"} and
 *       {@code "usage":{"prompt_tokens":10,"completion_tokens":5,"cached_tokens":0}}. It is
 *       turned into a normal non-streamed response body and parsed like any other.</li>
 *   <li>{@code reply}, failed connection: {@code {"failure":"message"}}.</li>
 * </ul>
 *
 * Smallest useful line: {@code {"reply":{"content":"Nothing to change."}}}
 */
public final class Cassette {
    static final Set<String> KEPT_HEADERS = Set.of("content-type", "x-request-id", "apim-request-id", "retry-after", "retry-after-ms",
            "x-should-retry");

    private Cassette() {
    }

    /** The {@code expect} summary of a request body: model, message count, tool names. */
    static ObjectNode expectation(ObjectMapper json, byte[] requestBody) {
        ObjectNode expect = json.createObjectNode();
        JsonNode body;
        try {
            body = json.readTree(new String(requestBody, StandardCharsets.UTF_8));
        } catch (Exception notJson) {
            return expect;
        }
        expect.put("model", body.path("model").asText());
        expect.put("messages", body.path("messages").size());
        ArrayNode tools = expect.putArray("tools");
        toolNames(body).forEach(tools::add);
        return expect;
    }

    static List<String> toolNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            names.add(tool.path("function").path("name").asText(tool.path("name").asText()));
        }
        return names;
    }
}
