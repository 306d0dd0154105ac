package dev.ratchet.edit;

import java.util.List;
import java.util.OptionalInt;

/**
 * One located edit inside a file: a udiff hunk, a SEARCH/REPLACE block, or a V4A chunk.
 *
 * <p>{@code before} is what the model believes is in the file now (context and removed lines, in
 * order); {@code after} is what should stand there instead (context and added lines). Lines carry
 * no terminators. Everything else is a hint that helps choose between equal matches, never a
 * licence to apply somewhere the {@code before} lines are not.
 *
 * @param before     lines expected in the file; empty means a pure insertion located by hints
 * @param after      replacement lines
 * @param anchors    V4A {@code @@} lines, in order: each must match a file line at or after the
 *                   previous one, and the hunk is searched after the last; unmatched = refusal
 * @param lineHint   1-based line where {@code before} starts, as the model claimed (udiff
 *                   {@code @@ -l}); a hint only
 * @param endOfFile  the hunk must sit at the end of the file (V4A {@code *** End of File})
 * @param source     which format produced it, so format-specific repairs know what they may do
 */
public record Hunk(
        List<String> before,
        List<String> after,
        List<String> anchors,
        OptionalInt lineHint,
        boolean endOfFile,
        Source source) {

    /** Which format a hunk was parsed from. */
    public enum Source { UDIFF, SEARCH_REPLACE, APPLY_PATCH, WHOLE }

    public Hunk {
        before = List.copyOf(before);
        after = List.copyOf(after);
        anchors = List.copyOf(anchors);
    }

    public static Hunk of(List<String> before, List<String> after, Source source) {
        return new Hunk(before, after, List.of(), OptionalInt.empty(), false, source);
    }
}
