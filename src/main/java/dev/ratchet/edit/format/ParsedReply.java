package dev.ratchet.edit.format;

import dev.ratchet.edit.EditPlan;
import java.util.List;

/**
 * What a parser read from one reply: the complete edits, and the edits it could not read.
 *
 * @param plan     every complete edit, in reply order
 * @param problems edits that were malformed or cut off, in reply order; empty when all was readable
 */
public record ParsedReply(EditPlan plan, List<ParseProblem> problems) {
    public ParsedReply {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
