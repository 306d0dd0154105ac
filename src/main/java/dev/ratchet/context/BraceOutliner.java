package dev.ratchet.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Outlines a brace language line by line: tracks which braces open type bodies and which open
 * code blocks, and tries the language's declaration patterns only where declarations can stand
 * (top level and directly inside type bodies), so nothing inside a method body is listed.
 */
final class BraceOutliner {
    private static final int MAX_HEADER_LINES = 8;
    private static final int MAX_SIGNATURE = 200;

    private final Language language;
    private final DeclarationRules rules;

    BraceOutliner(Language language) {
        this.language = language;
        this.rules = BraceLanguageRules.forLanguage(language);
    }

    List<Symbol> outline(String[] original, String[] cleaned) {
        List<Symbol> symbols = new ArrayList<>();
        Deque<DeclarationRules.Scope> scopes = new ArrayDeque<>();
        int blocks = 0;
        DeclarationRules.Scope pending = null;
        int skipThrough = -1;
        String previousLine = "";
        int bracesFrom = 0;
        for (int n = 0; n < cleaned.length; n++) {
            String code = cleaned[n];
            String trimmed = code.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String previous = previousLine;
            previousLine = trimmed;
            if (blocks == 0 && n > skipThrough && startsDeclaration(trimmed)) {
                Header header = header(original, cleaned, n);
                DeclarationRules.Scope enclosing = scopes.peek();
                DeclarationRules.Declaration declaration = rules.match(header.code(), header.terminator(), enclosing);
                if (declaration == null && returnTypeAbove(previous)) {
                    // C style: the return type stands alone on the line above the function's name.
                    header = new Header(previous + " " + header.code(), shorten(previous + " " + header.signature()),
                            header.terminator(), header.lastLine(), header.cutColumn());
                    declaration = rules.match(header.code(), header.terminator(), enclosing);
                }
                if (declaration != null) {
                    int depth = (int) scopes.stream().filter(scope -> !scope.transparent()).count();
                    if (declaration.name() != null && depth <= 1) {
                        symbols.add(new Symbol(declaration.kind(), declaration.name(), header.signature(), n + 1, depth));
                    }
                    pending = declaration.opensType()
                            ? new DeclarationRules.Scope(true, declaration.name(), declaration.transparent())
                            : DeclarationRules.Scope.BLOCK;
                    skipThrough = header.lastLine();
                    bracesFrom = header.cutColumn();
                }
            }
            // Braces inside a declaration's header (TypeScript generics, default arguments) do not open its body.
            int from = n < skipThrough ? code.length() : n == skipThrough ? Math.min(bracesFrom, code.length()) : 0;
            for (int i = from; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '{') {
                    DeclarationRules.Scope scope = pending == null ? DeclarationRules.Scope.BLOCK : pending;
                    scopes.push(scope);
                    if (!scope.type()) {
                        blocks++;
                    }
                    pending = null;
                } else if (c == '}') {
                    if (!scopes.isEmpty() && !scopes.pop().type()) {
                        blocks--;
                    }
                } else if (c == ';') {
                    pending = null;
                }
            }
        }
        return symbols;
    }

    private static final java.util.regex.Pattern TYPE_WORDS = java.util.regex.Pattern.compile("^[A-Za-z_][\\w\\s*&:<>,]*$");

    private boolean returnTypeAbove(String previous) {
        return (language == Language.C || language == Language.CPP) && TYPE_WORDS.matcher(previous).matches();
    }

    private boolean startsDeclaration(String trimmed) {
        char first = trimmed.charAt(0);
        if (first == '@') {
            // Annotations stand on their own line above the declaration; @interface is the one exception.
            return trimmed.startsWith("@interface");
        }
        if (first == '#' && language == Language.RUST) {
            return false;
        }
        return first != '}' && first != ')' && first != '.' && first != ',';
    }

    private record Header(String code, String signature, char terminator, int lastLine, int cutColumn) {
    }

    /** The declaration header starting at line {@code start}: up to the body's '{' or a ';' outside parentheses. */
    private Header header(String[] original, String[] cleaned, int start) {
        StringBuilder code = new StringBuilder();
        StringBuilder signature = new StringBuilder();
        int parens = 0;
        int angles = 0;
        // Only TypeScript puts braces inside type parameters; elsewhere '<' may be a comparison.
        boolean genericBraces = language == Language.TYPESCRIPT;
        int last = Math.min(cleaned.length, start + MAX_HEADER_LINES);
        for (int n = start; n < last; n++) {
            String line = cleaned[n];
            int cut = -1;
            char terminator = '\0';
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '(' || c == '[') {
                    parens++;
                } else if (c == ')' || c == ']') {
                    parens--;
                } else if (c == '<' && genericBraces) {
                    angles++;
                } else if (c == '>' && genericBraces && angles > 0 && i > 0 && line.charAt(i - 1) != '=' && line.charAt(i - 1) != '-') {
                    angles--;
                } else if (parens <= 0 && angles <= 0 && (c == '{' || c == ';')) {
                    cut = i;
                    terminator = c;
                    break;
                }
            }
            String codePart = cut < 0 ? line : line.substring(0, cut);
            String originalLine = original[n];
            String signaturePart = originalLine.substring(0, Math.min(originalLine.length(), cut < 0 ? line.length() : cut));
            if (!codePart.isBlank()) {
                code.append(code.length() == 0 ? "" : " ").append(codePart.strip());
                signature.append(signature.length() == 0 ? "" : " ").append(signaturePart.strip());
            }
            if (cut >= 0) {
                return new Header(code.toString(), shorten(signature), terminator, n, cut);
            }
            if (parens <= 0 && angles <= 0 && !continues(codePart.strip(), cleaned, n)) {
                return new Header(code.toString(), shorten(signature), nextStartsBody(cleaned, n) ? '{' : '\0', n, line.length());
            }
        }
        return new Header(code.toString(), shorten(signature), '\0', last - 1, cleaned[last - 1].length());
    }

    /** Whether a header that is balanced at the end of this line still goes on (Java's extends on the next line). */
    private boolean continues(String line, String[] cleaned, int n) {
        if (line.endsWith(",") || line.endsWith("(") || line.endsWith("=") || line.endsWith(":") || line.endsWith("->")
                || line.endsWith("=>") || line.endsWith("<") || line.endsWith("&&") || line.endsWith("||")) {
            return true;
        }
        String next = nextCode(cleaned, n);
        if (next == null) {
            return false;
        }
        if (next.startsWith("extends ") || next.startsWith("implements ") || next.startsWith("throws ")
                || next.startsWith("permits ") || next.startsWith(":") || next.startsWith("where") || next.startsWith("->")
                || next.startsWith("(")) {
            return true;
        }
        // Java and C put a long return type on its own line, the name and parameters on the next.
        boolean splitReturnType = language == Language.JAVA || language == Language.C || language == Language.CPP;
        return splitReturnType && line.indexOf('(') < 0 && line.indexOf('=') < 0 && !line.endsWith(")")
                && next.indexOf('(') > 0 && !next.startsWith("@") && !line.startsWith("@");
    }

    private boolean nextStartsBody(String[] cleaned, int n) {
        String next = nextCode(cleaned, n);
        return next != null && next.startsWith("{");
    }

    private static String nextCode(String[] cleaned, int n) {
        for (int k = n + 1; k < cleaned.length && k < n + 4; k++) {
            String candidate = cleaned[k].strip();
            if (!candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    static String shorten(CharSequence signature) {
        String oneLine = signature.toString().replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_SIGNATURE ? oneLine : oneLine.substring(0, MAX_SIGNATURE - 3) + "...";
    }
}
