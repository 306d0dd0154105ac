package dev.ratchet.context;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a task or a test failure points at: repository paths (written out, as a file name, or
 * as a stack-trace frame in Java, Python, Go, Rust, JavaScript or C style) and identifiers the
 * repository defines.
 */
final class MentionFinder {
    private static final Pattern PATH_LIKE = Pattern.compile("[\\w.$@+\\-/\\\\]*[\\w$]\\.[A-Za-z][\\w+]*");
    private static final Pattern JAVA_FRAME = Pattern.compile("\\bat\\s+(?:[\\w.$/]+//)?([\\w$.]+)\\.[\\w$<>]+\\(([\\w$]+\\.(?:java|kt|scala|groovy)):\\d+\\)");
    private static final Pattern WORD = Pattern.compile("`([^`\\s]+)`|[A-Za-z_$][\\w$]*(?:(?:\\.|::)[A-Za-z_$][\\w$]*)*");

    private final Map<String, List<String>> pathsByName = new HashMap<>();
    private final Set<String> paths;

    MentionFinder(Collection<String> repositoryPaths) {
        this.paths = Set.copyOf(repositoryPaths);
        for (String path : repositoryPaths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            pathsByName.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(path);
        }
    }

    /** Repository paths mentioned in {@code text}, with weight {@code weight} each (less when a name is ambiguous). */
    Map<String, Double> paths(String text, double weight) {
        Map<String, Double> found = new HashMap<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        Matcher frame = JAVA_FRAME.matcher(text);
        while (frame.find()) {
            String className = frame.group(1);
            int dot = className.lastIndexOf('.');
            String directory = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
            String suffix = directory + frame.group(2);
            for (String path : pathsByName.getOrDefault(frame.group(2), List.of())) {
                if (path.endsWith(suffix)) {
                    found.merge(path, weight, Math::max);
                }
            }
        }
        Matcher candidate = PATH_LIKE.matcher(text);
        while (candidate.find()) {
            String token = normalise(candidate.group());
            if (paths.contains(token)) {
                found.merge(token, weight, Math::max);
                continue;
            }
            String name = token.substring(token.lastIndexOf('/') + 1);
            List<String> sameName = pathsByName.getOrDefault(name, List.of());
            List<String> matching = token.contains("/")
                    ? sameName.stream().filter(path -> path.endsWith("/" + token)).toList()
                    : sameName;
            for (String path : matching) {
                found.merge(path, weight / matching.size(), Math::max);
            }
        }
        return found;
    }

    /** Words of {@code text} that look like identifiers: named in backticks, or camelCase, snake_case, dotted. */
    Map<String, Double> identifiers(String text, Set<String> defined) {
        Map<String, Double> found = new HashMap<>();
        if (text == null) {
            return found;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            boolean quoted = word.group(1) != null;
            String whole = quoted ? word.group(1) : word.group();
            for (String part : whole.split("\\.|::|\\(|\\)")) {
                if (part.length() < 3 || !defined.contains(part)) {
                    continue;
                }
                double weight = quoted || looksLikeCode(part) || !whole.equals(part) ? 1.0 : 0.2;
                found.merge(part, weight, Math::max);
            }
        }
        return found;
    }

    private static boolean looksLikeCode(String word) {
        if (word.indexOf('_') >= 0 || word.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String token) {
        String path = token.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("a/") || path.startsWith("b/")) {
            String rest = path.substring(2);
            return rest;
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
