package dev.ratchet.edit.apply;

/** A line of the file that resembles what a refused hunk expected: 1-based line number, text, similarity 0..1. */
public record ClosestLine(int line, String text, double similarity) {
}
