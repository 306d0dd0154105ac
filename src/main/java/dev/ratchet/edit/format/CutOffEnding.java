package dev.ratchet.edit.format;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reply that an output limit cut off ends in the middle of an edit: inside a fence, on a
 * SEARCH/REPLACE marker whose word was cut away, or mid-line on a bare file path that an edit was
 * to follow. Each format reports the edits it could not finish reading; this catches the cut that
 * falls between two edits, where every edit read is complete but the reply is not.
 */
final class CutOffEnding {
    /** The start of a SEARCH/REPLACE marker whose word was cut away. */
    private static final Pattern PARTIAL_MARKER = Pattern.compile("^(?:<{5,}|={5,}|>{5,})");

    private CutOffEnding() {
    }

    static void check(ReplyText text, Findings findings) {
        int last = text.previousNonBlank(text.size());
        if (last < 0 || text.isClaimed(last)) {
            return;
        }
        String line = text.line(last).strip();
        Optional<Fence> fence = text.fenceAround(last);
        if (fence.isPresent()) {
            if (!fence.get().closed() && PARTIAL_MARKER.matcher(line).find() && text.anyClaimed(fence.get().open(), last)) {
                findings.problem(last, "the reply ends inside the code block opened at line " + (fence.get().open() + 1)
                        + ", after its last complete edit, with '" + line + "': it looks cut off (an output limit?)."
                        + " Send the edits that follow again, complete.");
            }
            return;
        }
        // Only a bare path cut mid-line: a reply may well end by listing the files it changed.
        Optional<String> path = PathLine.fromLine(line);
        if (path.isPresent() && path.get().equals(line) && !text.endsWithNewline()) {
            findings.problem(last, "the reply ends with the path " + path.get() + " and no edit after it: it looks"
                    + " cut off (an output limit?). Send the edit for that file again, complete.");
        }
    }
}
