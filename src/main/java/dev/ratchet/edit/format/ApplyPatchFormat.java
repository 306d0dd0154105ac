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
 * OpenAI's V4A patch format ({@code *** Begin Patch} … {@code *** End Patch}), the one GPT-4.1 was
 * trained to write through its {@code apply_patch} tool. Read leniently, as GPT-4.1 writes it: in a
 * fence or a shell heredoc, with whitespace around the {@code ***} markers, with stacked {@code @@}
 * anchor lines and a first chunk without one.
 */
public final class ApplyPatchFormat implements EditFormat, ReplyScanner {
    private static final Pattern MARKER = Pattern.compile(
            "^\\s*\\*\\*\\*\\s*(Begin Patch|End Patch|Update File|Add File|Delete File|Move to|End of File)\\s*:?\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEREDOC = Pattern.compile(
            "^.*\\bapply_patch\\b.*<<-?\\s*(['\"]?)(\\w+)\\1\\s*$");
    private static final Pattern NUMBERED_ANCHOR = Pattern.compile("^-\\d+(?:,\\d+)?\\s+\\+\\d+(?:,\\d+)?\\s*@@.*$");

    @Override
    public String name() {
        return "apply-patch";
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
            Matcher heredoc = HEREDOC.matcher(text.line(i));
            if (heredoc.matches()) {
                i = new PatchReader(text, findings, i, i + 1, heredoc.group(2)).read();
                continue;
            }
            Optional<Marker> marker = marker(text.line(i));
            if (marker.isPresent() && startsPatch(text.line(i), marker.get())) {
                i = new PatchReader(text, findings, i, i, null).read();
            } else {
                i++;
            }
        }
    }

    /**
     * {@code *** Begin Patch} starts a patch anywhere; a file line without it only at the start of a
     * line and with a one-word path, so prose that quotes the format is not read as a patch.
     */
    private static boolean startsPatch(String line, Marker marker) {
        return marker.kind() == Kind.BEGIN_PATCH
                || (marker.kind().startsOperation() && line.startsWith("***") && !marker.argument().isEmpty()
                        && marker.argument().chars().noneMatch(Character::isWhitespace));
    }

    /** Whether a line is a V4A line that opens a patch or a file operation (so a fence holding it is no whole file). */
    static boolean opensPatchOrOperation(String line) {
        return marker(line).map(marker -> marker.kind().startsOperation()).orElse(false);
    }

    private enum Kind {
        BEGIN_PATCH, END_PATCH, UPDATE_FILE, ADD_FILE, DELETE_FILE, MOVE_TO, END_OF_FILE;

        boolean startsOperation() {
            return this == BEGIN_PATCH || this == UPDATE_FILE || this == ADD_FILE || this == DELETE_FILE;
        }
    }

    private record Marker(Kind kind, String argument) {
    }

    private static Optional<Marker> marker(String line) {
        Matcher matcher = MARKER.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(matcher.group(1).toUpperCase().replace(' ', '_'));
        boolean takesArgument = kind == Kind.UPDATE_FILE || kind == Kind.ADD_FILE || kind == Kind.DELETE_FILE || kind == Kind.MOVE_TO;
        if (!takesArgument && !matcher.group(2).isEmpty()) {
            // "*** End of File 17" or "*** End Patch notes" is text, not a marker.
            return Optional.empty();
        }
        return Optional.of(new Marker(kind, matcher.group(2)));
    }

    /** One file operation being read. */
    private static final class Operation {
        final Kind kind;
        final String path;
        final int line;
        String moveTo;
        final List<String> added = new ArrayList<>();
        int trailingBlankLines;
        final List<Hunk> hunks = new ArrayList<>();
        Chunk chunk;
        boolean broken;

        Operation(Kind kind, String path, int line) {
            this.kind = kind;
            this.path = path;
            this.line = line;
        }
    }

    /** One V4A chunk being read: its anchors, then its body. */
    private static final class Chunk {
        final int line;
        final List<String> anchors = new ArrayList<>();
        final List<String> before = new ArrayList<>();
        final List<String> after = new ArrayList<>();
        boolean hasBody;
        boolean endOfFile;
        int trailingBlankLines;

        Chunk(int line) {
            this.line = line;
        }
    }

    /** Reads one patch, from its heredoc line or {@code *** Begin Patch} (or its first file line) to its end. */
    private static final class PatchReader {
        private final ReplyText text;
        private final Findings findings;
        private final int start;
        private final String heredocDelimiter;
        private int i;
        private boolean begun;
        private Operation operation;
        private final List<Operation> done = new ArrayList<>();

        PatchReader(ReplyText text, Findings findings, int start, int first, String heredocDelimiter) {
            this.text = text;
            this.findings = findings;
            this.start = start;
            this.i = first;
            this.heredocDelimiter = heredocDelimiter;
        }

        /** Returns the index just after the patch. */
        int read() {
            Ending ending = Ending.REPLY_END;
            for (; i < text.size(); i++) {
                String line = text.line(i);
                if (text.isClaimed(i)) {
                    ending = Ending.CLOSED;
                    break;
                }
                if (heredocDelimiter != null && line.strip().equals(heredocDelimiter)) {
                    ending = Ending.CLOSED;
                    i++;
                    break;
                }
                Optional<Marker> marker = marker(line);
                if (marker.isPresent()) {
                    if (marker.get().kind() == Kind.END_PATCH) {
                        ending = Ending.END_PATCH;
                        i++;
                        if (heredocDelimiter != null && i < text.size() && text.line(i).strip().equals(heredocDelimiter)) {
                            i++;
                        }
                        break;
                    }
                    onMarker(marker.get());
                    continue;
                }
                if (Fence.isBareMarker(line) && !line.startsWith(" ")) {
                    ending = Ending.CLOSED;
                    break;
                }
                if (!onBodyLine(line)) {
                    ending = Ending.CLOSED;
                    break;
                }
            }
            finishOperation();
            text.claim(start, i);
            report(ending);
            return Math.max(i, start + 1);
        }

        private enum Ending { END_PATCH, CLOSED, REPLY_END }

        private void report(Ending ending) {
            boolean announced = begun || heredocDelimiter != null;
            if (ending == Ending.REPLY_END && announced) {
                Operation last = done.isEmpty() ? null : done.get(done.size() - 1);
                String lost = "";
                if (last != null && last.kind != Kind.DELETE_FILE) {
                    done.remove(done.size() - 1);
                    lost = " The last file operation (" + describe(last) + ") may be incomplete and was not read.";
                }
                findings.problem(start, "the patch that starts at line " + (start + 1)
                        + " is cut off: the reply ends before *** End Patch." + lost
                        + " Send the unfinished part again as a complete patch ending with *** End Patch.");
            } else if (ending == Ending.CLOSED && announced) {
                findings.problem(i - 1, "the patch that starts at line " + (start + 1)
                        + " has no *** End Patch line: end every patch with *** End Patch on its own line.");
            }
            for (Operation op : done) {
                emit(op);
            }
        }

        private void emit(Operation op) {
            if (op.broken) {
                return;
            }
            if (op.path.isEmpty()) {
                findings.problem(op.line, "the *** " + label(op.kind) + " line at line " + (op.line + 1)
                        + " names no file: write the path after the colon, e.g. *** " + label(op.kind) + ": src/app.py");
                return;
            }
            switch (op.kind) {
                case ADD_FILE -> findings.change(op.line, new FileChange.Create(op.path, op.added, false));
                case DELETE_FILE -> findings.change(op.line, new FileChange.Delete(op.path));
                case UPDATE_FILE -> {
                    if (op.hunks.isEmpty() && op.moveTo == null) {
                        findings.problem(op.line, "*** Update File: " + op.path + " at line " + (op.line + 1)
                                + " has no changes: follow it with an @@ line and the lines of the chunk, each starting"
                                + " with a space (context), - (removed) or + (added).");
                    } else {
                        findings.change(op.line, new FileChange.Update(op.path, op.hunks, op.moveTo));
                    }
                }
                default -> throw new IllegalStateException("not a file operation: " + op.kind);
            }
        }

        private void onMarker(Marker marker) {
            switch (marker.kind()) {
                case BEGIN_PATCH -> begun = true;
                case UPDATE_FILE, ADD_FILE, DELETE_FILE -> {
                    finishOperation();
                    operation = new Operation(marker.kind(), PathLine.clean(marker.argument()), i);
                }
                case MOVE_TO -> {
                    if (operation == null || operation.kind != Kind.UPDATE_FILE || operation.chunk != null
                            || !operation.hunks.isEmpty()) {
                        brokenOperation("*** Move to at line " + (i + 1) + " must come right after *** Update File: old/path.");
                    } else {
                        operation.moveTo = PathLine.clean(marker.argument());
                    }
                }
                case END_OF_FILE -> {
                    if (operation == null || operation.chunk == null || !operation.chunk.hasBody) {
                        brokenOperation("*** End of File at line " + (i + 1) + " must follow the lines of a chunk in an *** Update File.");
                    } else {
                        operation.chunk.endOfFile = true;
                        finishChunk();
                    }
                }
                default -> throw new IllegalStateException("handled by the caller: " + marker.kind());
            }
        }

        /** Reads a line that is not a marker; false when the line ends a patch that was never announced. */
        private boolean onBodyLine(String line) {
            if (operation == null) {
                if (line.isBlank()) {
                    return true;
                }
                if (!begun) {
                    return false;
                }
                findings.problem(i, "line " + (i + 1) + " inside the patch belongs to no file: start each file's"
                        + " changes with *** Update File: path, *** Add File: path or *** Delete File: path.");
                return true;
            }
            switch (operation.kind) {
                case ADD_FILE -> {
                    if (line.startsWith("+")) {
                        operation.added.add(line.substring(1));
                        operation.trailingBlankLines = 0;
                    } else if (line.isEmpty()) {
                        operation.added.add("");
                        operation.trailingBlankLines++;
                    } else {
                        return invalidLine(line, "in an *** Add File every line of the new file starts with +");
                    }
                }
                case DELETE_FILE -> {
                    if (!line.isBlank()) {
                        return invalidLine(line, "*** Delete File takes no lines after it");
                    }
                }
                case UPDATE_FILE -> {
                    return onUpdateLine(line);
                }
                default -> throw new IllegalStateException("not a file operation: " + operation.kind);
            }
            return true;
        }

        private boolean onUpdateLine(String line) {
            if (line.startsWith("@@")) {
                if (operation.chunk != null && operation.chunk.hasBody) {
                    finishChunk();
                }
                if (operation.chunk == null) {
                    operation.chunk = new Chunk(i);
                }
                String anchor = line.substring(2);
                if (anchor.startsWith(" ")) {
                    anchor = anchor.substring(1);
                }
                // A udiff-style "@@ -12,3 +12,4 @@" header carries no anchor text to look for.
                if (!anchor.isBlank() && !NUMBERED_ANCHOR.matcher(anchor.strip()).matches()) {
                    operation.chunk.anchors.add(anchor);
                }
                return true;
            }
            char first = line.isEmpty() ? ' ' : line.charAt(0);
            if (first != ' ' && first != '-' && first != '+') {
                return invalidLine(line, "in an *** Update File each chunk line starts with a space (context),"
                        + " - (removed) or + (added); anchors start with @@");
            }
            if (operation.chunk == null) {
                if (line.isEmpty()) {
                    return true;
                }
                operation.chunk = new Chunk(i);
            }
            Chunk chunk = operation.chunk;
            String content = line.isEmpty() ? "" : line.substring(1);
            chunk.hasBody = true;
            chunk.trailingBlankLines = line.isEmpty() ? chunk.trailingBlankLines + 1 : 0;
            if (first != '+') {
                chunk.before.add(content);
            }
            if (first != '-') {
                chunk.after.add(content);
            }
            return true;
        }

        private boolean invalidLine(String line, String rule) {
            if (!begun && heredocDelimiter == null) {
                return false;
            }
            brokenOperation("line " + (i + 1) + " (\"" + abbreviate(line) + "\") is not valid here: " + rule + ".");
            return true;
        }

        private void brokenOperation(String message) {
            findings.problem(i, message + (operation != null ? " The change to " + operation.path + " was not read." : ""));
            if (operation != null) {
                operation.broken = true;
            }
        }

        private void finishChunk() {
            Chunk chunk = operation.chunk;
            operation.chunk = null;
            if (chunk == null) {
                return;
            }
            // Blank lines between a chunk and the next marker are layout, not empty context lines.
            for (; chunk.trailingBlankLines > 0; chunk.trailingBlankLines--) {
                chunk.before.remove(chunk.before.size() - 1);
                chunk.after.remove(chunk.after.size() - 1);
            }
            if (chunk.before.isEmpty() && chunk.after.isEmpty() && chunk.anchors.isEmpty()) {
                return;
            }
            if (chunk.before.isEmpty() && chunk.after.isEmpty()) {
                findings.problem(chunk.line, "the chunk at line " + (chunk.line + 1) + " in " + operation.path
                        + " has @@ lines but no lines to change after them.");
                operation.broken = true;
                return;
            }
            operation.hunks.add(new Hunk(chunk.before, chunk.after, chunk.anchors, OptionalInt.empty(),
                    chunk.endOfFile, Hunk.Source.APPLY_PATCH));
        }

        private void finishOperation() {
            if (operation == null) {
                return;
            }
            if (operation.chunk != null) {
                finishChunk();
            }
            for (; operation.trailingBlankLines > 0; operation.trailingBlankLines--) {
                operation.added.remove(operation.added.size() - 1);
            }
            done.add(operation);
            operation = null;
        }

        private static String describe(Operation op) {
            return "*** " + label(op.kind) + ": " + op.path;
        }

        private static String label(Kind kind) {
            return switch (kind) {
                case UPDATE_FILE -> "Update File";
                case ADD_FILE -> "Add File";
                case DELETE_FILE -> "Delete File";
                default -> kind.name();
            };
        }

        private static String abbreviate(String line) {
            return line.length() <= 60 ? line : line.substring(0, 57) + "...";
        }
    }

    @Override
    public String instructions() {
        return """
                # Edit format: apply_patch (V4A)
                Describe every change as one patch in the V4A format. Follow these rules exactly.
                - Start the patch with the line *** Begin Patch and end it with the line *** End Patch.
                - For each file write exactly one of these lines, with the path relative to the repository root (never absolute):
                  *** Add File: path/to/new_file    then every line of the new file, each starting with +
                  *** Delete File: path/to/file     and nothing after it
                  *** Update File: path/to/file     then the changes, described below
                - To rename a file, write *** Move to: new/path on the line right after its *** Update File line.
                - In an Update, write each change as a chunk: an @@ line, then the lines of that part of the file, each starting with one character: a space for an unchanged line, - for a removed line, + for an added line.
                - Never use line numbers. Show 3 unchanged lines above and 3 below each change, copied exactly. If two changes are within 3 lines of each other, do not repeat those lines.
                - If 3 lines of context do not single out one place, name the enclosing class or function after the @@ (for example @@ class Greeter). If that is still ambiguous, write several @@ lines, one per level (@@ class Greeter, then @@     def greet(self):).
                - Copy every unchanged and removed line exactly as it is in the file, including indentation.
                - Start every *** line, @@ line and chunk line at the very beginning of the line. An unchanged blank line is a line with a single space.
                - Put the patch in a fence that starts with ``` and ends with ```, or in a heredoc: apply_patch <<'EOF' … EOF.

                # Example
                ```
                *** Begin Patch
                *** Update File: src/greeting.py
                @@ def greet(name):
                -    print("Hi " + name)
                +    print(f"Hello, {name}!")
                     return name
                *** Add File: src/farewell.py
                +def farewell(name):
                +    print(f"Goodbye, {name}!")
                *** Delete File: src/old_greeting.py
                *** End Patch
                ```
                """;
    }
}
