package dev.ratchet.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The winning value of every setting after layering (flags over environment over the repository's
 * {@code .ratchet.yml} over the user's config). Typed getters reject malformed values with a
 * message naming where the value came from.
 */
public final class ResolvedConfig {
    private final Map<ConfigKey, ConfigValue> values;

    public ResolvedConfig(Map<ConfigKey, ConfigValue> values) {
        EnumMap<ConfigKey, ConfigValue> copy = new EnumMap<>(ConfigKey.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
    }

    public Optional<ConfigValue> value(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<ConfigKey, ConfigValue> all() {
        return values;
    }

    public Optional<String> text(ConfigKey key) {
        return value(key).map(ConfigValue::text).map(String::strip).filter(text -> !text.isEmpty());
    }

    public Optional<Integer> integer(ConfigKey key, int min, int max) {
        return value(key).map(value -> {
            try {
                int number = Integer.parseInt(value.text().strip().replace("_", "").replace(",", ""));
                if (number < min || number > max) {
                    throw invalid(key, value, "a whole number from " + min + " to " + max);
                }
                return number;
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a whole number from " + min + " to " + max);
            }
        });
    }

    public Optional<BigDecimal> decimal(ConfigKey key, String example) {
        return value(key).map(value -> {
            try {
                BigDecimal number = new BigDecimal(value.text().strip().replaceFirst("^\\$", ""));
                if (number.signum() < 0) {
                    throw invalid(key, value, "a number of 0 or more, like " + example);
                }
                return number;
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a number of 0 or more, like " + example);
            }
        });
    }

    static ConfigException invalid(ConfigKey key, ConfigValue value, String expected) {
        return new ConfigException(value.source() + ": " + key.yamlName() + " must be " + expected + ", not '"
                + value.text() + "'");
    }
}
