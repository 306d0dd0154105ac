package dev.ratchet.context;

import java.math.BigDecimal;
import java.util.List;

/**
 * The GPT-4.1 family as published by OpenAI (docs/openai-api.md section 4, April 2025 prices), until
 * the model package's catalog is wired in its place.
 */
public final class Gpt41Prices implements ModelCatalog {
    private static final List<ModelPrice> MODELS = List.of(
            new ModelPrice("gpt-4.1", 1_047_576, 32_768, new BigDecimal("2.00"), new BigDecimal("0.50"), new BigDecimal("8.00")),
            new ModelPrice("gpt-4.1-mini", 1_047_576, 32_768, new BigDecimal("0.40"), new BigDecimal("0.10"), new BigDecimal("1.60")),
            new ModelPrice("gpt-4.1-nano", 1_047_576, 32_768, new BigDecimal("0.10"), new BigDecimal("0.025"), new BigDecimal("0.40")));

    @Override
    public List<ModelPrice> models() {
        return MODELS;
    }
}
