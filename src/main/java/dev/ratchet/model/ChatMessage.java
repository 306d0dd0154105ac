package dev.ratchet.model;

import java.util.List;
import java.util.Objects;

/** One message of a conversation, in the roles Chat Completions knows. */
public sealed interface ChatMessage {

    /** The role name on the wire. */
    String role();

    /** Standing instructions; sent as {@code system}, which GPT-4.1 and every compatible server accept. */
    record SystemPrompt(String text) implements ChatMessage {
        public SystemPrompt {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String role() {
            return "system";
        }
    }

    /** What the user (or the agent on the user's behalf) says. */
    record User(String text) implements ChatMessage {
        public User {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String role() {
            return "user";
        }
    }

    /** An earlier model reply: text, tool calls, or both. */
    record Assistant(String text, List<ToolCall> toolCalls) implements ChatMessage {
        public Assistant {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }

        public Assistant(String text) {
            this(text, List.of());
        }

        @Override
        public String role() {
            return "assistant";
        }
    }

    /** The result of running one tool call, answering the call with the same id. */
    record ToolResult(String toolCallId, String content) implements ChatMessage {
        public ToolResult {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "tool";
        }
    }
}
