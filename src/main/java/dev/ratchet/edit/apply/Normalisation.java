package dev.ratchet.edit.apply;

/** How loosely two lines are compared: the first four matching tiers, from strict to loose. */
enum Normalisation {
    EXACT,
    TRAILING_WHITESPACE,
    SURROUNDING_WHITESPACE,
    LOOKALIKES;

    String apply(String line) {
        return switch (this) {
            case EXACT -> line;
            case TRAILING_WHITESPACE -> line.stripTrailing();
            case SURROUNDING_WHITESPACE -> line.strip();
            case LOOKALIKES -> foldLookalikes(line).strip();
        };
    }

    /** The tier a match at this normalisation is reported as. */
    MatchTier tier() {
        return switch (this) {
            case EXACT -> MatchTier.EXACT;
            case TRAILING_WHITESPACE -> MatchTier.TRAILING_WHITESPACE;
            case SURROUNDING_WHITESPACE -> MatchTier.SURROUNDING_WHITESPACE;
            case LOOKALIKES -> MatchTier.LOOKALIKES;
        };
    }

    /**
     * Replaces the typographic characters models substitute for ASCII (curly quotes, dashes, the
     * minus sign, Unicode spaces, the ellipsis) and drops zero-width characters.
     */
    static String foldLookalikes(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String replacement = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4' -> "'";
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> "\"";
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D' -> "-";
                case '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
                        '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' -> " ";
                case '\u2026' -> "...";
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> "";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(line.length()).append(line, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? line : out.toString();
    }
}
