package dev.ratchet.context;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Declaration patterns for the brace languages: Java, Kotlin, JavaScript/TypeScript, Go, Rust, C and C++. */
final class BraceLanguageRules {

    private static final Set<String> NOT_NAMES = Set.of(
            "if", "for", "while", "switch", "catch", "return", "new", "else", "throw", "case", "do", "try",
            "synchronized", "sizeof", "typeof", "yield", "await", "goto", "function", "super", "this",
            "assert", "foreach", "when", "using", "alignof", "decltype", "static_assert", "defined", "elif");

    private BraceLanguageRules() {
    }

    static DeclarationRules forLanguage(Language language) {
        return switch (language) {
            case JAVA -> BraceLanguageRules::java;
            case KOTLIN -> BraceLanguageRules::kotlin;
            case JAVASCRIPT, TYPESCRIPT -> BraceLanguageRules::javascript;
            case GO -> BraceLanguageRules::go;
            case RUST -> BraceLanguageRules::rust;
            case C, CPP -> BraceLanguageRules::cFamily;
            default -> (header, terminator, enclosing) -> null;
        };
    }

    private static boolean isName(String name) {
        return name != null && !NOT_NAMES.contains(name);
    }

    // ---- Java

    private static final String JAVA_MODIFIERS = "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed"
            + "|strictfp|default|synchronized|native|transient|volatile)(?:\\s+|(?=<)))*";
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "^" + JAVA_MODIFIERS + "(class|interface|enum|record|@interface)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern JAVA_METHOD = Pattern.compile(
            "^" + JAVA_MODIFIERS + "(?:<.+?>\\s*)?([\\w$.]+(?:\\s*<.*?>)?(?:\\s*\\[\\s*\\])*)\\s+([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern JAVA_CONSTRUCTOR = Pattern.compile(
            "^" + JAVA_MODIFIERS + "(?:<.+?>\\s*)?([A-Za-z_$][\\w$]*)\\s*\\(");

    private static DeclarationRules.Declaration java(String header, char terminator, DeclarationRules.Scope enclosing) {
        Matcher type = JAVA_TYPE.matcher(header);
        if (type.find()) {
            String kind = type.group(1).equals("@interface") ? "annotation" : type.group(1);
            return DeclarationRules.Declaration.of(kind, type.group(2), true);
        }
        if (enclosing == null) {
            return null;
        }
        Matcher constructor = JAVA_CONSTRUCTOR.matcher(header);
        if (constructor.find() && constructor.group(1).equals(enclosing.name())) {
            return DeclarationRules.Declaration.of("constructor", constructor.group(1), false);
        }
        Matcher method = JAVA_METHOD.matcher(header);
        if (method.find() && isName(method.group(1)) && isName(method.group(2))) {
            return DeclarationRules.Declaration.of("method", method.group(2), false);
        }
        return null;
    }

    // ---- Kotlin

    private static final String KOTLIN_MODIFIERS = "(?:(?:public|private|internal|protected|open|abstract|sealed|data|enum"
            + "|annotation|inner|value|inline|companion|expect|actual|final|override|suspend|operator|infix|tailrec"
            + "|external|fun)\\s+)*";
    private static final Pattern KOTLIN_TYPE = Pattern.compile(
            "^" + KOTLIN_MODIFIERS + "(class|interface|object|typealias)\\s+([A-Za-z_]\\w*)");
    private static final Pattern KOTLIN_COMPANION = Pattern.compile("^" + KOTLIN_MODIFIERS + "object\\s*(?::.*)?$");
    private static final Pattern KOTLIN_FUNCTION = Pattern.compile(
            "^" + KOTLIN_MODIFIERS.replace("|fun)", ")") + "fun\\s+(?:<.+?>\\s*)?(?:[\\w.<>?,\\s*]+?\\.)?([A-Za-z_]\\w*)\\s*\\(");

    private static DeclarationRules.Declaration kotlin(String header, char terminator, DeclarationRules.Scope enclosing) {
        Matcher type = KOTLIN_TYPE.matcher(header);
        if (type.find()) {
            String kind = type.group(1);
            return DeclarationRules.Declaration.of(kind, type.group(2), !kind.equals("typealias"));
        }
        if (KOTLIN_COMPANION.matcher(header).find()) {
            return DeclarationRules.Declaration.of("object", "Companion", true);
        }
        Matcher function = KOTLIN_FUNCTION.matcher(header);
        if (function.find()) {
            return DeclarationRules.Declaration.of(enclosing == null ? "function" : "method", function.group(1), false);
        }
        return null;
    }

    // ---- JavaScript and TypeScript

    private static final Pattern JS_TYPE = Pattern.compile("^(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?"
            + "(?:const\\s+)?(class|interface|enum|namespace)\\s+([A-Za-z_$][\\w$.]*)");
    private static final Pattern JS_TYPE_ALIAS = Pattern.compile(
            "^(?:export\\s+)?(?:declare\\s+)?type\\s+([A-Za-z_$][\\w$]*)\\b[^=]*=");
    private static final Pattern JS_FUNCTION = Pattern.compile(
            "^(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*([A-Za-z_$][\\w$]*)\\s*[(<]");
    private static final Pattern JS_ARROW = Pattern.compile("^(?:export\\s+)?(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*"
            + "(?::[^=]+)?=\\s*(?:async\\s+)?(?:function\\b|(?:<[^>]*>\\s*)?(?:\\(.*\\)|[A-Za-z_$][\\w$]*)\\s*(?::[^=]+?)?=>)");
    private static final String JS_MEMBER_MODIFIERS =
            "(?:(?:public|private|protected|static|async|readonly|abstract|override|declare|get|set)\\s+)*";
    private static final Pattern JS_METHOD = Pattern.compile(
            "^" + JS_MEMBER_MODIFIERS + "\\*?\\s*(#?[A-Za-z_$][\\w$]*)\\s*\\??\\s*(?:<.*?>)?\\s*\\(");
    private static final Pattern JS_FIELD_ARROW = Pattern.compile("^" + JS_MEMBER_MODIFIERS
            + "(#?[A-Za-z_$][\\w$]*)\\s*(?::[^=]+)?=\\s*(?:async\\s+)?(?:\\(.*\\)|[A-Za-z_$][\\w$]*)\\s*(?::[^=]+?)?=>");

    private static DeclarationRules.Declaration javascript(String header, char terminator, DeclarationRules.Scope enclosing) {
        Matcher type = JS_TYPE.matcher(header);
        if (type.find()) {
            return DeclarationRules.Declaration.of(type.group(1), type.group(2), true);
        }
        Matcher alias = JS_TYPE_ALIAS.matcher(header);
        if (alias.find()) {
            return DeclarationRules.Declaration.of("type", alias.group(1), false);
        }
        Matcher function = JS_FUNCTION.matcher(header);
        if (function.find()) {
            return DeclarationRules.Declaration.of("function", function.group(1), false);
        }
        if (enclosing == null) {
            Matcher arrow = JS_ARROW.matcher(header);
            return arrow.find() ? DeclarationRules.Declaration.of("function", arrow.group(1), false) : null;
        }
        Matcher field = JS_FIELD_ARROW.matcher(header);
        if (field.find()) {
            return DeclarationRules.Declaration.of("method", field.group(1), false);
        }
        Matcher method = JS_METHOD.matcher(header);
        if (method.find() && isName(method.group(1))) {
            return DeclarationRules.Declaration.of("method", method.group(1), false);
        }
        return null;
    }

    // ---- Go

    private static final Pattern GO_FUNC = Pattern.compile("^func\\s+(?:\\(\\s*(?:\\w+\\s+)?\\*?\\s*([\\w.]+)(?:\\[[^\\]]*\\])?\\s*\\)\\s*)?"
            + "([A-Za-z_]\\w*)\\s*(?:\\[[^\\]]*\\])?\\s*\\(");
    private static final Pattern GO_TYPE = Pattern.compile("^type\\s+([A-Za-z_]\\w*)\\s*(?:\\[[^\\]]*\\]\\s*)?(struct|interface)?");
    private static final Pattern GO_INTERFACE_METHOD = Pattern.compile("^([A-Za-z_]\\w*)\\s*\\(");

    private static DeclarationRules.Declaration go(String header, char terminator, DeclarationRules.Scope enclosing) {
        Matcher function = GO_FUNC.matcher(header);
        if (function.find()) {
            if (function.group(1) != null) {
                return DeclarationRules.Declaration.of("method", function.group(1) + "." + function.group(2), false);
            }
            return DeclarationRules.Declaration.of("func", function.group(2), false);
        }
        Matcher type = GO_TYPE.matcher(header);
        if (type.find()) {
            String kind = type.group(2) == null ? "type" : type.group(2);
            return DeclarationRules.Declaration.of(kind, type.group(1), kind.equals("interface"));
        }
        if (enclosing != null) {
            Matcher method = GO_INTERFACE_METHOD.matcher(header);
            if (method.find()) {
                return DeclarationRules.Declaration.of("method", method.group(1), false);
            }
        }
        return null;
    }

    // ---- Rust

    private static final String RUST_VISIBILITY = "(?:pub(?:\\s*\\([^)]*\\))?\\s+)?";
    private static final Pattern RUST_FN = Pattern.compile("^" + RUST_VISIBILITY
            + "(?:(?:default|const|async|unsafe|extern(?:\\s+\"\")?)\\s+)*fn\\s+([A-Za-z_]\\w*)");
    private static final Pattern RUST_TYPE = Pattern.compile("^" + RUST_VISIBILITY
            + "(?:unsafe\\s+)?(struct|enum|union|trait|type|mod)\\s+([A-Za-z_]\\w*)");
    private static final Pattern RUST_IMPL = Pattern.compile("^(?:unsafe\\s+)?impl\\b\\s*(?:<.*?>\\s+)?(.+?)\\s*(?:\\bwhere\\b.*)?$");
    private static final Pattern RUST_MACRO = Pattern.compile("^macro_rules!\\s*([A-Za-z_]\\w*)");

    private static DeclarationRules.Declaration rust(String header, char terminator, DeclarationRules.Scope enclosing) {
        Matcher fn = RUST_FN.matcher(header);
        if (fn.find()) {
            return DeclarationRules.Declaration.of(enclosing == null ? "fn" : "method", fn.group(1), false);
        }
        Matcher type = RUST_TYPE.matcher(header);
        if (type.find()) {
            String kind = type.group(1);
            return DeclarationRules.Declaration.of(kind, type.group(2), kind.equals("trait") || kind.equals("mod"));
        }
        Matcher impl = RUST_IMPL.matcher(header);
        if (impl.find()) {
            return DeclarationRules.Declaration.of("impl", impl.group(1).replaceAll("\\s+", " "), true);
        }
        Matcher macro = RUST_MACRO.matcher(header);
        if (macro.find()) {
            return DeclarationRules.Declaration.of("macro", macro.group(1), false);
        }
        return null;
    }

    // ---- C and C++

    private static final Pattern C_ACCESS = Pattern.compile("^(?:(?:public|private|protected)\\s*:(?!:)\\s*)+");
    private static final Pattern C_TRANSPARENT = Pattern.compile("^(?:inline\\s+)?namespace\\s*$|^extern\\s+\"\"\\s*$");
    private static final Pattern C_TYPE = Pattern.compile("^(?:template\\s*<.*>\\s*)?(?:typedef\\s+)?(?:(?:export|inline)\\s+)?"
            + "(class|struct|union|enum(?:\\s+class|\\s+struct)?|namespace)\\s+(?:\\[\\[.*?\\]\\]\\s*)?(?:[A-Z_][A-Z0-9_]*\\s+)?"
            + "([A-Za-z_]\\w*(?:::\\w+)*)\\s*(?:final\\s*)?(?::[^;]*)?$");
    private static final Pattern C_FUNCTION = Pattern.compile("^(?:template\\s*<.*>\\s*)?((?:[\\w:<>,*&~\\[\\]]+\\s+)*?)[*&\\s]*"
            + "(~?[A-Za-z_]\\w*(?:::~?[A-Za-z_]\\w*)*|(?:[\\w:]+::)?operator\\s*[^\\s(]+)\\s*\\((.*)\\)\\s*"
            + "(?:const|noexcept(?:\\(.*?\\))?|override|final|volatile|&&?|->\\s*[\\w:<>,*&\\s]+|=\\s*0|=\\s*default|=\\s*delete|\\s)*"
            + "(?::.*)?$");
    private static final Set<String> NOT_RETURN_TYPES = Set.of("return", "else", "new", "delete", "throw", "case", "goto", "typedef");

    private static DeclarationRules.Declaration cFamily(String header, char terminator, DeclarationRules.Scope enclosing) {
        String code = C_ACCESS.matcher(header).replaceFirst("");
        if (terminator == '{' && C_TRANSPARENT.matcher(code).find()) {
            return new DeclarationRules.Declaration("namespace", null, true, true);
        }
        Matcher type = C_TYPE.matcher(code);
        if (type.find()) {
            if (terminator != '{') {
                return null;
            }
            String kind = type.group(1);
            if (kind.equals("namespace")) {
                return new DeclarationRules.Declaration("namespace", null, true, true);
            }
            return DeclarationRules.Declaration.of(kind.replaceAll("\\s+", " "), type.group(2), !kind.startsWith("enum"));
        }
        Matcher function = C_FUNCTION.matcher(code);
        if (!function.find() || (terminator != '{' && terminator != ';')) {
            return null;
        }
        String returnType = function.group(1).trim();
        String name = function.group(2);
        if (!isName(name) || NOT_RETURN_TYPES.contains(returnType.split("\\s+")[0])) {
            return null;
        }
        boolean inType = enclosing != null && !enclosing.transparent();
        if (returnType.isEmpty() && !name.contains("::") && !inType) {
            return null;
        }
        if (terminator == ';' && !inType && returnType.isEmpty()) {
            return null;
        }
        return DeclarationRules.Declaration.of(inType ? "method" : "function", name, false);
    }
}
