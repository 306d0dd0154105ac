package dev.ratchet.model;

import java.util.Map;

/**
 * An HTTP POST as it goes on the wire. {@code headers} include authentication, so
 * {@link #toString()} leaves them out and cassettes never store them.
 */
public record RawRequest(String url, Map<String, String> headers, byte[] body) {
    public RawRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "POST " + url + " (" + body.length + " bytes)";
    }
}
