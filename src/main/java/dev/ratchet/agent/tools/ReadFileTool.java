package dev.ratchet.agent.tools;

import dev.ratchet.context.ExclusionRules;
import dev.ratchet.model.ToolSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;

/**
 * {@code read_file}: a file's lines with their numbers, a page at a time. Pages keep one reply from
 * flooding the context; the note at the end of a page says exactly how to ask for the next one.
 */
public final class ReadFileTool implements Tool {
    private static final ParameterSchema SCHEMA = new ParameterSchema()
            .string("path", "File to read, relative to the repository root.", true)
            .integer("start_line", "First line to show, 1-based (default 1).", 1, Integer.MAX_VALUE)
            .integer("end_line", "Last line to show (default: one page from start_line).", 1, Integer.MAX_VALUE);
    /** Longest line shown whole: minified or generated lines would eat the page otherwise. */
    private static final int MAX_LINE_CHARS = 1_000;

    private final RepoListing listing;
    private final int pageLines;
    private final long maxFileBytes;

    /**
     * @param pageLines    most lines one call returns
     * @param maxFileBytes larger files are refused with a reason instead of read into memory
     */
    public ReadFileTool(RepoListing listing, int pageLines, long maxFileBytes) {
        this.listing = listing;
        this.pageLines = pageLines;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("read_file", "Read a text file of the repository. Lines come numbered (\"  12\\tcode\"); the "
                + "numbers are for orientation only and are not part of the file. At most " + pageLines + " lines come "
                + "back per call; a note then says which start_line reads on.", SCHEMA.node());
    }

    @Override
    public Set<String> parameters() {
        return SCHEMA.names();
    }

    @Override
    public String describe(ToolArguments arguments) {
        String path = arguments.text("path").orElse("?");
        var start = arguments.integer("start_line", 1, Integer.MAX_VALUE);
        var end = arguments.integer("end_line", 1, Integer.MAX_VALUE);
        if (start.isEmpty() && end.isEmpty()) {
            return path;
        }
        return path + " " + (start.isPresent() ? start.getAsInt() : 1) + "-" + (end.isPresent() ? String.valueOf(end.getAsInt()) : "");
    }

    @Override
    public ToolOutcome run(ToolArguments arguments) throws IOException {
        String relative = listing.workspace().check(arguments.required("path"));
        if (new ExclusionRules(Long.MAX_VALUE).reasonToExclude(relative, 0).filter("looks like a secret"::equals).isPresent()) {
            throw new ToolFailure(relative + " looks like a secret (keys, credentials, .env); ratchet does not show such "
                    + "files to the model. Ask the user if you really need it.");
        }
        Path file = listing.workTree().resolve(relative);
        if (Files.isDirectory(file)) {
            throw new ToolFailure(relative + " is a directory; use list_files with path \"" + relative + "\" to see its files");
        }
        if (Files.isRegularFile(file) && Files.size(file) > maxFileBytes) {
            throw new ToolFailure(relative + " is " + Files.size(file) + " bytes, more than the " + maxFileBytes
                    + " bytes read_file reads; it is probably generated or data. Use search with path \"" + relative
                    + "\" only if it is source code you must change.");
        }
        Optional<byte[]> bytes = listing.workspace().read(relative);
        if (bytes.isEmpty()) {
            throw new ToolFailure("there is no file " + relative + "; use list_files or search to find the right path");
        }
        String text = decode(relative, bytes.get());
        String[] lines = text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
        int total = text.endsWith("\n") ? lines.length - 1 : lines.length;
        if (total == 0) {
            return ToolOutcome.done(relative + " is empty (0 lines).", "empty file");
        }
        int start = arguments.integer("start_line", 1, Integer.MAX_VALUE).orElse(1);
        if (start > total) {
            throw new ToolFailure(relative + " has " + total + " lines; start_line " + start + " is past its end");
        }
        int askedEnd = arguments.integer("end_line", 1, Integer.MAX_VALUE).orElse(Integer.MAX_VALUE);
        if (askedEnd < start) {
            throw new ToolFailure("end_line " + askedEnd + " is before start_line " + start);
        }
        int end = Math.min(Math.min(askedEnd, total), start + pageLines - 1);
        int width = String.valueOf(end).length();
        StringBuilder out = new StringBuilder();
        out.append(relative).append(", lines ").append(start).append('-').append(end).append(" of ").append(total).append(":\n");
        for (int number = start; number <= end; number++) {
            String line = lines[number - 1];
            if (line.length() > MAX_LINE_CHARS) {
                line = line.substring(0, MAX_LINE_CHARS) + " …[line cut: " + line.length() + " characters]";
            }
            out.append(String.format("%" + width + "d", number)).append('\t').append(line).append('\n');
        }
        if (end < total && end < askedEnd) {
            out.append("[lines ").append(end + 1).append('-').append(total).append(" not shown; call read_file with "
                    + "\"start_line\": ").append(end + 1).append(" to read on]\n");
        }
        return ToolOutcome.done(out.toString(), "lines " + start + "-" + end + " of " + total);
    }

    private static String decode(String path, byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8_000); i++) {
            if (bytes[i] == 0) {
                throw new ToolFailure(path + " is a binary file; read_file shows only text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
