package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    /** Hands out one byte per read, as the slowest network would. */
    private static InputStream trickle(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int position;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[position++];
                return 1;
            }
        };
    }

    private static List<SseReader.Event> readAll(InputStream in) throws IOException {
        SseReader reader = new SseReader(in);
        List<SseReader.Event> events = new ArrayList<>();
        for (SseReader.Event e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        return events;
    }

    @Test
    void decodesMultiByteCharactersSplitAcrossReads() throws IOException {
        assertThat(readAll(trickle("data: caf\u00e9 \u2713 \uD83D\uDE00\n\n")))
                .containsExactly(new SseReader.Event(null, "caf\u00e9 \u2713 \uD83D\uDE00"));
    }

    @Test
    void handlesCrlfCrCommentsMultiLineDataAndFields() throws IOException {
        String text = ": keep-alive\r\n\r\nevent: delta\r\nid: 1\r\ndata: a\r\ndata:b\r\n\r\ndata: c\rdata: d\r\rretry: 5\n\ndata: [DONE]";
        assertThat(readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).containsExactly(
                new SseReader.Event("delta", "a\nb"),
                new SseReader.Event(null, "c\nd"),
                new SseReader.Event(null, "[DONE]"));
    }
}
