package dev.ratchet.model;

import java.util.Objects;

/**
 * A function call the model asked for. {@code arguments} is the JSON text exactly as the model
 * wrote it; it may be invalid JSON, so whoever runs the tool validates it first.
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }
}
