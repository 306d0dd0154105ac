package dev.ratchet.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ratchet.model.ChatMessage;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The run's transcript: one JSON object per line in {@code .git/ratchet/runs/<id>/transcript.jsonl}.
 * It holds every request's new messages (never the key: the key is not part of any message),
 * every reply, and every agent event (edits, refusals, test results, usage and cost).
 */
final class Transcript implements Closeable {
    private final Path file;
    private final BufferedWriter writer;
    private final ObjectMapper json;

    Transcript(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    Path file() {
        return file;
    }

    /** A request: the model, how many messages it carries, and the messages added since the last request. */
    void request(int iteration, String model, int messageCount, List<ChatMessage> newMessages) {
        ObjectNode line = start("request");
        line.put("iteration", iteration).put("model", model).put("messages", messageCount);
        ArrayNode added = line.putArray("newMessages");
        for (ChatMessage message : newMessages) {
            ObjectNode node = added.addObject().put("role", message.role());
            node.setAll((ObjectNode) json.valueToTree(message));
        }
        write(line);
    }

    void event(AgentEvent event) {
        if (event instanceof AgentEvent.ModelText) {
            return; // the complete reply is written once, in modelReplied
        }
        ObjectNode line = start(event.type());
        line.setAll((ObjectNode) json.valueToTree(event));
        write(line);
    }

    private ObjectNode start(String type) {
        ObjectNode line = json.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("type", type);
        return line;
    }

    private void write(ObjectNode line) {
        try {
            writer.write(json.writeValueAsString(line));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the transcript " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
