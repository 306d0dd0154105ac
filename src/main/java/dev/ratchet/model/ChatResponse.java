package dev.ratchet.model;

import java.util.List;

/**
 * A complete model reply: the text, the assembled tool calls, why it stopped, and the usage.
 * {@code usage} is null only when the server reported none; the metering layer then estimates it.
 * {@code requestId} is the server's {@code x-request-id}, or null when it sent none.
 * {@code finishReason} ({@code stop}, {@code length}, {@code tool_calls}, {@code content_filter})
 * is null only when a server ended its stream properly without giving one.
 */
public record ChatResponse(String text, List<ToolCall> toolCalls, String finishReason, Usage usage,
        String model, String requestId) {
    public ChatResponse {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }

    public ChatResponse withUsage(Usage newUsage) {
        return new ChatResponse(text, toolCalls, finishReason, newUsage, model, requestId);
    }

    /** The reply as an assistant message, ready to append to the conversation. */
    public ChatMessage.Assistant asMessage() {
        return new ChatMessage.Assistant(text, toolCalls);
    }
}
