package dev.ratchet.agent.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Builds the JSON Schema of a tool's parameters: an object of named, described properties. */
final class ParameterSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode schema = JSON.createObjectNode();
    private final ObjectNode properties;
    private final ArrayNode required;
    private final Set<String> names = new LinkedHashSet<>();

    ParameterSchema() {
        schema.put("type", "object");
        properties = schema.putObject("properties");
        required = schema.putArray("required");
        schema.put("additionalProperties", false);
    }

    ParameterSchema string(String name, String description, boolean mandatory) {
        return property(name, "string", description, mandatory);
    }

    ParameterSchema integer(String name, String description, int minimum, int maximum) {
        property(name, "integer", description, false);
        ((ObjectNode) properties.get(name)).put("minimum", minimum).put("maximum", maximum);
        return this;
    }

    ParameterSchema bool(String name, String description) {
        return property(name, "boolean", description, false);
    }

    private ParameterSchema property(String name, String type, String description, boolean mandatory) {
        properties.putObject(name).put("type", type).put("description", description);
        names.add(name);
        if (mandatory) {
            required.add(name);
        }
        return this;
    }

    ObjectNode node() {
        return schema.deepCopy();
    }

    Set<String> names() {
        return Set.copyOf(names);
    }
}
