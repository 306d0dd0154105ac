package dev.ratchet.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Passes exchanges through to another transport and writes each one to a cassette (format in
 * {@link Cassette}) once its reply has been read to the end or abandoned. Only the request body
 * is written, never request headers, so the key cannot reach the file.
 */
public final class CassetteRecorder implements ChatTransport {
    private final ChatTransport delegate;
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    /** Starts a fresh cassette at {@code file}, replacing an older one. */
    public CassetteRecorder(ChatTransport delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new ModelSetupException("cannot write the cassette " + file + " for --record: " + e.getMessage());
        }
    }

    @Override
    public RawReply send(RawRequest request, Cancellation cancellation) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.set("expect", Cassette.expectation(json, request.body()));
        try {
            line.set("request", json.readTree(new String(request.body(), StandardCharsets.UTF_8)));
        } catch (IOException notJson) {
            line.put("request", new String(request.body(), StandardCharsets.UTF_8));
        }
        RawReply reply;
        try {
            reply = delegate.send(request, cancellation);
        } catch (IOException e) {
            line.putObject("reply").put("failure", String.valueOf(e.getMessage()));
            append(line);
            throw e;
        }
        ObjectNode recorded = line.putObject("reply");
        recorded.put("status", reply.status());
        ObjectNode headers = recorded.putObject("headers");
        reply.headers().forEach((name, value) -> {
            if (Cassette.KEPT_HEADERS.contains(name)) {
                headers.put(name, value);
            }
        });
        return new RawReply(reply.status(), reply.headers(), new Tee(reply.body(), line, recorded));
    }

    private synchronized void append(ObjectNode line) {
        try {
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ModelSetupException("cannot append to the cassette " + file + " for --record: " + e.getMessage());
        }
    }

    /** Copies the body as it is read, and writes the exchange when the body is closed. */
    private final class Tee extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final ObjectNode line;
        private final ObjectNode reply;
        private String broken;
        private boolean written;

        Tee(InputStream in, ObjectNode line, ObjectNode reply) {
            super(in);
            this.line = line;
            this.reply = reply;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            } catch (IOException e) {
                broken = String.valueOf(e.getMessage());
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    copy.write(b, off, n);
                }
                return n;
            } catch (IOException e) {
                broken = String.valueOf(e.getMessage());
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (!written) {
                    written = true;
                    reply.put("body", copy.toString(StandardCharsets.UTF_8));
                    if (broken != null) {
                        reply.put("broken", broken);
                    }
                    append(line);
                }
            }
        }
    }
}
