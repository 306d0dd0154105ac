package dev.ratchet.context;

/**
 * One declaration in a source file: a type, function or method. {@code depth} is 0 for top-level
 * declarations and 1 for members of a top-level type; {@code signature} is the declaration as
 * written, on one line, without its body.
 */
public record Symbol(String kind, String name, String signature, int line, int depth) {
}
