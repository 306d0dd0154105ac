package dev.ratchet.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The models ratchet knows, with windows and prices from OpenAI's published tables (see
 * docs/openai-api.md, section 4). Dated snapshots ({@code gpt-4.1-2025-04-14}), fine-tunes
 * ({@code ft:gpt-4.1-2025-04-14:org:suffix:id}) and OpenRouter-style ids ({@code openai/gpt-4.1})
 * resolve to their base model. Overrides from the config win over the table and make unknown
 * models measurable.
 */
public final class ModelCatalog {
    private static final Pattern SNAPSHOT = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
    private static final int WINDOW_4_1 = 1_047_576;
    private static final int OUTPUT_4_1 = 32_768;

    private final Map<String, ModelInfo> known = new LinkedHashMap<>();
    private final Map<String, ModelInfo> overrides = new LinkedHashMap<>();

    /** The built-in table. */
    public ModelCatalog() {
        add("gpt-4.1", WINDOW_4_1, OUTPUT_4_1, Prices.of("2.00", "0.50", "8.00"));
        add("gpt-4.1-mini", WINDOW_4_1, OUTPUT_4_1, Prices.of("0.40", "0.10", "1.60"));
        add("gpt-4.1-nano", WINDOW_4_1, OUTPUT_4_1, Prices.of("0.10", "0.025", "0.40"));
        add("gpt-4o", 128_000, 16_384, Prices.of("2.50", "1.25", "10.00"));
    }

    /** The built-in table, with the configured model's window, output limit and prices overridden where set. */
    public static ModelCatalog forSettings(ModelSettings settings) {
        ModelCatalog catalog = new ModelCatalog();
        if (settings.contextWindow() != null || settings.maxOutput() != null || settings.prices() != null) {
            ModelInfo base = catalog.lookup(settings.model());
            catalog.override(new ModelInfo(settings.model(),
                    settings.contextWindow() != null ? OptionalInt.of(settings.contextWindow()) : base.contextWindow(),
                    settings.maxOutput() != null ? OptionalInt.of(settings.maxOutput()) : base.maxOutput(),
                    settings.prices() != null ? Optional.of(settings.prices()) : base.prices()));
        }
        return catalog;
    }

    private void add(String name, int window, int output, Prices prices) {
        known.put(name, new ModelInfo(name, OptionalInt.of(window), OptionalInt.of(output), Optional.of(prices)));
    }

    /** Replaces what is known about one model name (exact name, as sent to the server). */
    public void override(ModelInfo info) {
        overrides.put(info.name(), info);
    }

    /** Everything known about {@code name}; an unknown model gets an entry with nothing known. */
    public ModelInfo lookup(String name) {
        ModelInfo override = overrides.get(name);
        if (override != null) {
            return override;
        }
        String base = baseName(name);
        ModelInfo info = known.get(base);
        return info == null ? ModelInfo.unknown(name) : info.named(name);
    }

    /** The built-in models, in table order. */
    public List<ModelInfo> listed() {
        List<ModelInfo> all = new ArrayList<>(known.values());
        overrides.values().stream().filter(o -> !known.containsKey(o.name())).forEach(all::add);
        return all;
    }

    /** Strips the fine-tune wrapper, the provider prefix and the snapshot date. */
    static String baseName(String name) {
        String base = name;
        if (base.startsWith("ft:")) {
            String rest = base.substring(3);
            int colon = rest.indexOf(':');
            base = colon < 0 ? rest : rest.substring(0, colon);
        }
        if (base.startsWith("openai/")) {
            base = base.substring("openai/".length());
        }
        return SNAPSHOT.matcher(base).replaceFirst("");
    }
}
