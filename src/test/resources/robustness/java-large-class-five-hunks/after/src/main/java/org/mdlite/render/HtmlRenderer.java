package org.mdlite.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the small Markdown subset mdlite supports (headings, paragraphs, lists, code blocks,
 * block quotes, emphasis, code spans and links) to HTML. Input is trusted to be text, never HTML:
 * every character that HTML treats specially is escaped.
 */
public final class HtmlRenderer {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern ORDERED = Pattern.compile("^\\s*(\\d+)[.)]\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*]+)\\*");
    private static final Map<Character, String> ESCAPES = Map.of(
            '&', "&amp;", '<', "&lt;", '>', "&gt;", '"', "&quot;", '\'', "&#39;");

    private final boolean headingIds;
    private final Map<String, Integer> usedIds = new HashMap<>();

    public HtmlRenderer(boolean headingIds) {
        this.headingIds = headingIds;
    }

    public HtmlRenderer() {
        this(false);
    }

    /** Renders a whole document. */
    public String render(String markdown) {
        usedIds.clear();
        return renderBlocks(markdown);
    }

    private String renderBlocks(String markdown) {
        List<String> lines = markdown.lines().toList();
        StringBuilder html = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (line.startsWith("```")) {
                i = codeBlock(lines, i, html);
            } else if (HEADING.matcher(line).matches()) {
                heading(line, html);
                i++;
            } else if (line.startsWith(">")) {
                i = blockQuote(lines, i, html);
            } else if (BULLET.matcher(line).matches()) {
                i = list(lines, i, html, BULLET, "ul");
            } else if (ORDERED.matcher(line).matches()) {
                i = list(lines, i, html, ORDERED, "ol");
            } else {
                i = paragraph(lines, i, html);
            }
        }
        return html.toString();
    }

    private void heading(String line, StringBuilder html) {
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("not a heading: " + line);
        }
        int level = m.group(1).length();
        String text = m.group(2);
        html.append("<h").append(level);
        if (headingIds) {
            html.append(" id=\"").append(uniqueId(slug(text))).append('"');
        }
        html.append('>').append(inline(text)).append("</h").append(level).append(">\n");
    }

    private int codeBlock(List<String> lines, int start, StringBuilder html) {
        String language = lines.get(start).substring(3).strip();
        html.append("<pre><code");
        if (!language.isEmpty()) {
            html.append(" class=\"language-").append(escape(language)).append('"');
        }
        html.append('>');
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("```")) {
            html.append(escape(lines.get(i))).append('\n');
            i++;
        }
        html.append("</code></pre>\n");
        return i + 1;
    }

    private int blockQuote(List<String> lines, int start, StringBuilder html) {
        List<String> inner = new ArrayList<>();
        int i = start;
        while (i < lines.size() && lines.get(i).startsWith(">")) {
            String content = lines.get(i).substring(1);
            inner.add(content.startsWith(" ") ? content.substring(1) : content);
            i++;
        }
        html.append("<blockquote>\n").append(renderBlocks(String.join("\n", inner))).append("</blockquote>\n");
        return i;
    }

    private int list(List<String> lines, int start, StringBuilder html, Pattern item, String tag) {
        html.append('<').append(tag).append(">\n");
        int i = start;
        while (i < lines.size()) {
            Matcher m = item.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            String text = m.group(m.groupCount());
            html.append("<li>").append(inline(text)).append("</li>\n");
            i++;
        }
        html.append("</").append(tag).append(">\n");
        return i;
    }

    private int paragraph(List<String> lines, int start, StringBuilder html) {
        List<String> parts = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i))) {
            parts.add(lines.get(i).strip());
            i++;
        }
        html.append("<p>").append(inline(String.join(" ", parts))).append("</p>\n");
        return i;
    }

    private static boolean startsBlock(String line) {
        return line.startsWith("```") || line.startsWith(">") || HEADING.matcher(line).matches()
                || BULLET.matcher(line).matches() || ORDERED.matcher(line).matches();
    }

    /** Inline markup: code spans first, so that their content is not formatted further. */
    String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(text);
        int last = 0;
        while (code.find()) {
            out.append(formatted(text.substring(last, code.start())));
            out.append("<code>").append(escape(code.group(1))).append("</code>");
            last = code.end();
        }
        out.append(formatted(text.substring(last)));
        return out.toString();
    }

    private String formatted(String text) {
        String html = escape(text);
        html = replaceLinks(html);
        html = STRONG.matcher(html).replaceAll("<strong>$1</strong>");
        html = EMPHASIS.matcher(html).replaceAll("<em>$1</em>");
        return html;
    }

    private static String replaceLinks(String html) {
        Matcher m = LINK.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String href = m.group(2);
            if (href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                href = "#";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<a href=\"" + href + "\">" + m.group(1) + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = ESCAPES.get(c);
            out.append(replacement != null ? replacement : String.valueOf(c));
        }
        return out.toString();
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9\\s-]", "")
                .strip()
                .replaceAll("\\s+", "-");
    }

    /** GitHub-style: the second "Usage" heading gets id "usage-1". */
    private String uniqueId(String base) {
        int seen = usedIds.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : base + "-" + seen;
    }
}
