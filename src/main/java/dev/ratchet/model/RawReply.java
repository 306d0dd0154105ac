package dev.ratchet.model;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP reply as received: status, headers (names lower-cased) and the body, still streaming. */
public final class RawReply implements Closeable {
    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;

    public RawReply(int status, Map<String, String> headers, InputStream body) {
        this.status = status;
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        this.headers = Map.copyOf(lower);
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public InputStream body() {
        return body;
    }

    public boolean isEventStream() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
