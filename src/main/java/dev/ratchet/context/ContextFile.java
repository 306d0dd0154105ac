package dev.ratchet.context;

/** A file sent whole, in which section, with its tokens, and why it was chosen. */
public record ContextFile(String path, String section, int tokens, String reason) {
}
