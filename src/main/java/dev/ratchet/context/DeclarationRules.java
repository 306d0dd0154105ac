package dev.ratchet.context;

/** One language's patterns for recognising a declaration from its header (the text before its body). */
interface DeclarationRules {

    /**
     * The declaration whose header this is, or null.
     *
     * @param header     the cleaned header on one line, trimmed, cut before its body's '{' or its ';'
     * @param terminator '{', ';' or '\0' when the header ended without either
     * @param enclosing  the innermost enclosing scope, or null at the top of the file
     */
    Declaration match(String header, char terminator, Scope enclosing);

    /** A recognised declaration; a null name marks a transparent scope (a C++ namespace) that is not listed. */
    record Declaration(String kind, String name, boolean opensType, boolean transparent) {
        static Declaration of(String kind, String name, boolean opensType) {
            return new Declaration(kind, name, opensType, false);
        }
    }

    /** A brace-delimited scope: a type body (whose members are outlined) or a block (whose insides are not). */
    record Scope(boolean type, String name, boolean transparent) {
        static final Scope BLOCK = new Scope(false, null, false);
    }
}
