package dev.ratchet.edit.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced block in a reply: backticks or tildes of any length (three or more), or an XML-like
 * {@code <source>} / {@code <code>} tag pair.
 *
 * @param open  0-based index of the opening line
 * @param close 0-based index of the closing line, or -1 when the reply ends inside the fence
 * @param info  the text after the opening marker (usually a language, sometimes a path), stripped
 */
record Fence(int open, int close, String info) {

    private static final Pattern MARKDOWN_OPEN = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*([^`]*?)\\s*$");
    private static final Pattern BARE_MARKDOWN = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*$");
    private static final Pattern TAG_OPEN =
            Pattern.compile("^\\s*<(source|code)(?:\\s[^>]*)?>\\s*([\\w+#.:/\\\\-]*)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG_CLOSE = Pattern.compile("^\\s*</(source|code)>\\s*$", Pattern.CASE_INSENSITIVE);

    boolean closed() {
        return close >= 0;
    }

    /** Index just past the last content line. */
    int contentEnd(int replySize) {
        return closed() ? close : replySize;
    }

    /** Finds the fences of a reply the way a Markdown reader would: a fence's content is not searched for fences. */
    static List<Fence> locate(List<String> lines) {
        List<Fence> fences = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Optional<Opening> opening = opening(lines.get(i));
            if (opening.isEmpty()) {
                i++;
                continue;
            }
            int close = -1;
            for (int j = i + 1; j < lines.size(); j++) {
                if (opening.get().closedBy(lines.get(j))) {
                    close = j;
                    break;
                }
            }
            fences.add(new Fence(i, close, opening.get().info()));
            if (close < 0) {
                break;
            }
            i = close + 1;
        }
        return List.copyOf(fences);
    }

    /**
     * This fence read as the fence around a whole Markdown file, which holds fences of its own: a
     * marker with a language inside it opens an inner fence, and the bare marker after that closes
     * the inner one, not this one. The same fence when nothing inside opens another.
     */
    Fence countingInnerFences(List<String> lines) {
        Opening opening = opening(lines.get(open)).orElseThrow();
        int inner = 0;
        for (int j = open + 1; j < lines.size(); j++) {
            if (opening.closedBy(lines.get(j))) {
                if (inner == 0) {
                    return new Fence(open, j, info);
                }
                inner--;
            } else if (opening.opensInner(lines.get(j))) {
                inner++;
            }
        }
        return new Fence(open, -1, info);
    }

    /** Whether a line could open a fence (any fence marker, with or without an info string). */
    static boolean isOpening(String line) {
        return opening(line).isPresent();
    }

    /** Whether a line is a fence marker with nothing after it, i.e. a line that can close a fence. */
    static boolean isBareMarker(String line) {
        return BARE_MARKDOWN.matcher(line).matches() || TAG_CLOSE.matcher(line).matches();
    }

    /** The info string of a line that opens a fence, if it does. */
    static Optional<String> infoOf(String line) {
        return opening(line).map(Opening::info);
    }

    private static Optional<Opening> opening(String line) {
        Matcher markdown = MARKDOWN_OPEN.matcher(line);
        if (markdown.matches()) {
            return Optional.of(new Opening(markdown.group(1), markdown.group(2)));
        }
        Matcher tag = TAG_OPEN.matcher(line);
        if (tag.matches()) {
            return Optional.of(new Opening("</" + tag.group(1).toLowerCase() + ">", tag.group(2)));
        }
        return Optional.empty();
    }

    /** The marker that opened a fence; a Markdown fence closes with the same character, at least as many times. */
    private record Opening(String marker, String info) {
        boolean closedBy(String line) {
            if (marker.startsWith("</")) {
                Matcher tag = TAG_CLOSE.matcher(line);
                return tag.matches() && marker.equals("</" + tag.group(1).toLowerCase() + ">");
            }
            Matcher bare = BARE_MARKDOWN.matcher(line);
            return bare.matches()
                    && bare.group(1).charAt(0) == marker.charAt(0)
                    && bare.group(1).length() >= marker.length();
        }

        boolean opensInner(String line) {
            if (marker.startsWith("</")) {
                return false;
            }
            Matcher open = MARKDOWN_OPEN.matcher(line);
            return open.matches() && !open.group(2).isEmpty()
                    && open.group(1).charAt(0) == marker.charAt(0)
                    && open.group(1).length() >= marker.length();
        }
    }
}
