package dev.ratchet.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the list of paths out of a ranking model's answer. Small models do not always answer with
 * bare JSON even when told to, so this accepts a code fence or a sentence around the JSON, an
 * object holding the list ({@code {"paths": [...]}} or under another name), or a bare array.
 */
final class PathListReply {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PathListReply() {
    }

    /** The paths in {@code answer}, in its order; empty when no JSON list of strings can be found. */
    static Optional<List<String>> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        Optional<JsonNode> tree = json(answer.strip());
        if (tree.isEmpty()) {
            tree = between(answer, '{', '}').or(() -> between(answer, '[', ']'));
        }
        return tree.flatMap(PathListReply::paths);
    }

    private static Optional<JsonNode> between(String answer, char open, char close) {
        int start = answer.indexOf(open);
        int end = answer.lastIndexOf(close);
        return start >= 0 && end > start ? json(answer.substring(start, end + 1)) : Optional.empty();
    }

    private static Optional<JsonNode> json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isContainerNode() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> paths(JsonNode node) {
        if (node.isObject()) {
            JsonNode named = node.has("paths") ? node.get("paths") : node.get("files");
            if (named != null) {
                return paths(named);
            }
            for (JsonNode value : node) {
                if (value.isArray()) {
                    return paths(value);
                }
            }
            return Optional.empty();
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode item : node) {
            JsonNode path = item.isObject() ? item.path("path") : item;
            if (!path.isTextual()) {
                return Optional.empty();
            }
            paths.add(path.asText());
        }
        return Optional.of(paths);
    }
}
