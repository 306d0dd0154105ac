package dev.ratchet.model;

import java.util.function.Consumer;

/** Sends a conversation to a model and returns its reply; the one seam the agent talks through. */
public interface ChatModel {

    /**
     * Sends the request, reporting progress to {@code events} on the calling thread, and returns the
     * complete reply. Throws {@link ModelException} when the model cannot answer (after retries),
     * {@link ChatCancelledException} when {@code cancellation} fires, and
     * {@link BudgetExceededException} when the request would break the cost budget.
     */
    ChatResponse send(ChatRequest request, Consumer<ChatEvent> events, Cancellation cancellation);

    default ChatResponse send(ChatRequest request) {
        return send(request, event -> { }, new Cancellation());
    }
}
