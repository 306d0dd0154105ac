package dev.ratchet.context;

import dev.ratchet.model.ModelCatalog;
import dev.ratchet.model.ModelInfo;
import dev.ratchet.model.Prices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What sending a context costs on one model: the first request at the full input price, and a
 * repeat whose stable prefix (everything before the feedback) hits OpenAI's prompt cache. Output
 * is not included: it depends on the answer.
 */
public record CostEstimate(String model, boolean fits, BigDecimal firstRequest, BigDecimal cachedRepeat) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** OpenAI caches prefixes of at least this many tokens, in steps of 128. */
    private static final int CACHE_MINIMUM = 1024;
    private static final int CACHE_STEP = 128;

    /** Estimates for every model of the catalog whose window and prices are known. */
    public static List<CostEstimate> of(AssembledContext context, ModelCatalog catalog, int answerTokens) {
        int stablePrefix = stablePrefixTokens(context);
        return catalog.listed().stream()
                .filter(model -> model.contextWindow().isPresent() && model.prices().isPresent())
                .map(model -> of(context.totalTokens(), stablePrefix, model, answerTokens)).toList();
    }

    static CostEstimate of(int total, int stablePrefix, ModelInfo model, int answerTokens) {
        Prices prices = model.prices().orElseThrow();
        int cached = stablePrefix < CACHE_MINIMUM ? 0 : stablePrefix / CACHE_STEP * CACHE_STEP;
        BigDecimal first = prices.input().multiply(BigDecimal.valueOf(total)).divide(MILLION, 6, RoundingMode.HALF_UP);
        BigDecimal repeat = prices.cachedInput().multiply(BigDecimal.valueOf(cached))
                .add(prices.input().multiply(BigDecimal.valueOf(total - cached)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
        return new CostEstimate(model.name(), total + answerTokens <= model.contextWindow().getAsInt(), first, repeat);
    }

    /** Tokens before the first section that changes between iterations. */
    static int stablePrefixTokens(AssembledContext context) {
        int tokens = 0;
        for (ContextSection section : context.sections()) {
            if (section.name().startsWith("feedback") || section.name().equals("reminder")) {
                break;
            }
            tokens += section.tokens();
        }
        return tokens;
    }
}
