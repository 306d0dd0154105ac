package dev.ratchet.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Outlines Python by indentation: top-level classes and functions, and the methods of top-level classes. */
final class PythonOutliner {
    private static final Pattern DEFINITION = Pattern.compile("^(async\\s+def|def|class)\\s+([A-Za-z_]\\w*)");

    private record Open(int indent, boolean isClass) {
    }

    List<Symbol> outline(String[] original, String[] cleaned) {
        List<Symbol> symbols = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int parens = 0;
        for (int n = 0; n < cleaned.length; n++) {
            String code = cleaned[n];
            String trimmed = code.strip();
            boolean continuation = parens > 0;
            parens = Math.max(0, parens + balance(code));
            if (trimmed.isEmpty() || continuation) {
                continue;
            }
            int indent = indentOf(code);
            while (!open.isEmpty() && open.peek().indent() >= indent) {
                open.pop();
            }
            Matcher definition = DEFINITION.matcher(trimmed);
            if (!definition.find()) {
                continue;
            }
            boolean isClass = definition.group(1).equals("class");
            boolean topLevel = open.isEmpty();
            boolean method = open.size() == 1 && open.peek().isClass();
            if (topLevel || method) {
                String kind = isClass ? "class" : method ? "method" : "function";
                symbols.add(new Symbol(kind, definition.group(2), signature(original, cleaned, n), n + 1, topLevel ? 0 : 1));
            }
            open.push(new Open(indent, isClass));
        }
        return symbols;
    }

    /** The def or class line, joined with its continuation lines, without the trailing colon. */
    private static String signature(String[] original, String[] cleaned, int start) {
        StringBuilder text = new StringBuilder();
        int parens = 0;
        for (int n = start; n < cleaned.length && n < start + 12; n++) {
            String line = cleaned[n];
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    parens++;
                } else if (c == ')' || c == ']' || c == '}') {
                    parens--;
                } else if (c == ':' && parens == 0) {
                    text.append(' ').append(original[n], 0, Math.min(i, original[n].length()));
                    return BraceOutliner.shorten(text);
                }
            }
            text.append(' ').append(original[n]);
        }
        return BraceOutliner.shorten(text);
    }

    private static int balance(String code) {
        int balance = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                balance++;
            } else if (c == ')' || c == ']' || c == '}') {
                balance--;
            }
        }
        return balance;
    }

    private static int indentOf(String line) {
        int indent = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                indent++;
            } else if (c == '\t') {
                indent += 8 - indent % 8;
            } else {
                break;
            }
        }
        return indent;
    }
}
