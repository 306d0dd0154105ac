package dev.ratchet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * Replies as a Chat Completions server streams them, for a MockWebServer playing the model:
 * text in small content chunks, tool calls in argument fragments, a finish chunk, the usage chunk
 * and [DONE], shaped as openai-api.md section 1.4 describes.
 */
final class ChatStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool call of a reply; {@code arguments} is the JSON text the model writes (it may be malformed). */
    record Call(String id, String name, String arguments) {
    }

    private ChatStream() {
    }

    /** A streamed text reply: the text in small chunks, a stop chunk, the usage chunk, [DONE]. */
    static MockResponse text(String text, long promptTokens, long cachedTokens, long completionTokens) {
        return reply(text, List.of(), promptTokens, cachedTokens, completionTokens);
    }

    /** A streamed reply of some text (may be empty) and tool calls, finishing with "tool_calls". */
    static MockResponse reply(String text, List<Call> calls, long promptTokens, long cachedTokens, long completionTokens) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < text.length(); i += 37) {
            String piece = text.substring(i, Math.min(text.length(), i + 37));
            body.append(chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(piece) + "},\"finish_reason\":null}],\"usage\":null"));
        }
        for (int index = 0; index < calls.size(); index++) {
            Call call = calls.get(index);
            body.append(chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":"
                    + index + ",\"id\":" + quote(call.id()) + ",\"type\":\"function\",\"function\":{\"name\":" + quote(call.name())
                    + ",\"arguments\":\"\"}}]},\"finish_reason\":null}],\"usage\":null"));
            String arguments = call.arguments();
            for (int i = 0; i < arguments.length(); i += 23) {
                String piece = arguments.substring(i, Math.min(arguments.length(), i + 23));
                body.append(chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index
                        + ",\"function\":{\"arguments\":" + quote(piece) + "}}]},\"finish_reason\":null}],\"usage\":null"));
            }
        }
        String finish = calls.isEmpty() ? "stop" : "tool_calls";
        body.append(chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + finish + "\"}],\"usage\":null"));
        body.append(chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + ",\"prompt_tokens_details\":{\"cached_tokens\":"
                + cachedTokens + "}}"));
        body.append("data: [DONE]\n\n");
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req_e2e").body(body.toString()).build();
    }

    /** A tool call whose arguments are {@code arguments} written as JSON. */
    static Call call(String id, String name, Object arguments) {
        try {
            return new Call(id, name, JSON.writeValueAsString(arguments));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chunk(String rest) {
        return "data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1-2025-04-14\"," + rest + "}\n\n";
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
