package dev.ratchet.edit.apply;

import java.util.regex.Pattern;

/** Lines models write in place of code they did not copy out: {@code ...}, {@code // ...}, {@code # ... rest of code}. */
final class ElisionMarker {
    // A bare "..." is valid Python, so only the comment forms count as elision when they are new text.
    private static final Pattern BARE = Pattern.compile("(\\.\\.\\.|\u2026)");
    private static final Pattern COMMENTED = Pattern.compile(
            "(//|#|--|;|/\\*|<!--)\\s*(\\.\\.\\.|\u2026).*");

    private ElisionMarker() {
    }

    /** True for a line that stands for elided code in a hunk's {@code before}. */
    static boolean isMarker(String line) {
        String trimmed = line.strip();
        return BARE.matcher(trimmed).matches() || COMMENTED.matcher(trimmed).matches();
    }

    /** True for a comment that elides code ("// ... existing code ..."): never real new content. */
    static boolean isCommentedMarker(String line) {
        return COMMENTED.matcher(line.strip()).matches();
    }
}
