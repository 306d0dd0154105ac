package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CostTest {
    private static final TokenCounter COUNTER = new TokenCounter();

    private final ModelCatalog catalog = new ModelCatalog();

    private BigDecimal cost(String model, long prompt, long cached, long completion) {
        return catalog.lookup(model).prices().orElseThrow().costOf(new Usage(prompt, cached, completion, false));
    }

    @Test
    void pricesCachedTokensAtTheCachedRate() {
        // 86 fresh x $2 + 1,920 cached x $0.50 + 300 out x $8, per million = 172 + 960 + 2,400 micro-dollars
        assertThat(cost("gpt-4.1", 2006, 1920, 300)).isEqualByComparingTo("0.003532");
        // a million in and a million out on mini: $0.40 + $1.60
        assertThat(cost("gpt-4.1-mini", 1_000_000, 0, 1_000_000)).isEqualByComparingTo("2.00");
        // 1,808 x $0.10 + 8,192 x $0.025 + 2,000 x $0.40 = 180.8 + 204.8 + 800 micro-dollars
        assertThat(cost("gpt-4.1-nano", 10_000, 8_192, 2_000)).isEqualByComparingTo("0.0011856");
        assertThat(Money.format(cost("gpt-4.1-nano", 10_000, 8_192, 2_000))).isEqualTo("$0.0012");
        assertThat(Money.format(cost("gpt-4.1-mini", 1_000_000, 0, 1_000_000))).isEqualTo("$2.00");
        assertThat(Money.format(cost("gpt-4.1", 14, 0, 1))).isEqualTo("<$0.0001");
        assertThat(Money.format(BigDecimal.ZERO)).isEqualTo("$0.0000");
    }

    @Test
    void sessionTotalsAddUpToTheCent() {
        CostLedger ledger = new CostLedger(catalog, null);
        for (int i = 0; i < 50; i++) {
            ledger.record("gpt-4.1-2025-04-14", new Usage(2006, 1920, 300, false));
        }
        ledger.record("gpt-4.1-mini", new Usage(1_000_000, 0, 1_000_000, false));

        Spend spend = ledger.spend();
        // 50 x $0.003532 + $2.00
        assertThat(spend.cost()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2.1766"));
        assertThat(spend.usage()).isEqualTo(new Usage(50 * 2006 + 1_000_000, 50 * 1920, 50 * 300 + 1_000_000, false));
        assertThat(spend.describe()).isEqualTo("51 requests, 1,100,300 tokens in (96,000 cached), 1,015,000 out, $2.18");
    }

    @Test
    void unknownModelsCostUnknownNotZero() {
        CostLedger ledger = new CostLedger(catalog, null);
        assertThat(ledger.record("llama3.1:8b", new Usage(100, 0, 10, false))).isEmpty();
        ledger.record("gpt-4.1", new Usage(1_000_000, 0, 0, false));

        assertThat(ledger.spend().cost()).isEmpty();
        assertThat(ledger.spend().describe()).endsWith("at least $2.00 (1 request(s) with unknown price)");
        assertThat(Money.format(Optional.empty())).isEqualTo("unknown");
    }

    @Test
    void catalogResolvesSnapshotsFineTunesAndOverrides() {
        assertThat(catalog.lookup("gpt-4.1-2025-04-14").contextWindow()).isEqualTo(OptionalInt.of(1_047_576));
        assertThat(catalog.lookup("ft:gpt-4.1-mini-2025-04-14:personal:fixer:AbC12345").prices().orElseThrow().output())
                .isEqualByComparingTo("1.60");
        assertThat(catalog.lookup("openai/gpt-4.1-nano").maxOutput()).isEqualTo(OptionalInt.of(32_768));
        assertThat(catalog.lookup("qwen2.5-coder").prices()).isEmpty();

        ModelSettings settings = new ModelSettings("qwen2.5-coder", Provider.COMPATIBLE, "http://localhost:11434/v1",
                null, "OPENAI_API_KEY", null, null, 2, ModelSettings.DEFAULT_TIMEOUT, null, 32_768, null,
                Prices.of("0", "0", "0"), null, null);
        ModelInfo local = ModelCatalog.forSettings(settings).lookup("qwen2.5-coder");
        assertThat(local.contextWindow()).isEqualTo(OptionalInt.of(32_768));
        assertThat(local.prices()).isPresent();
    }

    /** A model that answers every request with the same usage. */
    private static ChatModel answering(Usage usage) {
        return (request, events, cancellation) ->
                new ChatResponse("done", List.of(), "stop", usage, request.model(), null);
    }

    private static ChatRequest ask(String model) {
        return ChatRequest.of(model, List.of(new ChatMessage.User("fix the bug"))).withMaxCompletionTokens(100);
    }

    @Test
    void maxCostRefusesARequestThatWouldExceedWhatIsLeft() {
        CostLedger ledger = new CostLedger(catalog, new BigDecimal("0.01"));
        ChatModel model = new MeteredChatModel(answering(new Usage(1000, 0, 1000, false)), catalog, COUNTER, ledger);

        model.send(ask("gpt-4.1"));
        // first reply cost 1,000 x $2 + 1,000 x $8 per million = exactly $0.01: nothing left

        assertThatThrownBy(() -> model.send(ask("gpt-4.1")))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("only $0.0000 of --max-cost $0.0100 is left")
                .hasMessageContaining("raise --max-cost");
        assertThat(ledger.spend().requests()).isEqualTo(1);
    }

    @Test
    void maxCostCannotBeEnforcedForAnUnpricedModel() {
        CostLedger ledger = new CostLedger(catalog, BigDecimal.ONE);
        ChatModel model = new MeteredChatModel(answering(Usage.NONE), catalog, COUNTER, ledger);

        assertThatThrownBy(() -> model.send(ask("mystery-model")))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("price of mystery-model is unknown");
    }

    @Test
    void promptLongerThanTheWindowIsRefusedBeforeSending() {
        catalog.override(new ModelInfo("tiny", OptionalInt.of(20), OptionalInt.empty(), Optional.empty()));
        ChatModel model = new MeteredChatModel(answering(Usage.NONE), catalog, COUNTER, new CostLedger(catalog, null));
        ChatRequest big = ChatRequest.of("tiny", List.of(new ChatMessage.User("word ".repeat(100))));

        assertThatThrownBy(() -> model.send(big))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.PROMPT_TOO_LONG))
                .hasMessageMatching("prompt is 1\\d\\d tokens; tiny takes 20\\. .*");
    }

    @Test
    void missingUsageIsEstimatedLocallyAndMarkedSo() {
        CostLedger ledger = new CostLedger(catalog, null);
        ChatModel model = new MeteredChatModel(answering(null), catalog, COUNTER, ledger);

        ChatResponse response = model.send(ask("gpt-4.1"));

        assertThat(response.usage().estimated()).isTrue();
        assertThat(response.usage().promptTokens()).isEqualTo(COUNTER.countPrompt(ask("gpt-4.1")));
        assertThat(response.usage().completionTokens()).isEqualTo(1);
        assertThat(ledger.spend().describe()).contains("(partly estimated)");
    }
}
