package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function tool offered to the model: name, description and a JSON Schema for its arguments
 * (null for a tool without arguments). {@code strict} asks for Structured Outputs, which needs
 * {@code "additionalProperties": false} and every property required, and does not mix with
 * parallel tool calls.
 */
public record ToolSpec(String name, String description, JsonNode parameters, boolean strict) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name
                    + "' is not allowed: use 1 to 64 letters, digits, '_' or '-'");
        }
        description = description == null ? "" : description;
    }

    /** A non-strict tool. */
    public ToolSpec(String name, String description, JsonNode parameters) {
        this(name, description, parameters, false);
    }
}
