package dev.ratchet.context;

/** One part of the prompt, in the order it is sent; {@code role} is the chat role it belongs to. */
public record ContextSection(String name, String role, String text, int tokens) {
}
