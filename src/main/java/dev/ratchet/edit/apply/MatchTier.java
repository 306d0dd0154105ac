package dev.ratchet.edit.apply;

/** How a hunk's {@code before} lines were found in the file, strictest first; the first tier with one place wins. */
public enum MatchTier {
    /** Byte for byte. */
    EXACT,
    /** Ignoring whitespace at line ends. */
    TRAILING_WHITESPACE,
    /** Ignoring indentation and line-end whitespace; the replacement is re-indented to the file's indentation. */
    SURROUNDING_WHITESPACE,
    /** As above, with curly quotes, dashes, the minus sign and Unicode spaces folded to ASCII. */
    LOOKALIKES,
    /** Repair: blank lines missing from or doubled in {@code before}. */
    BLANK_LINES,
    /** Repair: {@code before} elides code with a {@code ...} line that the replacement keeps. */
    ELISION;

    /** How a refusal or a report names the tier. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
