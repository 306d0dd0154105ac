package dev.ratchet.edit.apply;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import dev.ratchet.workspace.FileWrite;
import dev.ratchet.workspace.RepoFiles;
import dev.ratchet.workspace.UnsafePathException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** An in-memory working tree for applier tests, plus small builders for plans and hunks. */
final class MemoryRepo implements RepoFiles {
    private final Map<String, byte[]> files = new HashMap<>();
    private final Set<String> unsafe = new HashSet<>();
    private final Set<String> unreadable = new HashSet<>();
    private final List<String> reads = new ArrayList<>();

    MemoryRepo put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    MemoryRepo putBytes(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    MemoryRepo unsafe(String path) {
        unsafe.add(path);
        return this;
    }

    MemoryRepo unreadable(String path) {
        unreadable.add(path);
        return this;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        reads.add(path);
        if (unsafe.contains(path)) {
            throw new UnsafePathException(path, "is outside the repository");
        }
        if (unreadable.contains(path)) {
            throw new IOException(path + ": is a directory");
        }
        byte[] bytes = files.get(path);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    String text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] bytes(String path) {
        return files.get(path);
    }

    boolean exists(String path) {
        return files.containsKey(path);
    }

    /** Performs the writes as the workspace would (modes aside). */
    void write(List<FileWrite> writes) {
        for (FileWrite write : writes) {
            if (write instanceof FileWrite.Put put) {
                files.put(put.path(), put.content());
            } else {
                files.remove(write.path());
            }
        }
    }

    /** Applies and writes when clean, like `ratchet apply`. */
    Application applyAndWrite(EditPlan plan) {
        Application application = new Applier().apply(plan, this);
        if (application.clean()) {
            write(application.writes());
        }
        return application;
    }

    Map<String, byte[]> snapshot() {
        Map<String, byte[]> copy = new HashMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return copy;
    }

    boolean sameAs(Map<String, byte[]> snapshot) {
        if (!snapshot.keySet().equals(files.keySet())) {
            return false;
        }
        return snapshot.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), files.get(e.getKey())));
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    static Hunk hunk(Hunk.Source source, String before, String after) {
        return Hunk.of(lines(before), lines(after), source);
    }

    static Hunk searchReplace(String before, String after) {
        return hunk(Hunk.Source.SEARCH_REPLACE, before, after);
    }

    static Hunk udiff(int line, String before, String after) {
        return new Hunk(lines(before), lines(after), List.of(), OptionalInt.of(line), false, Hunk.Source.UDIFF);
    }

    static Hunk udiff(String before, String after) {
        return hunk(Hunk.Source.UDIFF, before, after);
    }

    static Hunk v4a(List<String> anchors, String before, String after) {
        return new Hunk(lines(before), lines(after), anchors, OptionalInt.empty(), false, Hunk.Source.APPLY_PATCH);
    }

    static Hunk v4aEndOfFile(String before, String after) {
        return new Hunk(lines(before), lines(after), List.of(), OptionalInt.empty(), true, Hunk.Source.APPLY_PATCH);
    }

    static EditPlan update(String path, Hunk... hunks) {
        return new EditPlan(List.of(new FileChange.Update(path, List.of(hunks))));
    }

    static EditPlan plan(FileChange... changes) {
        return new EditPlan(List.of(changes));
    }
}
