package calc.lexer;

import java.util.ArrayList;
import java.util.List;

/** Splits an arithmetic expression such as {@code 2 * (x + 1.5)} into tokens. */
public final class Tokenizer {

    /** The kinds of token the parser understands. */
    public enum Kind { NUMBER, IDENT, PLUS, MINUS, STAR, SLASH, LPAREN, RPAREN, END }

    /** One token and where it starts, for error messages. */
    public record Token(Kind kind, String text, int offset) {
    }

    private final String source;
    private int pos;

    public Tokenizer(String source) {
        this.source = source;
    }

    public List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        skipWhitespace();
        if (pos >= source.length()) {
            return new Token(Kind.END, "", pos);
        }
        char c = source.charAt(pos);
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return identifier();
        }
        int start = pos++;
        switch (c) {
            case '+':
                return new Token(Kind.PLUS, "+", start);
            case '-':
                return new Token(Kind.MINUS, "-", start);
            case '*':
                return new Token(Kind.STAR, "*", start);
            case '/':
                return new Token(Kind.SLASH, "/", start);
            case '(':
                return new Token(Kind.LPAREN, "(", start);
            case ')':
                return new Token(Kind.RPAREN, ")", start);
            default:
                throw new IllegalArgumentException("unexpected '" + c + "' at offset " + start);
        }
    }

    private Token number() {
        int start = pos;
        boolean seenDot = false;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '.') {
                if (seenDot) {
                    throw new IllegalArgumentException("second '.' in number at offset " + pos);
                }
                seenDot = true;
            } else if (!Character.isDigit(c)) {
                break;
            }
            pos++;
        }
        return new Token(Kind.NUMBER, source.substring(start, pos), start);
    }

    private Token identifier() {
        int start = pos;
        while (pos < source.length()
                && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
            pos++;
        }
        return new Token(Kind.IDENT, source.substring(start, pos), start);
    }

    private void skipWhitespace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    /** How a token is shown in "expected X" messages. */
    public static String describe(Kind kind) {
        switch (kind) {
            case PLUS:
                return "'+'";
            case MINUS:
                return "'-'";
            case STAR:
                return "'*'";
            case SLASH:
                return "'/'";
            case LPAREN:
                return "'('";
            case RPAREN:
                return "')'";
            case NUMBER:
                return "a number";
            case IDENT:
                return "a name";
            default:
                return "the end of the expression";
        }
    }
}
