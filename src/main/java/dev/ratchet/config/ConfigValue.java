package dev.ratchet.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One setting's value and where it came from ("~/.config/ratchet/config.yml line 3", "--model").
 * {@code directory} is the folder of the config file it was read from, against which relative
 * paths resolve; null for flags and environment variables (they resolve against the working directory).
 */
public record ConfigValue(JsonNode node, String source, Path directory) {
    public ConfigValue {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(source, "source");
    }

    public ConfigValue(JsonNode node, String source) {
        this(node, source, null);
    }

    /** The value as a path, relative ones resolved against the config file's folder. */
    public Path path() {
        Path path = Path.of(text().strip());
        return directory == null || path.isAbsolute() ? path : directory.resolve(path);
    }

    public String text() {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** The value as a list: a YAML sequence item by item, or a single value as a one-item list. */
    public List<String> list() {
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> items.add(item.asText()));
        } else {
            items.add(text());
        }
        return items;
    }
}
