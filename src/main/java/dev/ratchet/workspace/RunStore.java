package dev.ratchet.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The run records under {@code <git dir>/ratchet/runs/}, one directory per run. */
final class RunStore {
    private static final String RECORD = "run.json";

    private final Path runsDir;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    RunStore(Path runsDir) {
        this.runsDir = runsDir;
    }

    Path dirOf(String id) {
        return runsDir.resolve(id);
    }

    /** Writes the record atomically, so a reader never sees half a file. */
    void save(RunRecord record) throws IOException {
        Path dir = dirOf(record.id());
        Files.createDirectories(dir);
        Path temp = dir.resolve(RECORD + ".tmp");
        Files.write(temp, json.writeValueAsBytes(record));
        Durable.syncFile(temp);
        Files.move(temp, dir.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    Optional<RunRecord> load(String id) throws IOException {
        if (id.isBlank() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            return Optional.empty();
        }
        Path file = dirOf(id).resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** Every run, oldest first. */
    List<RunRecord> all() throws IOException {
        List<RunRecord> records = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return records;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(RECORD);
                if (Files.isRegularFile(file)) {
                    records.add(read(file));
                }
            }
        }
        records.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::id));
        return records;
    }

    private RunRecord read(Path file) throws IOException {
        try {
            return json.readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new IOException(file + ": unreadable run record (" + e.getMessage()
                    + "); delete that run's directory to forget it", e);
        }
    }
}
