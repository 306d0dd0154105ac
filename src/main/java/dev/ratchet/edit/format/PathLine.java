package dev.ratchet.edit.format;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads file paths as models write them: on their own line, decorated ({@code **path**},
 * {@code # path}, {@code File: path}, backticks, quotes), or in a fence's info string. Cleaning
 * never judges safety: absolute and {@code ..} paths are kept as written for the workspace to refuse.
 */
final class PathLine {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern LABEL =
            Pattern.compile("^(?:file(?:name)?|file ?path|path)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTENSION = Pattern.compile(".*[^./]\\.[A-Za-z0-9_+-]*[A-Za-z][A-Za-z0-9_+-]*$");
    private static final Pattern COMMENT = Pattern.compile("^(?://+|#+|--|;+|/\\*+|<!--)\\s*(.*?)\\s*(?:\\*+/|-->)?$");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\s]+)`");
    // In prose, `config.load` is as likely a method as a file: only a directory or a known file type makes it a path.
    private static final Pattern SOURCE_EXTENSION = Pattern.compile("(?i).+\\.(?:py|pyi|java|kt|kts|groovy|scala|clj|js|jsx|mjs"
            + "|cjs|ts|tsx|go|rs|rb|php|c|h|cc|cpp|cxx|hpp|cs|fs|swift|m|mm|dart|ex|exs|erl|hs|lua|pl|r|jl|sh|bash|zsh"
            + "|ps1|bat|cmd|sql|html|htm|css|scss|sass|less|vue|svelte|json|yaml|yml|toml|ini|cfg|conf|xml|md|rst|txt"
            + "|csv|gradle|properties|env|lock|tf|proto|graphql|mk|cmake)$");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>|\"'*?{}();=,`\\[\\]]");
    // Extension-less names that are files and never ordinary words or headings (unlike README or BUILD).
    private static final Set<String> WELL_KNOWN_NAMES = Set.of(
            "Makefile", "GNUmakefile", "Dockerfile", "Containerfile", "Jenkinsfile", "Gemfile", "Rakefile",
            "Procfile", "Vagrantfile", "Brewfile", "CODEOWNERS");

    // Product names that look like file names; alone on a line they are a heading, not a file.
    private static final Set<String> PRODUCT_NAMES = Set.of(
            "node.js", "vue.js", "next.js", "nuxt.js", "react.js", "express.js", "three.js", "d3.js", "chart.js",
            "ember.js", "backbone.js", "socket.io", "asp.net", "vb.net", "ado.net");

    private PathLine() {
    }

    /** The path a line names when the line is nothing but a (decorated) path; empty for prose and code. */
    static Optional<String> fromLine(String line) {
        String text = line.strip();
        if (text.isEmpty() || startsWithEditMarker(text)) {
            return Optional.empty();
        }
        text = text.replace("**", "");
        text = HEADING.matcher(text).replaceFirst("");
        text = LIST_MARKER.matcher(text).replaceFirst("");
        text = LABEL.matcher(text.strip()).replaceFirst("");
        text = unwrap(text);
        text = LABEL.matcher(text).replaceFirst("");
        text = unwrap(text);
        return plausible(text) ? Optional.of(normalise(text)) : Optional.empty();
    }

    /**
     * The path in a code comment that names a file ({@code // File: src/App.java}, {@code # src/app.py},
     * {@code <!-- index.html -->}); only trusted where a path is expected, just above an edit marker.
     */
    static Optional<String> fromCommentLine(String line) {
        Matcher comment = COMMENT.matcher(line.strip());
        return comment.matches() ? fromLine(comment.group(1)) : fromLine(line);
    }

    /**
     * The one path a prose line names in backticks ({@code Update `src/app.py`:}); empty when it
     * names none or several. Only trusted for edits whose own markers say they are edits.
     */
    static Optional<String> fromProse(String line) {
        Matcher code = INLINE_CODE.matcher(line);
        Set<String> paths = new java.util.LinkedHashSet<>();
        while (code.find()) {
            String candidate = code.group(1).strip();
            if (plausible(candidate) && (candidate.contains("/") || SOURCE_EXTENSION.matcher(candidate).matches())) {
                paths.add(normalise(candidate));
            }
        }
        return paths.size() == 1 ? Optional.of(paths.iterator().next()) : Optional.empty();
    }

    /** A path named in a fence's info string ({@code ```src/app.py}, {@code ```python:src/app.py}, {@code ```python title=src/app.py}). */
    static Optional<String> fromFenceInfo(String info) {
        for (String token : info.split("[\\s:=]+")) {
            String candidate = unwrap(token);
            if (!candidate.isEmpty() && (candidate.contains("/") || candidate.contains("\\") || EXTENSION.matcher(candidate).matches())
                    && plausible(candidate)) {
                return Optional.of(normalise(candidate));
            }
        }
        return Optional.empty();
    }

    /** Cleans a path that a format's grammar already says is a path (a diff header, a V4A file line). */
    static String clean(String raw) {
        return normalise(unwrap(raw.strip()));
    }

    private static boolean startsWithEditMarker(String text) {
        return text.startsWith("<<<") || text.startsWith(">>>") || text.startsWith("===")
                || text.startsWith("@@") || text.startsWith("---") || text.startsWith("+++")
                || text.startsWith("***") || text.startsWith("//") || text.startsWith("```")
                || text.startsWith("~~~");
    }

    private static boolean plausible(String text) {
        if (text.isEmpty() || FORBIDDEN.matcher(text).find() || text.contains("://")
                || text.endsWith(".") || text.endsWith("/") || text.endsWith("\\")) {
            return false;
        }
        String name = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        boolean hasDirectory = text.indexOf('/') > 0 || text.indexOf('\\') > 0 || text.startsWith("/");
        if (!hasDirectory && PRODUCT_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        return EXTENSION.matcher(name).matches() || WELL_KNOWN_NAMES.contains(name)
                || (hasDirectory && !name.isEmpty() && Character.isLetterOrDigit(name.charAt(0)) && name.chars().anyMatch(Character::isLetter));
    }

    /** Strips surrounding backticks, quotes, bold/italic stars and a trailing colon, repeatedly. */
    private static String unwrap(String raw) {
        String text = raw.strip();
        String previous;
        do {
            previous = text;
            if (text.endsWith(":")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            for (String mark : new String[] {"`", "\"", "'", "*"}) {
                if (text.length() >= 2 && text.startsWith(mark) && text.endsWith(mark)) {
                    text = text.substring(mark.length(), text.length() - mark.length()).strip();
                }
            }
        } while (!text.equals(previous));
        return text;
    }

    private static String normalise(String path) {
        return path.replace('\\', '/');
    }
}
