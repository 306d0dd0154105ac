package dev.ratchet.edit.format;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SEARCH/REPLACE blocks: a path line, then {@code <<<<<<< SEARCH}, the exact current lines,
 * {@code =======}, the new lines, {@code >>>>>>> REPLACE}. Markers of 5 to 9 characters and in either
 * direction are accepted, because models (including a published GPT-4.1 example) write them reversed.
 */
public final class SearchReplaceFormat implements EditFormat, ReplyScanner {
    // Markers stand at the start of their line: an indented or prefixed marker is content (a diff or
    // patch line, or code that quotes the format), so other formats' edits can carry them.
    static final Pattern SEARCH = Pattern.compile("^(?:<{5,9}|>{5,9})\\s*SEARCH>?\\s*$", Pattern.CASE_INSENSITIVE);
    static final Pattern DIVIDER = Pattern.compile("^={5,9}\\s*$");
    static final Pattern REPLACE = Pattern.compile("^(?:<{5,9}|>{5,9})\\s*REPLACE\\s*$", Pattern.CASE_INSENSITIVE);

    private static final String EXAMPLE_FIX = "write the path on its own line, then a fence, then"
            + " <<<<<<< SEARCH, the exact current lines, =======, the new lines, >>>>>>> REPLACE, then close the fence";

    @Override
    public String name() {
        return "search-replace";
    }

    @Override
    public ParsedReply parse(String reply) {
        return parseAlone(reply);
    }

    @Override
    public void scan(ReplyText text, Findings findings) {
        String lastPath = null;
        int i = 0;
        while (i < text.size()) {
            int indent = text.isClaimed(i) ? -1 : blockIndent(text, i);
            if (indent < 0) {
                i++;
                continue;
            }
            int searchLine = i;
            List<Integer> dividers = new ArrayList<>();
            int replace = -1;
            int j = i + 1;
            for (; j < text.size() && !text.isClaimed(j); j++) {
                String line = text.line(j);
                if (isMarker(line, indent, DIVIDER)) {
                    dividers.add(j);
                } else if (isMarker(line, indent, REPLACE)) {
                    replace = j;
                    break;
                } else if (isMarker(line, indent, SEARCH)) {
                    break;
                }
            }
            PathSource path = pathFor(text, searchLine, lastPath);
            int divider = dividers.isEmpty() ? -1 : dividers.get(0);
            if (replace < 0 || divider < 0) {
                // A fence that closes inside the unfinished block means the model left out a marker there
                // and the reply goes on after it; without one, the block runs into the next one or is cut off.
                int fenceClose = firstBareFence(text, divider >= 0 ? divider + 1 : searchLine + 1, j);
                if (fenceClose >= 0) {
                    findings.problem(searchLine, "the SEARCH/REPLACE block at line " + (searchLine + 1) + " has no "
                            + (divider < 0 ? "======= line" : ">>>>>>> REPLACE line") + " before its fence closes at line "
                            + (fenceClose + 1) + "; " + EXAMPLE_FIX + ".");
                    j = fenceClose + 1;
                } else {
                    findings.problem(searchLine, brokenBlockMessage(searchLine, divider, replace, j, text));
                }
                text.claim(path.claimFrom(), j);
                lastPath = path.path() != null ? path.path() : lastPath;
                i = j;
                continue;
            }
            int claimEnd = replace + 1;
            if (claimEnd < text.size() && !text.isClaimed(claimEnd) && Fence.isBareMarker(text.line(claimEnd))) {
                claimEnd++;
            }
            text.claim(path.claimFrom(), claimEnd);
            divider = chooseDivider(text, searchLine, dividers, indent);
            if (divider < 0) {
                findings.problem(searchLine, "the SEARCH/REPLACE block at line " + (searchLine + 1) + " has several ======="
                        + " lines (lines " + dividers.stream().map(d -> String.valueOf(d + 1)).collect(Collectors.joining(", "))
                        + ") and it is not certain which one divides SEARCH from REPLACE: choose SEARCH lines that do not"
                        + " include a ======= line of the file, or send this change as a unified diff.");
                lastPath = path.path() != null ? path.path() : lastPath;
            } else if (path.path() == null) {
                findings.problem(searchLine, "the SEARCH/REPLACE block at line " + (searchLine + 1)
                        + " does not say which file it edits: " + EXAMPLE_FIX + ".");
            } else {
                Hunk hunk = Hunk.of(dedent(text.lines(searchLine + 1, divider), indent),
                        dedent(text.lines(divider + 1, replace), indent), Hunk.Source.SEARCH_REPLACE);
                findings.change(searchLine, new FileChange.Update(path.path(), List.of(hunk)));
                lastPath = path.path();
            }
            i = claimEnd;
        }
    }

    /**
     * The indentation of the block that starts at this line, or -1 when no block starts there. Markers
     * stand at column 0, or indented exactly as far as the fence around them (a block in a Markdown
     * list item), in which case the block's lines carry that indentation too.
     */
    private static int blockIndent(ReplyText text, int index) {
        String line = text.line(index);
        if (SEARCH.matcher(line).matches()) {
            return 0;
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent == 0 || !SEARCH.matcher(line.substring(indent)).matches()) {
            return -1;
        }
        int fenceIndent = text.fenceAround(index).map(fence -> leadingSpaces(text.line(fence.open()))).orElse(-1);
        return fenceIndent == indent ? indent : -1;
    }

    /**
     * The dividing line of a complete block. Content may hold ======= lines too (a reStructuredText
     * underline, a merge-conflict fixture): the divider is the one whose length matches the SEARCH
     * marker's; with no single such line the block is ambiguous (-1), and applying a guess could
     * corrupt the file.
     */
    private static int chooseDivider(ReplyText text, int searchLine, List<Integer> dividers, int indent) {
        if (dividers.size() == 1) {
            return dividers.get(0);
        }
        int markerLength = markerLength(text.line(searchLine).substring(indent));
        List<Integer> sameLength = dividers.stream()
                .filter(d -> markerLength(text.line(d).substring(indent)) == markerLength)
                .toList();
        return sameLength.size() == 1 ? sameLength.get(0) : -1;
    }

    private static int markerLength(String marker) {
        int length = 0;
        while (length < marker.length() && marker.charAt(length) == marker.charAt(0)) {
            length++;
        }
        return length;
    }

    private static int leadingSpaces(String line) {
        int count = 0;
        while (count < line.length() && line.charAt(count) == ' ') {
            count++;
        }
        return count;
    }

    private static boolean isMarker(String line, int indent, Pattern marker) {
        return leadingSpaces(line) >= indent && marker.matcher(line.substring(indent)).matches();
    }

    /** Removes the list item's indentation (up to {@code indent} spaces) from each line of an indented block. */
    private static List<String> dedent(List<String> lines, int indent) {
        if (indent == 0) {
            return lines;
        }
        List<String> result = new ArrayList<>(lines.size());
        for (String line : lines) {
            result.add(line.substring(Math.min(indent, leadingSpaces(line))));
        }
        return result;
    }

    private static int firstBareFence(ReplyText text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Fence.isBareMarker(text.line(i)) && !text.isClaimed(i)) {
                return i;
            }
        }
        return -1;
    }

    private static String brokenBlockMessage(int searchLine, int divider, int replace, int stop, ReplyText text) {
        String where = "the SEARCH/REPLACE block at line " + (searchLine + 1);
        if (stop >= text.size()) {
            return where + " is cut off: the reply ends before " + (divider < 0 ? "its ======= line" : "its >>>>>>> REPLACE line")
                    + ". Send the whole block again: " + EXAMPLE_FIX + ".";
        }
        if (divider < 0) {
            return where + " has no ======= line between the SEARCH part and the REPLACE part; " + EXAMPLE_FIX + ".";
        }
        return where + " has no >>>>>>> REPLACE line before the next block starts at line " + (stop + 1)
                + "; end every block with >>>>>>> REPLACE.";
    }

    /** Where a block's path was found: the path (null when none) and the first line the block's edit spans. */
    private record PathSource(String path, int claimFrom) {
    }

    /**
     * Looks above a SEARCH line for its path: the line just above (path inside the fence), the
     * fence's info string, or the line above the fence; a block that follows another block with no
     * path of its own belongs to the same file, as models write several blocks after one path line.
     */
    private static PathSource pathFor(ReplyText text, int searchLine, String lastPath) {
        int above = text.previousNonBlank(searchLine);
        if (above < 0) {
            return new PathSource(lastPath, searchLine);
        }
        Optional<String> inside = PathLine.fromCommentLine(text.line(above));
        if (inside.isPresent() && !text.isClaimed(above)) {
            int from = above;
            int fence = text.previousNonBlank(above);
            if (fence >= 0 && Fence.isOpening(text.line(fence)) && !text.isClaimed(fence)) {
                from = fence;
            }
            return new PathSource(inside.get(), from);
        }
        if (Fence.isOpening(text.line(above))) {
            Optional<String> info = Fence.infoOf(text.line(above)).flatMap(PathLine::fromFenceInfo);
            if (info.isPresent()) {
                return new PathSource(info.get(), above);
            }
            int pathLine = text.previousNonBlank(above);
            if (pathLine >= 0 && !text.isClaimed(pathLine)) {
                Optional<String> outside = PathLine.fromLine(text.line(pathLine));
                if (outside.isPresent()) {
                    return new PathSource(outside.get(), pathLine);
                }
                // "Update `src/app.py`:" above the fence; safe here because SEARCH must still match that file.
                Optional<String> prose = PathLine.fromProse(text.line(pathLine));
                if (prose.isPresent()) {
                    return new PathSource(prose.get(), above);
                }
            }
            return new PathSource(lastPath, above);
        }
        Optional<String> prose = text.isClaimed(above) ? Optional.empty() : PathLine.fromProse(text.line(above));
        return new PathSource(prose.orElse(lastPath), searchLine);
    }

    @Override
    public String instructions() {
        return """
                # Edit format: SEARCH/REPLACE blocks
                Describe every change to a file as one or more SEARCH/REPLACE blocks. Follow these rules exactly.
                - Write the file's path, relative to the repository root, alone on its own line. Do not decorate it.
                - On the next line open a fence with three backticks and the language.
                - Write the line <<<<<<< SEARCH.
                - Copy the lines that are in the file now, character for character, including indentation and comments. Include enough lines to match exactly one place in the file, and no more.
                - Write the line =======.
                - Write the lines that replace them.
                - Write the line >>>>>>> REPLACE, then close the fence.
                - Start every marker line (<<<<<<< SEARCH, =======, >>>>>>> REPLACE) at the very beginning of the line. Never indent a marker.
                - To make several changes to one file, write several blocks, each with its own path line, in the order the lines appear in the file.
                - To create a new file, use its new path and an empty SEARCH part; the REPLACE part is the whole content.
                - To delete lines, leave the REPLACE part empty.
                - Never use line numbers. Never write "..." to skip lines: SEARCH must hold every line of the part it replaces.
                - Only edit files you have been shown or that you create.

                # Example
                src/greeting.py
                ```python
                <<<<<<< SEARCH
                def greet(name):
                    print("Hi " + name)
                =======
                def greet(name):
                    print(f"Hello, {name}!")
                >>>>>>> REPLACE
                ```
                """;
    }
}
