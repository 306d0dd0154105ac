package dev.ratchet.model;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wraps a {@link ChatModel} with the checks that cost nothing: refuses a prompt longer than the
 * model's window, refuses a request that could break the cost budget, and books every reply in
 * the {@link CostLedger} (counting tokens locally when the server reported no usage, and for the
 * text of a stream that broke and was retried).
 *
 * <p>The cost estimate assumes every prompt token is uncached and the reply is as long as
 * {@code max_completion_tokens}, or the prediction, or {@value #ASSUMED_REPLY_TOKENS} tokens
 * when neither is set, capped at the model's maximum output.
 */
public final class MeteredChatModel implements ChatModel {
    static final int ASSUMED_REPLY_TOKENS = 4_096;

    private final ChatModel delegate;
    private final ModelCatalog catalog;
    private final TokenCounter counter;
    private final CostLedger ledger;

    public MeteredChatModel(ChatModel delegate, ModelCatalog catalog, TokenCounter counter, CostLedger ledger) {
        this.delegate = delegate;
        this.catalog = catalog;
        this.counter = counter;
        this.ledger = ledger;
    }

    public CostLedger ledger() {
        return ledger;
    }

    @Override
    public ChatResponse send(ChatRequest request, Consumer<ChatEvent> events, Cancellation cancellation) {
        ModelInfo info = catalog.lookup(request.model());
        int promptTokens = counter.countPrompt(request);
        if (info.contextWindow().isPresent() && promptTokens > info.contextWindow().getAsInt()) {
            throw new ModelException(ModelException.Kind.PROMPT_TOO_LONG, String.format(
                    "prompt is %,d tokens; %s takes %,d. Send fewer or smaller files", promptTokens, request.model(),
                    info.contextWindow().getAsInt()));
        }
        int replyTokens = assumedReplyTokens(request, info);
        Optional<BigDecimal> estimate = info.prices()
                .map(prices -> prices.costOf(new Usage(promptTokens, 0, replyTokens, true)));
        ledger.checkAffordable(request.model(), estimate,
                String.format("%,d prompt tokens + up to %,d reply tokens", promptTokens, replyTokens));

        // Completed is re-sent after booking, so listeners see the same usage the caller gets.
        // A stream cut after text arrived is still billed by the server, so its text is booked
        // (estimated) before the retry starts over.
        StringBuilder attemptText = new StringBuilder();
        ChatResponse response = delegate.send(request, event -> {
            if (event instanceof ChatEvent.TextDelta delta) {
                attemptText.append(delta.text());
            } else if (event instanceof ChatEvent.Retrying && attemptText.length() > 0) {
                ledger.record(request.model(), new Usage(promptTokens, 0, counter.count(attemptText.toString()), true));
                attemptText.setLength(0);
            }
            if (!(event instanceof ChatEvent.Completed)) {
                events.accept(event);
            }
        }, cancellation);
        ChatResponse booked = response.usage() != null ? response
                : response.withUsage(new Usage(promptTokens, 0, replyTokensOf(response), true));
        ledger.record(request.model(), booked.usage());
        events.accept(new ChatEvent.Completed(booked));
        return booked;
    }

    private int assumedReplyTokens(ChatRequest request, ModelInfo info) {
        int assumed = request.maxCompletionTokens() != null ? request.maxCompletionTokens()
                : request.prediction() != null ? counter.count(request.prediction()) : ASSUMED_REPLY_TOKENS;
        return info.maxOutput().isPresent() ? Math.min(assumed, info.maxOutput().getAsInt()) : assumed;
    }

    private int replyTokensOf(ChatResponse response) {
        int tokens = counter.count(response.text());
        for (ToolCall call : response.toolCalls()) {
            tokens += counter.count(call.name()) + counter.count(call.arguments()) + TokenCounter.PER_MESSAGE;
        }
        return tokens;
    }
}
