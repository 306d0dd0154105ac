package dev.ratchet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one YAML config file into settings, remembering each value's line. Rejects unknown keys
 * (naming file, line and the closest known key) and malformed YAML (naming file and line), so a
 * typo never silently falls back to a default.
 */
final class ConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFile() {
    }

    /** The settings in {@code file}, or none when it does not exist. */
    static Map<ConfigKey, ConfigValue> read(Path file, String displayName) {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        if (!Files.isRegularFile(file)) {
            return values;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return values;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(displayName + " line " + line(parser) + ": expected 'key: value' lines "
                        + "at the top level (for example 'model: gpt-4.1')");
            }
            readSection(parser, "", displayName, file.toAbsolutePath().getParent(), values);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ConfigException(displayName + (where == null ? "" : " line " + where.getLineNr())
                    + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static void readSection(JsonParser parser, String prefix, String displayName, Path directory,
            Map<ConfigKey, ConfigValue> values) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            int line = line(parser);
            JsonToken valueToken = parser.nextToken();
            if (valueToken == JsonToken.START_OBJECT && ConfigKey.isSection(name)) {
                readSection(parser, name + ".", displayName, directory, values);
                continue;
            }
            ConfigKey key = ConfigKey.byYamlName(name).orElseThrow(() -> unknownKey(displayName, line, name));
            if (values.containsKey(key)) {
                throw new ConfigException(displayName + " line " + line + ": '" + name + "' is set twice (first at "
                        + values.get(key).source() + "); keep one");
            }
            JsonNode node = YAML.readTree(parser);
            if (node == null || node.isNull()) {
                continue;
            }
            values.put(key, new ConfigValue(node, displayName + " line " + line, directory));
        }
    }

    private static ConfigException unknownKey(String displayName, int line, String name) {
        if (name.equals("api_key") || name.endsWith(".api_key")) {
            return new ConfigException(displayName + " line " + line + ": '" + name + "' is not read from files, so the "
                    + "key never lands in a repository; put it in the environment (OPENAI_API_KEY, or the variable named "
                    + "by api_key_env)");
        }
        if (ConfigKey.isSection(name)) {
            return new ConfigException(displayName + " line " + line + ": '" + name + "' is a section; write its keys "
                    + "indented below it");
        }
        String closest = Arrays.stream(ConfigKey.values()).map(ConfigKey::yamlName)
                .min(Comparator.comparingInt(known -> distance(known, name))).orElse("");
        String hint = distance(closest, name) <= 3 ? " (did you mean '" + closest + "'?)" : "";
        return new ConfigException(displayName + " line " + line + ": unknown key '" + name + "'" + hint
                + "; known keys: " + Arrays.stream(ConfigKey.values()).map(ConfigKey::yamlName)
                        .collect(Collectors.joining(", ")));
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** Edit distance, to suggest the key a typo meant. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
