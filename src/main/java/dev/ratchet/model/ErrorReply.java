package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An error body as servers send it: OpenAI's {@code {"error":{"message","type","param","code"}}}
 * (where OpenRouter's {@code code} is a number), or vLLM's top-level
 * {@code {"object":"error","message","code"}}, or anything else, kept as a short excerpt.
 */
record ErrorReply(String message, String type, String code) {

    static ErrorReply parse(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception notJson) {
            root = null;
        }
        if (root != null && root.isObject()) {
            JsonNode error = root.path("error");
            if (error.isObject()) {
                return fromNode(error);
            }
            if (error.isTextual()) {
                return new ErrorReply(error.asText(), null, null);
            }
            if (root.has("message")) {
                return fromNode(root);
            }
        }
        return new ErrorReply(excerpt(body), null, null);
    }

    static ErrorReply fromNode(JsonNode error) {
        return new ErrorReply(text(error.get("message")), text(error.get("type")), text(error.get("code")));
    }

    boolean codeIs(String expected) {
        return expected.equals(code) || expected.equals(type);
    }

    /** The server's own words, for the end of our message. */
    String describe() {
        return message == null || message.isBlank() ? "no error message" : message;
    }

    static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "empty body";
        }
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
