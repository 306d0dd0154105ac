package dev.ratchet.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One setting's value and where it came from ("~/.config/ratchet/config.yml line 3", "--model"). */
public record ConfigValue(JsonNode node, String source) {
    public ConfigValue {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(source, "source");
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
