package dev.ratchet.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Server-Sent Events from raw bytes. Lines are collected as bytes and decoded only once
 * complete, so a multi-byte UTF-8 character split across network reads arrives intact. Accepts
 * LF, CRLF and CR line ends, skips comment lines (keep-alives such as
 * {@code : OPENROUTER PROCESSING}), joins several {@code data:} lines with a newline, and ignores
 * {@code id:} and {@code retry:}.
 */
final class SseReader {

    /** One dispatched event: its {@code event:} name (or null) and its joined data. */
    record Event(String name, String data) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean skipLf;
    private boolean ended;

    SseReader(InputStream in) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in);
    }

    /** The next event, or null once the stream has ended. */
    Event next() throws IOException {
        StringBuilder data = null;
        String name = null;
        while (true) {
            String text = readLine();
            if (text == null) {
                return data == null ? null : new Event(name, data.toString());
            }
            if (text.isEmpty()) {
                if (data != null) {
                    return new Event(name, data.toString());
                }
                name = null;
                continue;
            }
            if (text.charAt(0) == ':') {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                case "event" -> name = value;
                default -> {
                    // id, retry and unknown fields carry nothing a chat client needs.
                }
            }
        }
    }

    private String readLine() throws IOException {
        if (ended) {
            return null;
        }
        line.reset();
        while (true) {
            int b = in.read();
            if (b == -1) {
                ended = true;
                return line.size() == 0 ? null : decode();
            }
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n') {
                return decode();
            }
            if (b == '\r') {
                skipLf = true;
                return decode();
            }
            line.write(b);
        }
    }

    private String decode() {
        return line.toString(StandardCharsets.UTF_8);
    }
}
