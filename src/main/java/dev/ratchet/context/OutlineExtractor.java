package dev.ratchet.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one source file into its {@link Outline}: declared symbols (own line-based extractors,
 * chosen over tree-sitter and ctags by measurement; see the package notes) and the identifiers it
 * uses, which make the reference graph between files.
 */
public final class OutlineExtractor {
    /** Bumped whenever extraction changes, so cached outlines from an older ratchet are recomputed. */
    public static final int VERSION = 1;
    private static final int MAX_REFERENCES = 3000;
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "and", "as", "assert", "async", "await", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "def", "default", "del", "delete", "do", "double", "elif", "else", "enum",
            "except", "export", "extends", "false", "final", "finally", "float", "for", "from", "func", "function",
            "global", "goto", "if", "impl", "implements", "import", "in", "instanceof", "int", "interface", "is", "lambda",
            "let", "long", "match", "mod", "mut", "native", "new", "nil", "none", "None", "not", "null", "object", "or",
            "package", "pass", "private", "protected", "pub", "public", "raise", "return", "self", "short", "static",
            "struct", "super", "switch", "synchronized", "this", "throw", "throws", "trait", "true", "True", "False",
            "try", "type", "typedef", "unsigned", "use", "val", "var", "void", "volatile", "where", "while", "with",
            "yield", "fun", "override", "string", "String", "Object", "auto", "sizeof", "signed", "extern", "inline",
            "template", "typename", "namespace", "using", "virtual", "operator", "unsafe", "crate", "Self", "chan",
            "map", "range", "defer", "go", "select", "fallthrough", "undefined", "typeof", "readonly",
            "keyof", "declare", "module", "require", "internal", "open", "sealed", "data", "companion", "when", "it");

    /** The outline of {@code text}, a file at {@code path}; files in languages without rules give no symbols. */
    public Outline extract(String path, String text) {
        Language language = Language.of(path);
        if (language == Language.OTHER) {
            return Outline.EMPTY;
        }
        String[] original = SourceCleaner.lines(text);
        String[] cleaned = new SourceCleaner(language).clean(original);
        List<Symbol> symbols = language == Language.PYTHON
                ? new PythonOutliner().outline(original, cleaned)
                : new BraceOutliner(language).outline(original, cleaned);
        return new Outline(symbols, references(cleaned));
    }

    /** Distinct identifiers of three or more characters used in code (comments and strings are already blanked). */
    private static List<String> references(String[] cleaned) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (String line : cleaned) {
            int i = 0;
            int length = line.length();
            while (i < length) {
                char c = line.charAt(i);
                if (Character.isLetter(c) || c == '_' || c == '$') {
                    int start = i;
                    while (i < length && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == '$')) {
                        i++;
                    }
                    if (i - start >= 3) {
                        String name = line.substring(start, i);
                        if (!KEYWORDS.contains(name)) {
                            names.add(name);
                            if (names.size() >= MAX_REFERENCES) {
                                return new ArrayList<>(names);
                            }
                        }
                    }
                } else if (Character.isDigit(c)) {
                    while (i < length && Character.isLetterOrDigit(line.charAt(i))) {
                        i++;
                    }
                } else {
                    i++;
                }
            }
        }
        return new ArrayList<>(names);
    }
}
