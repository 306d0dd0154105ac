package dev.ratchet.cli;

import dev.ratchet.config.ConfigKey;
import dev.ratchet.config.Settings;
import dev.ratchet.model.ModelSettings;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which model, if any, ranks files ({@code --rank-model} or {@code rank_model:}), and the settings to reach it. */
final class RankModel {
    private static final Set<String> OFF = Set.of("none", "off", "false", "no");

    private RankModel() {
    }

    /** The rank model's name; empty when none is set or it is set to none. */
    static Optional<String> name(Settings settings) {
        return settings.values().text(ConfigKey.RANK_MODEL).filter(name -> !OFF.contains(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The configured endpoint, key, retries and budget, for {@code name}. Window and price overrides
     * (and an Azure deployment name) describe the configured edit model, so they carry over only when
     * the rank model is that model; on Azure the rank model is otherwise its own deployment name.
     */
    static ModelSettings settingsFor(String name, ModelSettings base) {
        boolean same = name.equals(base.model());
        return new ModelSettings(name, base.provider(), base.baseUrl(), base.apiKey(), base.apiKeyVariable(),
                same ? base.azureDeployment() : null, base.azureApiVersion(),
                base.retries(), base.timeout(), base.maxCost(), same ? base.contextWindow() : null,
                same ? base.maxOutput() : null, same ? base.prices() : null, base.record(), base.replay());
    }
}
