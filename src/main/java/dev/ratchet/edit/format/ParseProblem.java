package dev.ratchet.edit.format;

/**
 * An edit in a reply that could not be read.
 *
 * @param line    1-based line in the reply text where the broken edit starts or breaks
 * @param message what is wrong and what a correct edit looks like, written for the model to read
 */
public record ParseProblem(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
