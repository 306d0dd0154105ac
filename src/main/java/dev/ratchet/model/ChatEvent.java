package dev.ratchet.model;

import java.time.Duration;

/** What a chat model reports while a request runs, in order. */
public sealed interface ChatEvent {

    /** A piece of reply text, as it streams in. */
    record TextDelta(String text) implements ChatEvent {
    }

    /** A tool call, once its arguments have fully arrived. */
    record ToolCallReady(ToolCall call) implements ChatEvent {
    }

    /**
     * Attempt number {@code attempt} (1 = the first) failed for {@code reason} and will be retried
     * after {@code delay}. Any text already delivered by
     * {@link TextDelta} belongs to the failed attempt: discard it, the retry starts from scratch.
     */
    record Retrying(int attempt, Duration delay, String reason) implements ChatEvent {
    }

    /** The request finished; this is the same response {@link ChatModel#send} returns. */
    record Completed(ChatResponse response) implements ChatEvent {
    }
}
