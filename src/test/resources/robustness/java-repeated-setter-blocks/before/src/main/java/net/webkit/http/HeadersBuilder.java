package net.webkit.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects HTTP request headers with validation of the common ones. */
public final class HeadersBuilder {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    public HeadersBuilder accept(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header value must not be blank");
        }
        set("Accept", value);
        return this;
    }

    public HeadersBuilder contentType(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header value must not be blank");
        }
        set("Content-Type", value);
        return this;
    }

    public HeadersBuilder authorization(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header value must not be blank");
        }
        set("Authorization", value);
        return this;
    }

    public HeadersBuilder userAgent(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header value must not be blank");
        }
        set("User-Agent", value);
        return this;
    }

    public HeadersBuilder ifNoneMatch(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header value must not be blank");
        }
        set("If-None-Match", value);
        return this;
    }

    public HeadersBuilder cacheControl(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header value must not be blank");
        }
        set("Cache-Control", value);
        return this;
    }

    /** Adds another value for {@code name}, keeping earlier ones (e.g. several {@code Accept-Language}). */
    public HeadersBuilder add(String name, String value) {
        requireToken(name);
        headers.computeIfAbsent(canonical(name), key -> new ArrayList<>()).add(value);
        return this;
    }

    /** Replaces every value of {@code name}. */
    public HeadersBuilder set(String name, String value) {
        requireToken(name);
        List<String> values = new ArrayList<>();
        values.add(value);
        headers.put(canonical(name), values);
        return this;
    }

    public Map<String, List<String>> build() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    private static void requireToken(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid character '" + c + "' in header name " + name);
            }
        }
    }

    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }
}
