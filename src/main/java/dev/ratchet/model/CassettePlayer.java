package dev.ratchet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the replies of a cassette (format in {@link Cassette}) in order, without any network,
 * after checking each request against what was recorded. The replies then go through exactly the
 * parsing and retry code a live reply goes through.
 */
public final class CassettePlayer implements ChatTransport {
    private final Path file;
    private final List<Entry> entries;
    private final ObjectMapper json = new ObjectMapper();
    private int next;

    /** One exchange of the cassette and the line it came from. */
    private record Entry(int line, JsonNode expect, JsonNode reply) {
    }

    /** Loads the whole cassette; a bad line is reported with its number now, not halfway through a run. */
    public CassettePlayer(Path file) {
        this.file = file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw replayError("cannot read the cassette " + file + ": " + e.getMessage());
        }
        List<Entry> loaded = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (IOException e) {
                throw replayError("cassette " + file + " line " + (i + 1) + " is not valid JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            if (!node.path("reply").isObject()) {
                throw replayError("cassette " + file + " line " + (i + 1)
                        + " has no \"reply\" object; see the format in the Cassette Javadoc");
            }
            loaded.add(new Entry(i + 1, node.path("expect"), node.get("reply")));
        }
        this.entries = List.copyOf(loaded);
    }

    @Override
    public synchronized RawReply send(RawRequest request, Cancellation cancellation) throws IOException {
        cancellation.throwIfCancelled();
        if (next >= entries.size()) {
            throw replayError("cassette " + file + " has no reply left for request #" + (next + 1) + " (it holds "
                    + entries.size() + "); the run asked for more than was recorded: record it again with --record");
        }
        Entry entry = entries.get(next++);
        checkMatches(entry, request);
        JsonNode reply = entry.reply();
        if (reply.has("failure")) {
            throw new IOException(reply.get("failure").asText());
        }
        if (reply.has("content") || reply.has("tool_calls")) {
            return handWritten(reply);
        }
        int status = reply.path("status").asInt(200);
        Map<String, String> headers = new LinkedHashMap<>();
        reply.path("headers").fields().forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
        byte[] body = reply.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        InputStream stream = new ByteArrayInputStream(body);
        JsonNode broken = reply.path("broken");
        if (broken.isTextual() || broken.asBoolean(false)) {
            stream = new SequenceInputStream(stream, new DroppedConnection(broken.isTextual() ? broken.asText()
                    : "connection dropped (replayed from " + file + " line " + entry.line() + ")"));
        }
        return new RawReply(status, headers, stream);
    }

    /** How many recorded replies have not been asked for yet. */
    public synchronized int remaining() {
        return entries.size() - next;
    }

    private void checkMatches(Entry entry, RawRequest request) {
        JsonNode expect = entry.expect();
        if (!expect.isObject() || expect.isEmpty()) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw replayError("the request is not JSON; cannot compare it with cassette " + file);
        }
        List<String> differences = new ArrayList<>();
        if (expect.has("model") && !expect.get("model").asText().equals(body.path("model").asText())) {
            differences.add("model " + body.path("model").asText() + " instead of " + expect.get("model").asText());
        }
        if (expect.has("messages") && expect.get("messages").asInt() != body.path("messages").size()) {
            differences.add(body.path("messages").size() + " messages instead of " + expect.get("messages").asInt());
        }
        if (expect.has("tools")) {
            List<String> wanted = new ArrayList<>();
            expect.get("tools").forEach(tool -> wanted.add(tool.asText()));
            List<String> actual = Cassette.toolNames(body);
            if (!wanted.equals(actual)) {
                differences.add("tools " + actual + " instead of " + wanted);
            }
        }
        if (!differences.isEmpty()) {
            throw replayError("request #" + next + " does not match cassette " + file + " line " + entry.line() + ": it has "
                    + String.join(", ", differences) + "; the conversation changed since recording: record it again with --record");
        }
    }

    private RawReply handWritten(JsonNode reply) {
        ObjectNode body = json.createObjectNode();
        body.put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply.path("content").asText(""));
        JsonNode calls = reply.path("tool_calls");
        if (calls.isArray() && !calls.isEmpty()) {
            ArrayNode wire = message.putArray("tool_calls");
            int position = 0;
            for (JsonNode call : calls) {
                position++;
                ObjectNode entry = wire.addObject();
                entry.put("id", call.path("id").asText("call_" + position));
                entry.put("type", "function");
                ObjectNode function = entry.putObject("function");
                function.put("name", call.path("name").asText());
                JsonNode arguments = call.path("arguments");
                function.put("arguments", arguments.isTextual() ? arguments.asText()
                        : arguments.isMissingNode() ? "{}" : arguments.toString());
            }
        }
        choice.put("finish_reason", reply.path("finish_reason").asText(calls.isArray() && !calls.isEmpty() ? "tool_calls" : "stop"));
        JsonNode usage = reply.path("usage");
        if (usage.isObject()) {
            ObjectNode wireUsage = body.putObject("usage");
            wireUsage.put("prompt_tokens", usage.path("prompt_tokens").asLong(0));
            wireUsage.put("completion_tokens", usage.path("completion_tokens").asLong(0));
            wireUsage.putObject("prompt_tokens_details").put("cached_tokens", usage.path("cached_tokens").asLong(0));
        }
        Map<String, String> headers = Map.of("content-type", "application/json");
        return new RawReply(200, headers, new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static ModelException replayError(String message) {
        return new ModelException(ModelException.Kind.REPLAY, message);
    }

    /** The end of a reply whose connection dropped while it was recorded. */
    private static final class DroppedConnection extends InputStream {
        private final String message;

        DroppedConnection(String message) {
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            throw new IOException(message);
        }
    }
}
