package dev.ratchet.context;

/** A file left out of the context, and why (for {@code ratchet context --json} and the tests). */
public record Exclusion(String path, String reason) {
}
