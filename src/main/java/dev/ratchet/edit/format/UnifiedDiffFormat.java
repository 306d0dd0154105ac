package dev.ratchet.edit.format;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unified diffs as {@code git diff} writes them, and as models write them: with or without
 * {@code diff --git} and metadata lines, with numbered or bare ({@code @@ ... @@}) hunk headers,
 * and without {@code ---}/{@code +++} headers when the file is named just above. Hunk line counts are
 * hints only; a hunk ends at the next hunk or file header, a closing fence, or prose.
 */
public final class UnifiedDiffFormat implements EditFormat, ReplyScanner {
    static final Pattern HUNK_HEADER = Pattern.compile(
            "^@@\\s*(?:-(\\d{1,9})(?:,(\\d{1,9}))?\\s+\\+(\\d{1,9})(?:,(\\d{1,9}))?\\s*@@.*|(?:\\.\\.\\.)?\\s*@@.*|)$");
    static final Pattern NUMBERED_HUNK_HEADER = Pattern.compile("^@@\\s*-\\d+(?:,\\d+)?\\s+\\+\\d+(?:,\\d+)?\\s*@@.*$");
    private static final Pattern DIFF_GIT = Pattern.compile("^diff --git\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)\\s*$");
    private static final Pattern METADATA = Pattern.compile(
            "^(?:index \\S+.*|old mode \\d+|new mode \\d+|deleted file mode \\d+|new file mode \\d+|similarity index .*"
                    + "|dissimilarity index .*|rename from .*|rename to .*|copy from .*|copy to .*|Binary files .*)$");
    private static final String DEV_NULL = "/dev/null";

    @Override
    public String name() {
        return "udiff";
    }

    @Override
    public ParsedReply parse(String reply) {
        return parseAlone(reply);
    }

    @Override
    public void scan(ReplyText text, Findings findings) {
        int i = 0;
        while (i < text.size()) {
            if (text.isClaimed(i)) {
                i++;
                continue;
            }
            boolean headed = DIFF_GIT.matcher(text.line(i)).matches() || isHeaderPair(text, i);
            if (!headed && !HUNK_HEADER.matcher(text.line(i)).matches()) {
                i++;
                continue;
            }
            Optional<Fence> patchFile = text.fenceAround(i).filter(fence -> WholeFileFormat.holdsPatchFile(text, fence));
            if (patchFile.isPresent()) {
                // The diff is the content of a .patch file the reply writes whole; the whole-file reader takes it.
                i = patchFile.get().contentEnd(text.size());
            } else {
                i = readFile(text, i, headed ? null : pathAbove(text, i), findings);
            }
        }
    }

    private static boolean isHeaderPair(ReplyText text, int i) {
        return i + 1 < text.size() && text.line(i).startsWith("--- ") && text.line(i + 1).startsWith("+++ ")
                && !text.isClaimed(i + 1);
    }

    /** The file a header-less hunk edits: named on the line above it, or above the fence it stands in. */
    private static PathFound pathAbove(ReplyText text, int hunkLine) {
        int above = text.previousNonBlank(hunkLine);
        if (above >= 0 && !text.isClaimed(above) && Fence.isOpening(text.line(above))) {
            Optional<String> info = Fence.infoOf(text.line(above)).flatMap(PathLine::fromFenceInfo);
            if (info.isPresent()) {
                return new PathFound(info.get(), above);
            }
            above = text.previousNonBlank(above);
        }
        if (above >= 0 && !text.isClaimed(above)) {
            Optional<String> path = PathLine.fromCommentLine(text.line(above));
            if (path.isPresent()) {
                return new PathFound(path.get(), above);
            }
            // "Update `src/app.py`:" above the fence; safe here because the hunk must still match that file.
            Optional<String> prose = PathLine.fromProse(text.line(above));
            if (prose.isPresent()) {
                return new PathFound(prose.get(), hunkLine);
            }
        }
        return new PathFound(null, hunkLine);
    }

    private record PathFound(String path, int line) {
    }

    /** What the header lines of one file section say. */
    private static final class FileSection {
        final int start;
        String oldPath;
        String newPath;
        String renameFrom;
        String renameTo;
        boolean newFile;
        boolean deletedFile;
        final List<Hunk> hunks = new ArrayList<>();
        int hunkProblems;

        FileSection(int start) {
            this.start = start;
        }
    }

    /** Reads one file's section (headers, then hunks) starting at {@code start}; returns the index after it. */
    private static int readFile(ReplyText text, int start, PathFound headerless, Findings findings) {
        FileSection section = new FileSection(start);
        int i = start;
        if (headerless != null) {
            if (headerless.path() == null) {
                findings.problem(start, "the diff hunk at line " + (start + 1) + " does not say which file it edits:"
                        + " start the diff with the lines --- a/path/to/file and +++ b/path/to/file.");
            }
            section.oldPath = headerless.path();
            section.newPath = headerless.path();
            text.claim(headerless.line(), start);
        } else {
            Matcher git = DIFF_GIT.matcher(text.line(i));
            boolean gitHeader = git.matches();
            if (gitHeader) {
                String[] paths = stripGitPrefixes(unquote(git.group(1)), unquote(git.group(2)), true);
                section.oldPath = paths[0];
                section.newPath = paths[1];
                i++;
                for (; i < text.size() && !text.isClaimed(i) && METADATA.matcher(text.line(i)).matches(); i++) {
                    readMetadata(text.line(i), section);
                }
            }
            if (isHeaderPair(text, i)) {
                String oldPath = headerPath(text.line(i).substring(4));
                String newPath = headerPath(text.line(i + 1).substring(4));
                String[] paths = stripGitPrefixes(oldPath, newPath, gitHeader);
                section.oldPath = paths[0];
                section.newPath = paths[1];
                i += 2;
                if (i < text.size() && !text.isClaimed(i) && startsBodyLine(text.line(i)) && !isHeaderPair(text, i)) {
                    // Headers followed straight by changed lines: a hunk whose @@ line was left out.
                    i = readHunk(text, i - 1, section, findings);
                }
            }
        }
        // Inside a file's section any @@ line opens a hunk, also "@@ def total(values):" without numbers.
        while (i < text.size() && !text.isClaimed(i) && text.line(i).startsWith("@@")) {
            i = readHunk(text, i, section, findings);
        }
        text.claim(start, i);
        if (section.oldPath != null || section.newPath != null) {
            emit(section, findings);
        }
        return Math.max(i, start + 1);
    }

    private static void readMetadata(String line, FileSection section) {
        if (line.startsWith("new file mode")) {
            section.newFile = true;
        } else if (line.startsWith("deleted file mode")) {
            section.deletedFile = true;
        } else if (line.startsWith("rename from ")) {
            section.renameFrom = PathLine.clean(unquote(line.substring("rename from ".length())));
        } else if (line.startsWith("rename to ")) {
            section.renameTo = PathLine.clean(unquote(line.substring("rename to ".length())));
        }
    }

    private static void emit(FileSection section, Findings findings) {
        boolean created = DEV_NULL.equals(section.oldPath) || (section.newFile && section.hunks.isEmpty());
        boolean deleted = DEV_NULL.equals(section.newPath) || (section.deletedFile && section.hunks.isEmpty());
        if (created && !DEV_NULL.equals(section.newPath)) {
            List<String> lines = new ArrayList<>();
            section.hunks.forEach(hunk -> lines.addAll(hunk.after()));
            String indent = commonIndent(lines);
            if (section.hunkProblems == 0 && !indent.isEmpty()) {
                // No file starts every line indented: the diff's columns drifted, and the real indentation is unknown.
                findings.problem(section.start, "every line of the new file " + section.newPath + " at line "
                        + (section.start + 1) + " starts with " + describe(indent) + " more than a file's first"
                        + " column: write each added line as '+' followed by the line exactly as it stands in the file.");
            } else if (section.hunkProblems == 0) {
                findings.change(section.start, new FileChange.Create(section.newPath, lines, false));
            }
            return;
        }
        if (deleted && !DEV_NULL.equals(section.oldPath)) {
            if (section.hunkProblems == 0) {
                findings.change(section.start, new FileChange.Delete(section.oldPath));
            }
            return;
        }
        String from = section.renameFrom != null ? section.renameFrom : section.oldPath;
        String to = section.renameTo != null ? section.renameTo : section.newPath;
        String moveTo = to != null && !to.equals(from) ? to : null;
        if (section.hunks.isEmpty() && moveTo != null && section.renameFrom == null && section.renameTo == null) {
            if (section.hunkProblems == 0) {
                // git writes a pure rename as "rename from/to" lines; bare headers that differ with nothing
                // after them are what is left of a reply cut off inside the +++ line.
                findings.problem(section.start, "the diff at line " + (section.start + 1) + " names " + from + " and "
                        + to + " but has no hunks and no 'rename from'/'rename to' lines: to rename a file write"
                        + " those git lines; to edit it, give both headers the same path and add the hunks.");
            }
            return;
        }
        if (section.hunks.isEmpty() && moveTo == null) {
            if (section.hunkProblems == 0) {
                findings.problem(section.start, "the diff for " + from + " at line " + (section.start + 1)
                        + " has file headers but no hunks: follow the --- and +++ lines with @@ -l,s +l,s @@ and the"
                        + " changed lines, each starting with a space (context), - (removed) or + (added).");
            }
            return;
        }
        findings.change(section.start, new FileChange.Update(from, section.hunks, moveTo));
    }

    /** The whitespace every non-blank line starts with; empty when one starts in the first column or all are blank. */
    private static String commonIndent(List<String> lines) {
        String common = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            String indent = line.substring(0, i);
            if (common == null || !indent.startsWith(common)) {
                int same = 0;
                String shorter = common == null ? indent : common;
                while (same < shorter.length() && same < indent.length() && shorter.charAt(same) == indent.charAt(same)) {
                    same++;
                }
                common = indent.substring(0, common == null ? indent.length() : same);
            }
        }
        return common == null ? "" : common;
    }

    private static String describe(String indent) {
        long tabs = indent.chars().filter(c -> c == '\t').count();
        long spaces = indent.length() - tabs;
        return tabs == 0 ? spaces + (spaces == 1 ? " space" : " spaces")
                : spaces == 0 ? tabs + (tabs == 1 ? " tab" : " tabs")
                : "'" + indent.replace("\t", "\\t") + "'";
    }

    /** Reads one hunk from its header; returns the index just after it. */
    private static int readHunk(ReplyText text, int header, FileSection section, Findings findings) {
        Matcher matcher = HUNK_HEADER.matcher(text.line(header));
        if (!matcher.matches()) {
            matcher = HUNK_HEADER.matcher("@@ @@");
            matcher.matches();
        }
        OptionalInt lineHint = matcher.group(1) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(matcher.group(1)));
        int oldCount = count(matcher.group(1), matcher.group(2));
        int newCount = count(matcher.group(3), matcher.group(4));
        boolean inFence = text.fenceAround(header).isPresent();

        int end = header + 1;
        int oldSeen = 0;
        int newSeen = 0;
        while (end < text.size() && (!endsHunk(text, end) || isContentPair(text, end, oldCount - oldSeen, newCount - newSeen))) {
            String line = text.line(end);
            if (!line.startsWith("\\")) {
                oldSeen += line.startsWith("+") ? 0 : 1;
                newSeen += line.startsWith("-") ? 0 : 1;
            }
            end++;
        }
        int last = end;
        if (!inFence) {
            // Outside a fence, unprefixed lines after the last diff line are the prose that follows the diff.
            while (last > header + 1 && isUnprefixed(text.line(last - 1))) {
                last--;
            }
        }
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        boolean changes = false;
        int trailingBlanks = 0;
        int blanksAfterLast = 0;
        for (int i = last; i < end && text.line(i).isEmpty(); i++) {
            blanksAfterLast++;
        }
        for (int i = header + 1; i < last; i++) {
            String line = text.line(i);
            if (line.isEmpty()) {
                trailingBlanks++;
                continue;
            }
            for (; trailingBlanks > 0; trailingBlanks--) {
                before.add("");
                after.add("");
            }
            char first = line.charAt(0);
            switch (first) {
                case ' ' -> {
                    before.add(line.substring(1));
                    after.add(line.substring(1));
                }
                case '-' -> {
                    before.add(line.substring(1));
                    changes = true;
                }
                case '+' -> {
                    after.add(line.substring(1));
                    changes = true;
                }
                case '\\' -> {
                    // "\ No newline at end of file": the applier keeps the file's own ending.
                }
                default -> {
                    // A context line whose leading space was lost (editors and models strip it).
                    before.add(line);
                    after.add(line);
                }
            }
        }
        trailingBlanks += blanksAfterLast;
        // Trailing blank lines are kept only as far as the header's counts ask for them.
        for (; trailingBlanks > 0 && (before.size() < oldCount || after.size() < newCount); trailingBlanks--) {
            before.add("");
            after.add("");
        }
        boolean truncated = end >= text.size() && text.fenceAround(header).map(fence -> !fence.closed()).orElse(false);
        if (truncated) {
            section.hunkProblems++;
            findings.problem(header, "the diff hunk at line " + (header + 1) + (section.newPath != null ? " for " + section.newPath : "")
                    + " is cut off: the reply ends inside its fence. Send this hunk again, complete, and close the fence.");
        } else if (last == header + 1) {
            section.hunkProblems++;
            findings.problem(header, "the diff hunk at line " + (header + 1) + " has no lines: after the @@ line write the"
                    + " changed lines, each starting with a space (context), - (removed) or + (added).");
        } else if (changes && section.oldPath != null) {
            section.hunks.add(new Hunk(before, after, List.of(), lineHint, false, Hunk.Source.UDIFF));
        }
        return end;
    }

    private static int count(String start, String count) {
        if (start == null) {
            return -1;
        }
        return count == null ? 1 : Integer.parseInt(count);
    }

    /**
     * A removed line "--- x" followed by an added line "+++ y" looks like a file header; it is content
     * when the hunk's counts still expect both lines and no @@ line follows them, as after a real header.
     */
    private static boolean isContentPair(ReplyText text, int i, int oldLeft, int newLeft) {
        return isHeaderPair(text, i) && oldLeft >= 1 && newLeft >= 1
                && i + 2 < text.size() && !text.line(i + 2).startsWith("@@");
    }

    private static boolean startsBodyLine(String line) {
        return line.startsWith("+") || line.startsWith("-") || line.startsWith(" ");
    }

    private static boolean isUnprefixed(String line) {
        return line.isEmpty() || "+- \\".indexOf(line.charAt(0)) < 0;
    }

    private static boolean endsHunk(ReplyText text, int i) {
        String line = text.line(i);
        return text.isClaimed(i)
                || line.startsWith("@@")
                || DIFF_GIT.matcher(line).matches()
                || isHeaderPair(text, i)
                || (!line.startsWith(" ") && (Fence.isOpening(line) || Fence.isBareMarker(line)));
    }

    /** A path from a --- or +++ line: without the timestamp git and diff(1) may append after a tab. */
    private static String headerPath(String raw) {
        int tab = raw.indexOf('\t');
        String path = (tab >= 0 ? raw.substring(0, tab) : raw).strip();
        return PathLine.clean(unquote(path));
    }

    private static String unquote(String raw) {
        String text = raw.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return text;
    }

    /**
     * Drops git's {@code a/} and {@code b/} prefixes only when the pair says they are git's: both
     * sides carry them, a {@code diff --git} line introduced them, one side is {@code /dev/null}
     * and the other carries the prefix git gives that side, or the sides differ by nothing but it.
     */
    private static String[] stripGitPrefixes(String oldPath, String newPath, boolean gitHeader) {
        boolean oldPrefixed = oldPath.startsWith("a/");
        boolean newPrefixed = newPath.startsWith("b/");
        if (oldPath.equals("a/" + newPath)) {
            return new String[] {newPath, newPath};
        }
        if (newPath.equals("b/" + oldPath)) {
            return new String[] {oldPath, oldPath};
        }
        boolean strip = (oldPrefixed && newPrefixed)
                || (gitHeader && (oldPrefixed || newPrefixed))
                || (DEV_NULL.equals(oldPath) && newPrefixed)
                || (DEV_NULL.equals(newPath) && oldPrefixed);
        if (!strip) {
            return new String[] {oldPath, newPath};
        }
        return new String[] {oldPrefixed ? oldPath.substring(2) : oldPath, newPrefixed ? newPath.substring(2) : newPath};
    }

    @Override
    public String instructions() {
        return """
                # Edit format: unified diff
                Describe every change as a unified diff, the way `git diff` prints it. Follow these rules exactly.
                - Put the whole diff in one fence that starts with ```diff and ends with ```.
                - For each file write the line --- a/path/to/file and then the line +++ b/path/to/file, with the path relative to the repository root.
                - Start each hunk with an @@ line. Line numbers in it are optional: write @@ ... @@ when you are not sure of them. Then write the lines of that part of the file, each starting with one character: a space for an unchanged line, - for a removed line, + for an added line.
                - Include two or three unchanged lines before and after each change, copied exactly, so the hunk matches one place in the file.
                - Copy every unchanged and removed line exactly as it is in the file, including its indentation. Never skip lines inside a hunk.
                - To create a file, use --- /dev/null and +++ b/path/to/new_file, and start every line with +.
                - To delete a file, use --- a/path/to/file and +++ /dev/null with one hunk that removes every line.
                - Only edit files you have been shown or that you create.

                # Example
                ```diff
                --- a/src/greeting.py
                +++ b/src/greeting.py
                @@ -1,3 +1,3 @@
                 def greet(name):
                -    print("Hi " + name)
                +    print(f"Hello, {name}!")
                     return name
                ```
                """;
    }
}
