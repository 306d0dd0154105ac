package dev.ratchet.context;

import java.util.Locale;

/** Source languages the repo map understands, recognised by file extension. */
public enum Language {
    JAVA, KOTLIN, PYTHON, JAVASCRIPT, TYPESCRIPT, GO, RUST, C, CPP, OTHER;

    /** The language of a repository path, or {@link #OTHER} when the map has no outline rules for it. */
    public static Language of(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return OTHER;
        }
        return switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "java" -> JAVA;
            case "kt", "kts" -> KOTLIN;
            case "py", "pyi" -> PYTHON;
            case "js", "jsx", "mjs", "cjs" -> JAVASCRIPT;
            case "ts", "tsx", "mts", "cts" -> TYPESCRIPT;
            case "go" -> GO;
            case "rs" -> RUST;
            case "c" -> C;
            // .h is shared by C and C++; the C++ rules are a superset, so headers use them.
            case "h", "hh", "hpp", "hxx", "cc", "cpp", "cxx", "c++", "ipp", "tpp" -> CPP;
            default -> OTHER;
        };
    }

    boolean singleQuoteIsString() {
        return this == PYTHON || this == JAVASCRIPT || this == TYPESCRIPT;
    }

    boolean hashComments() {
        return this == PYTHON;
    }
}
