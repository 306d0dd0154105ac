package dev.ratchet.config;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ratchet.model.ModelSettings;
import dev.ratchet.model.Prices;
import dev.ratchet.model.Provider;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Settings} from four layers, strongest first: command-line flags, environment
 * variables, the repository's {@code .ratchet.yml}, and the user's
 * {@code $XDG_CONFIG_HOME/ratchet/config.yml} (default {@code ~/.config/ratchet/config.yml}).
 * The API key only ever comes from the environment.
 */
public final class ConfigLoader {
    public static final String REPO_FILE = ".ratchet.yml";

    private final Map<String, String> env;
    private final Path userHome;

    /** {@code env} is the process environment; {@code userHome} is where {@code ~} points (tests pass a temp dir). */
    public ConfigLoader(Map<String, String> env, Path userHome) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
    }

    /** The user-level config file this loader reads. */
    public Path userConfigFile() {
        String xdg = env(("XDG_CONFIG_HOME"));
        Path base = xdg != null ? Path.of(xdg) : userHome.resolve(".config");
        return base.resolve("ratchet").resolve("config.yml");
    }

    /** Layers the four sources; {@code flags} holds only the flags the user actually gave. */
    public Settings load(Path repoRoot, Map<ConfigKey, String> flags) {
        Map<ConfigKey, ConfigValue> merged = new EnumMap<>(ConfigKey.class);
        Path userFile = userConfigFile();
        merged.putAll(ConfigFile.read(userFile, userFile.toString()));
        if (repoRoot != null) {
            Path repoFile = repoRoot.resolve(REPO_FILE);
            merged.putAll(ConfigFile.read(repoFile, repoFile.toString()));
        }
        for (ConfigKey key : ConfigKey.values()) {
            for (String variable : key.environment()) {
                String value = env(variable);
                if (value != null) {
                    merged.put(key, new ConfigValue(TextNode.valueOf(value), "environment variable " + variable));
                    break;
                }
            }
        }
        flags.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, new ConfigValue(TextNode.valueOf(value), "--" + key.yamlName().replace('_', '-')
                        .replace('.', '-')));
            }
        });
        ResolvedConfig values = new ResolvedConfig(merged);
        return new Settings(values, modelSettings(values));
    }

    private ModelSettings modelSettings(ResolvedConfig values) {
        String model = values.text(ConfigKey.MODEL).orElse(ModelSettings.DEFAULT_MODEL);
        String baseUrl = values.text(ConfigKey.BASE_URL).orElse(null);
        if (baseUrl != null && !baseUrl.matches("(?i)https?://.+")) {
            ConfigValue value = values.value(ConfigKey.BASE_URL).orElseThrow();
            throw ResolvedConfig.invalid(ConfigKey.BASE_URL, value, "an http:// or https:// URL");
        }
        Provider provider = provider(values, baseUrl);
        String keyVariable = values.text(ConfigKey.API_KEY_ENV).orElse(provider.defaultKeyVariable());
        int retries = values.integer(ConfigKey.RETRIES, 0, 10).orElse(ModelSettings.DEFAULT_RETRIES);
        Duration timeout = values.decimal(ConfigKey.TIMEOUT_SECONDS, "120")
                .map(seconds -> Duration.ofMillis(seconds.movePointRight(3).longValue()))
                .orElse(ModelSettings.DEFAULT_TIMEOUT);
        if (timeout.isZero()) {
            ConfigValue value = values.value(ConfigKey.TIMEOUT_SECONDS).orElseThrow();
            throw ResolvedConfig.invalid(ConfigKey.TIMEOUT_SECONDS, value, "more than 0 seconds");
        }
        return new ModelSettings(model, provider, baseUrl, env(keyVariable), keyVariable,
                values.text(ConfigKey.AZURE_DEPLOYMENT).orElse(null),
                values.text(ConfigKey.AZURE_API_VERSION).orElse(null),
                retries, timeout,
                values.decimal(ConfigKey.MAX_COST, "2.50").orElse(null),
                values.integer(ConfigKey.CONTEXT_WINDOW, 1, Integer.MAX_VALUE).orElse(null),
                values.integer(ConfigKey.MAX_OUTPUT, 1, Integer.MAX_VALUE).orElse(null),
                prices(values).orElse(null),
                values.value(ConfigKey.RECORD).map(ConfigValue::path).orElse(null),
                values.value(ConfigKey.REPLAY).map(ConfigValue::path).orElse(null));
    }

    private static Provider provider(ResolvedConfig values, String baseUrl) {
        Optional<ConfigValue> given = values.value(ConfigKey.PROVIDER);
        if (given.isEmpty()) {
            return Provider.detect(baseUrl);
        }
        try {
            return Provider.valueOf(given.get().text().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ResolvedConfig.invalid(ConfigKey.PROVIDER, given.get(), "openai, azure or compatible");
        }
    }

    private static Optional<Prices> prices(ResolvedConfig values) {
        Optional<BigDecimal> input = values.decimal(ConfigKey.PRICE_INPUT, "2.00");
        Optional<BigDecimal> cached = values.decimal(ConfigKey.PRICE_CACHED_INPUT, "0.50");
        Optional<BigDecimal> output = values.decimal(ConfigKey.PRICE_OUTPUT, "8.00");
        if (input.isEmpty() && cached.isEmpty() && output.isEmpty()) {
            return Optional.empty();
        }
        if (input.isEmpty() || output.isEmpty()) {
            ConfigValue some = values.value(ConfigKey.PRICE_INPUT).or(() -> values.value(ConfigKey.PRICE_OUTPUT))
                    .or(() -> values.value(ConfigKey.PRICE_CACHED_INPUT)).orElseThrow();
            throw new ConfigException(some.source() + ": a price override needs both price.input and price.output "
                    + "(dollars per million tokens); price.cached_input is optional");
        }
        return Optional.of(new Prices(input.get(), cached.orElse(null), output.get()));
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
