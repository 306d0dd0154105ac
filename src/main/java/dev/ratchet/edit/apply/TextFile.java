package dev.ratchet.edit.apply;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A UTF-8 text file split into lines, remembering what must survive an edit byte for byte:
 * the BOM, each line's own terminator, and whether the file ends with a newline.
 */
final class TextFile {
    private static final int BINARY_SNIFF_BYTES = 8000;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final boolean bom;
    private final boolean finalNewline;
    private final String dominantEol;
    private final LineBuffer lines;

    private TextFile(boolean bom, boolean finalNewline, String dominantEol, List<Line> lines) {
        this.bom = bom;
        this.finalNewline = finalNewline;
        this.dominantEol = dominantEol;
        this.lines = new LineBuffer(lines);
    }

    /** A new file: LF endings and a final newline. */
    static TextFile fresh(List<String> texts) {
        List<Line> lines = new ArrayList<>(texts.size());
        for (String text : texts) {
            lines.add(Line.added(text, "\n"));
        }
        return new TextFile(false, true, "\n", lines);
    }

    /** Decodes strictly: binary content and invalid UTF-8 are refused, never guessed at. */
    static TextFile decode(byte[] bytes) throws UnreadableTextException {
        int sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < sniff; i++) {
            if (bytes[i] == 0) {
                throw new UnreadableTextException("looks binary (NUL byte at offset " + i
                        + "); ratchet edits only UTF-8 text files, so change this file by hand");
            }
        }
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        int start = bom ? 3 : 0;
        String text = decodeUtf8(bytes, start);
        List<Line> lines = new ArrayList<>();
        int crlf = 0;
        int lf = 0;
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            if (newline < 0) {
                lines.add(new Line(text.substring(from), ""));
                break;
            }
            if (newline > from && text.charAt(newline - 1) == '\r') {
                lines.add(new Line(text.substring(from, newline - 1), "\r\n"));
                crlf++;
            } else {
                lines.add(new Line(text.substring(from, newline), "\n"));
                lf++;
            }
            from = newline + 1;
        }
        // An empty file has no missing newline to preserve: text added to it ends with one.
        boolean finalNewline = text.isEmpty() || text.endsWith("\n");
        return new TextFile(bom, finalNewline, crlf > lf ? "\r\n" : "\n", lines);
    }

    private static String decodeUtf8(byte[] bytes, int start) throws UnreadableTextException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new UnreadableTextException("is not valid UTF-8 (bad byte at offset " + in.position()
                    + "); ratchet edits only UTF-8 text files, so convert it or change it by hand");
        }
        out.flip();
        return out.toString();
    }

    LineBuffer lines() {
        return lines;
    }

    String dominantEol() {
        return dominantEol;
    }

    /** The file's bytes: BOM if it had one, each kept line with its own ending, new lines with the dominant one. */
    byte[] encode() {
        StringBuilder text = new StringBuilder();
        int count = lines.size();
        for (int i = 0; i < count; i++) {
            Line line = lines.line(i);
            text.append(line.text());
            boolean last = i == count - 1;
            if (!last || finalNewline) {
                text.append(line.eol().isEmpty() ? dominantEol : line.eol());
            }
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 3);
        out.writeBytes(BOM);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A copy that can be edited without touching this one. */
    TextFile copy() {
        return new TextFile(bom, finalNewline, dominantEol, lines.snapshot());
    }
}
