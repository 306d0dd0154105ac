package dev.ratchet.edit.format;

import dev.ratchet.edit.FileChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whole files: a path on its own line, then the file's complete new content in one fence. A fence
 * without a plausible path above it is an illustration, and a fence that holds SEARCH/REPLACE
 * markers, a diff or a V4A patch is not a whole file, so neither is read as one.
 */
public final class WholeFileFormat implements EditFormat, ReplyScanner {
    private static final Pattern PATCH_FILE = Pattern.compile("(?i).*\\.(?:diff|patch)$");
    private static final Set<String> EDIT_LANGUAGES = Set.of("diff", "patch", "udiff");
    /** Fences of program output: what a command printed, never a file's content. */
    private static final Set<String> OUTPUT_LANGUAGES =
            Set.of("output", "log", "stdout", "stderr", "console", "terminal", "shell-session", "pycon", "traceback");
    /** Shell fences hold a file only when the path is a script; otherwise they show a command to run. */
    private static final Set<String> SHELL_LANGUAGES = Set.of("bash", "sh", "shell", "zsh", "powershell", "ps1", "cmd", "bat");
    private static final Pattern SCRIPT_PATH = Pattern.compile("(?i).*\\.(?:sh|bash|zsh|ksh|fish|ps1|psm1|cmd|bat)$|(?:.*/)?[^./]+$");
    private static final Pattern ANY_SEARCH_MARKER = Pattern.compile("^\\s*(?:<{5,9}|>{5,9})\\s*SEARCH>?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_REPLACE_MARKER = Pattern.compile("^\\s*(?:<{5,9}|>{5,9})\\s*REPLACE\\s*$", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "whole";
    }

    @Override
    public ParsedReply parse(String reply) {
        return parseAlone(reply);
    }

    @Override
    public void scan(ReplyText text, Findings findings) {
        for (Fence listed : text.fences()) {
            Fence fence = listed.countingInnerFences(text.allLines());
            int end = fence.closed() ? fence.close() + 1 : text.size();
            if (text.anyClaimed(fence.open(), end)) {
                continue;
            }
            Optional<PathAt> path = pathOf(text, fence);
            if (path.isEmpty()) {
                continue;
            }
            List<String> content = text.lines(fence.open() + 1, fence.contentEnd(text.size()));
            String language = fence.info().toLowerCase().split("[\\s:]", 2)[0];
            boolean patchFile = PATCH_FILE.matcher(path.get().path()).matches();
            if (OUTPUT_LANGUAGES.contains(language)
                    || (SHELL_LANGUAGES.contains(language) && !SCRIPT_PATH.matcher(path.get().path()).matches())) {
                continue;
            }
            if (!patchFile && (EDIT_LANGUAGES.contains(language) || holdsEdits(content))) {
                int marker = firstIndentedSearchMarker(content);
                if (marker >= 0) {
                    // The SEARCH/REPLACE reader skipped these markers because they do not start their line.
                    findings.problem(fence.open() + 1 + marker, "the SEARCH/REPLACE markers for " + path.get().path()
                            + " are indented; write <<<<<<< SEARCH, ======= and >>>>>>> REPLACE at the very start of their lines.");
                }
                continue;
            }
            text.claim(path.get().line(), end);
            if (!fence.closed()) {
                findings.problem(fence.open(), "the new content of " + path.get().path() + " that starts at line "
                        + (fence.open() + 2) + " is cut off: the reply ends before the closing fence. Send the whole"
                        + " file again, from its first line to its last, and close the fence.");
                continue;
            }
            findings.change(path.get().line(), new FileChange.Create(path.get().path(), content, true));
        }
    }

    private record PathAt(String path, int line) {
    }

    /** Whether a fence is the new content of a .diff or .patch file named above it: a diff that is a file, not an edit. */
    static boolean holdsPatchFile(ReplyText text, Fence fence) {
        return pathOf(text, fence).map(path -> PATCH_FILE.matcher(path.path()).matches()).orElse(false);
    }

    /** The path in the fence's info string, or on the nearest non-blank line above the fence. */
    private static Optional<PathAt> pathOf(ReplyText text, Fence fence) {
        Optional<String> info = PathLine.fromFenceInfo(fence.info());
        if (info.isPresent()) {
            return Optional.of(new PathAt(info.get(), fence.open()));
        }
        int above = text.previousNonBlank(fence.open());
        if (above < 0 || above < fence.open() - 3 || text.isClaimed(above)) {
            return Optional.empty();
        }
        return PathLine.fromLine(text.line(above)).map(path -> new PathAt(path, above));
    }

    private static int firstIndentedSearchMarker(List<String> content) {
        for (int i = 0; i < content.size(); i++) {
            if (ANY_SEARCH_MARKER.matcher(content.get(i)).matches()
                    && !SearchReplaceFormat.SEARCH.matcher(content.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean holdsEdits(List<String> content) {
        for (int i = 0; i < content.size(); i++) {
            String line = content.get(i);
            if (ANY_SEARCH_MARKER.matcher(line).matches() || ANY_REPLACE_MARKER.matcher(line).matches()
                    || ApplyPatchFormat.opensPatchOrOperation(line)
                    || UnifiedDiffFormat.NUMBERED_HUNK_HEADER.matcher(line).matches()
                    || line.startsWith("diff --git ")
                    || (line.startsWith("--- ") && i + 1 < content.size() && content.get(i + 1).startsWith("+++ "))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String instructions() {
        return """
                # Edit format: whole files
                Send every file you change as its complete new content. Follow these rules exactly.
                - Write the file's path, relative to the repository root, alone on its own line. Do not decorate it.
                - On the next line open a fence with three backticks and the language.
                - Write every line of the new file, from the first to the last, including the lines you do not change.
                - Close the fence with three backticks on its own line.
                - Never skip lines, never write "..." or "rest of the file unchanged", and never use line numbers.
                - To create a file, do the same with its new path.
                - Send only the files you change, each one once.

                # Example
                src/greeting.py
                ```python
                def greet(name):
                    print(f"Hello, {name}!")
                    return name
                ```
                """;
    }
}
