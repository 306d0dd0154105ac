package dev.ratchet.edit.apply;

import java.util.List;

/**
 * Finds the V4A {@code @@} anchor lines of a hunk, each at or after the previous: equal to a file
 * line (exact, then ignoring whitespace, then ignoring typographic look-alikes), else contained in
 * one without cutting a word. An anchor that matches nothing is a refusal, never silently skipped.
 */
final class AnchorLocator {
    private static final Normalisation[] LEVELS = {
        Normalisation.EXACT, Normalisation.TRAILING_WHITESPACE, Normalisation.SURROUNDING_WHITESPACE, Normalisation.LOOKALIKES
    };
    /** An anchor shorter than this may not match by containment: too easy to find by accident. */
    private static final int MIN_CONTAINED_LENGTH = 3;

    private AnchorLocator() {
    }

    /**
     * The index of the file line the last anchor matched; a refusal shows the closest lines of
     * {@code original}, the file as it is on disk, since a refused change writes nothing.
     */
    static int locate(LineBuffer file, List<String> anchors, int cursor, LineBuffer original) throws RefusedHunkException {
        int from = cursor;
        int last = -1;
        for (int k = 0; k < anchors.size(); k++) {
            String anchor = anchors.get(k);
            int found = firstFrom(file, anchor, from);
            if (found < 0 && k == 0 && from > 0) {
                // hunks may come out of order: the first anchor may sit before the cursor, if it is unique
                found = uniqueIn(file, anchor);
            }
            if (found < 0) {
                String where = from == 0 ? "in the file" : "at or after line " + (from + 1);
                throw new RefusedHunkException("the @@ anchor '" + anchor.strip() + "' matches no line " + where
                        + "; copy an anchor line exactly from the file (the enclosing class or function line)",
                        ClosestLines.find(original.texts(), List.of(anchor)));
            }
            last = found;
            from = found + 1;
        }
        return last;
    }

    private static int firstFrom(LineBuffer file, String anchor, int from) {
        for (Normalisation level : LEVELS) {
            String wanted = level.apply(anchor);
            if (wanted.isEmpty()) {
                continue;
            }
            List<String> view = file.view(level);
            for (int i = from; i < view.size(); i++) {
                if (view.get(i).equals(wanted)) {
                    return i;
                }
            }
        }
        String wanted = Normalisation.LOOKALIKES.apply(anchor);
        if (wanted.length() >= MIN_CONTAINED_LENGTH) {
            List<String> view = file.view(Normalisation.LOOKALIKES);
            for (int i = from; i < view.size(); i++) {
                if (containsAsWords(view.get(i), wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int uniqueIn(LineBuffer file, String anchor) {
        int first = firstFrom(file, anchor, 0);
        if (first < 0) {
            return -1;
        }
        return firstFrom(file, anchor, first + 1) < 0 ? first : -1;
    }

    /** {@code def b} is in {@code def b(x):} but not in {@code def bar():}: an occurrence may not cut a word. */
    static boolean containsAsWords(String line, String wanted) {
        for (int at = line.indexOf(wanted); at >= 0; at = line.indexOf(wanted, at + 1)) {
            int end = at + wanted.length();
            boolean startCut = at > 0 && isWordChar(line.charAt(at - 1)) && isWordChar(wanted.charAt(0));
            boolean endCut = end < line.length() && isWordChar(line.charAt(end)) && isWordChar(wanted.charAt(wanted.length() - 1));
            if (!startCut && !endCut) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
