package dev.ratchet.agent.tools;

import dev.ratchet.context.RepoFile;
import dev.ratchet.model.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code search}: a Java regular expression over the repository's files, answering
 * {@code path:line: text} per matching line. Results are capped, and so is the time a pattern may
 * take, because a model can write a pattern that backtracks for minutes.
 */
public final class SearchTool implements Tool {
    private static final ParameterSchema SCHEMA = new ParameterSchema()
            .string("pattern", "Java regular expression searched in each line, e.g. \"def loads\\\\(\" or \"class \\\\w+Parser\".", true)
            .string("path", "Only search this directory or file, relative to the repository root (default: everything).", false)
            .string("glob", "Only files whose path matches this glob, e.g. \"**/*.java\"; without '/' it matches file names.", false)
            .bool("ignore_case", "Match without regard to case (default false).");
    private static final int MAX_LINE_CHARS = 240;
    /** Files larger than this are skipped: they are data or generated, and would dominate the time. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final RepoListing listing;
    private final int maxMatches;
    private final Duration timeLimit;

    public SearchTool(RepoListing listing, int maxMatches, Duration timeLimit) {
        this.listing = listing;
        this.maxMatches = maxMatches;
        this.timeLimit = timeLimit;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("search", "Search the repository's files (ignored, generated and secret-looking files left out) "
                + "for a Java regular expression, line by line. Answers one \"path:line: text\" per matching line, at most "
                + maxMatches + " of them.", SCHEMA.node());
    }

    @Override
    public Set<String> parameters() {
        return SCHEMA.names();
    }

    @Override
    public String describe(ToolArguments arguments) {
        return "/" + arguments.text("pattern").orElse("") + "/" + arguments.text("path").map(path -> " in " + path).orElse("")
                + arguments.text("glob").map(glob -> " " + glob).orElse("");
    }

    @Override
    public ToolOutcome run(ToolArguments arguments) throws IOException {
        String source = arguments.required("pattern");
        if (source.isEmpty()) {
            throw new ToolFailure("the pattern is empty; give a regular expression to search for");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(source, arguments.flag("ignore_case") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException invalid) {
            throw new ToolFailure("the pattern is not a valid Java regular expression: " + invalid.getDescription()
                    + (invalid.getIndex() >= 0 ? " at index " + invalid.getIndex() : "") + " in " + source
                    + "; escape special characters such as ( [ { . * + ? with a backslash");
        }
        String prefix = listing.prefix(arguments.text("path").orElse(""));
        PathMatcher glob = arguments.text("glob").map(ListFilesTool::matcher).orElse(null);
        boolean nameGlob = arguments.text("glob").map(g -> !g.contains("/")).orElse(false);
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<String> shown = new ArrayList<>();
        int total = 0;
        int files = 0;
        for (RepoFile file : listing.files()) {
            if (!RepoListing.under(file.path(), prefix) || file.size() > MAX_FILE_BYTES) {
                continue;
            }
            if (glob != null && !glob.matches(Path.of(file.path())) && !(nameGlob && glob.matches(Path.of(file.path()).getFileName()))) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(listing.workTree().resolve(file.path()));
            if (isBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
            boolean hit = false;
            for (int i = 0; i < lines.length; i++) {
                Matcher matcher = pattern.matcher(new Deadline(lines[i], deadline, source));
                if (matcher.find()) {
                    total++;
                    hit = true;
                    if (shown.size() < maxMatches) {
                        String line = lines[i].strip();
                        shown.add(file.path() + ":" + (i + 1) + ": "
                                + (line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + " …" : line));
                    }
                }
            }
            files += hit ? 1 : 0;
        }
        if (total == 0) {
            return ToolOutcome.done("No line matches /" + source + "/" + (prefix.isEmpty() ? "" : " in " + prefix)
                    + ". Ignored, generated and secret-looking files are not searched.", "no matches");
        }
        StringBuilder text = new StringBuilder();
        shown.forEach(line -> text.append(line).append('\n'));
        if (total > shown.size()) {
            text.append("[").append(total).append(" matching lines in ").append(files).append(" files; only the first ")
                    .append(shown.size()).append(" are shown. Narrow the search with path, glob or a more precise pattern]\n");
        }
        return ToolOutcome.done(text.toString(), total + (total == 1 ? " match" : " matches") + " in " + files
                + (files == 1 ? " file" : " files"));
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8_000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** A line that stops the regex engine once the search's time is up (it reads every character through here). */
    private static final class Deadline implements CharSequence {
        private final String text;
        private final long deadlineNanos;
        private final String pattern;
        private int reads;

        Deadline(String text, long deadlineNanos, String pattern) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
            this.pattern = pattern;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadlineNanos) {
                throw new ToolFailure("the pattern " + pattern + " took too long (it backtracks heavily); "
                        + "write a simpler pattern, e.g. without nested quantifiers like (a+)+");
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.substring(start, end), deadlineNanos, pattern);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
