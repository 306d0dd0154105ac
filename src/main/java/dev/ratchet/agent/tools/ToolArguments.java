package dev.ratchet.agent.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The arguments of one tool call, checked: the model writes them as JSON text, which may be
 * invalid, not an object, missing a field or carry unknown ones, and each case gets a message
 * the model can act on.
 */
public final class ToolArguments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tool;
    private final JsonNode node;

    private ToolArguments(String tool, JsonNode node) {
        this.tool = tool;
        this.node = node;
    }

    /** Parses {@code text} for {@code tool}, which takes exactly the parameters in {@code known}. */
    public static ToolArguments parse(String tool, String text, Set<String> known) {
        JsonNode node;
        String source = text == null || text.isBlank() ? "{}" : text;
        try {
            node = JSON.readTree(source);
        } catch (JsonProcessingException invalid) {
            throw new ToolFailure("the arguments of " + tool + " are not valid JSON ("
                    + invalid.getOriginalMessage() + "): " + excerpt(source) + "; send one JSON object, e.g. "
                    + "{\"path\": \"src/Main.java\"}");
        }
        if (node == null || !node.isObject()) {
            throw new ToolFailure("the arguments of " + tool + " must be one JSON object, not " + excerpt(source));
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ToolFailure(tool + " has no parameter " + String.join(", ", unknown) + "; its parameters are "
                    + String.join(", ", known.stream().sorted().toList()));
        }
        return new ToolArguments(tool, node);
    }

    /** A string parameter the call must give. */
    public String required(String name) {
        return text(name).orElseThrow(() -> new ToolFailure(tool + " needs the string parameter \"" + name + "\""));
    }

    /** A string parameter; null and absent mean not given. */
    public Optional<String> text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new ToolFailure(tool + ": \"" + name + "\" must be a string, not " + value);
        }
        return Optional.of(value.asText());
    }

    /** A whole-number parameter within [min, max]; numbers written as strings are accepted. */
    public OptionalInt integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        int number;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            number = value.asInt();
        } else if (value.isTextual() && value.asText().strip().matches("-?\\d{1,9}")) {
            number = Integer.parseInt(value.asText().strip());
        } else {
            throw new ToolFailure(tool + ": \"" + name + "\" must be a whole number, not " + value);
        }
        if (number < min || number > max) {
            throw new ToolFailure(tool + ": \"" + name + "\" must be from " + min + " to " + max + ", not " + number);
        }
        return OptionalInt.of(number);
    }

    /** A true/false parameter. */
    public boolean flag(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new ToolFailure(tool + ": \"" + name + "\" must be true or false, not " + value);
        }
        return value.asBoolean();
    }

    /** The arguments in one canonical form, so equal calls compare equal whatever the key order or spacing. */
    public String canonical() {
        try {
            return JSON.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String excerpt(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…";
    }
}
