package dev.ratchet.context;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StreamCorruptedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-blob facts kept in {@code .git/ratchet/context-cache.bin}, so a second run reads and
 * tokenizes only what changed. The file is ratchet's own state: written to a temp file and
 * renamed, and silently rebuilt when it is missing, damaged, or from another extractor version.
 * Strings are stored once in a table, which keeps a 15,000-file cache small and quick to load.
 */
public final class FactsCache {
    private static final int MAGIC = 0x52435458; // "RCTX"
    private static final int FORMAT = 1;

    private final Path file;
    private final Map<String, FileFacts> facts = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private FactsCache(Path file) {
        this.file = file;
    }

    /** The cache in {@code directory} (normally {@code .git/ratchet}); empty when there is none yet. */
    public static FactsCache open(Path directory) {
        FactsCache cache = new FactsCache(directory.resolve("context-cache.bin"));
        cache.load();
        return cache;
    }

    public FileFacts get(String blobId) {
        return facts.get(blobId);
    }

    public void put(String blobId, FileFacts value) {
        FileFacts previous = facts.put(blobId, value);
        if (!value.equals(previous)) {
            dirty = true;
        }
    }

    public int size() {
        return facts.size();
    }

    /** Drops entries for blobs no longer in the working tree, then writes the file if anything changed. */
    public void save(Set<String> liveBlobIds) throws IOException {
        if (facts.keySet().retainAll(liveBlobIds)) {
            dirty = true;
        }
        if (!dirty) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "context-cache", ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                write(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            dirty = false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void write(DataOutputStream out) throws IOException {
        Map<String, Integer> strings = new LinkedHashMap<>();
        List<Map.Entry<String, FileFacts>> entries = new ArrayList<>(facts.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, FileFacts> entry : entries) {
            for (Symbol symbol : entry.getValue().outline().symbols()) {
                strings.putIfAbsent(symbol.kind(), strings.size());
                strings.putIfAbsent(symbol.name(), strings.size());
                strings.putIfAbsent(symbol.signature(), strings.size());
            }
            for (String reference : entry.getValue().outline().references()) {
                strings.putIfAbsent(reference, strings.size());
            }
        }
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(OutlineExtractor.VERSION);
        out.writeInt(strings.size());
        for (String string : strings.keySet()) {
            out.writeUTF(string);
        }
        out.writeInt(entries.size());
        for (Map.Entry<String, FileFacts> entry : entries) {
            FileFacts value = entry.getValue();
            out.writeUTF(entry.getKey());
            out.writeBoolean(value.binary());
            out.writeInt(value.tokens());
            out.writeInt(value.outline().symbols().size());
            for (Symbol symbol : value.outline().symbols()) {
                out.writeInt(strings.get(symbol.kind()));
                out.writeInt(strings.get(symbol.name()));
                out.writeInt(strings.get(symbol.signature()));
                out.writeInt(symbol.line());
                out.writeByte(symbol.depth());
            }
            out.writeInt(value.outline().references().size());
            for (String reference : value.outline().references()) {
                out.writeInt(strings.get(reference));
            }
        }
    }

    private void load() {
        long limit;
        try {
            limit = Files.size(file);
        } catch (IOException missing) {
            dirty = true;
            return;
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readInt() != OutlineExtractor.VERSION) {
                return;
            }
            String[] strings = new String[count(in, limit)];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUTF();
            }
            int count = count(in, limit);
            Map<String, FileFacts> loaded = new HashMap<>(count * 2);
            for (int e = 0; e < count; e++) {
                String blobId = in.readUTF();
                boolean binary = in.readBoolean();
                int tokens = in.readInt();
                Symbol[] symbols = new Symbol[count(in, limit)];
                for (int s = 0; s < symbols.length; s++) {
                    symbols[s] = new Symbol(strings[in.readInt()], strings[in.readInt()], strings[in.readInt()],
                            in.readInt(), in.readByte());
                }
                String[] references = new String[count(in, limit)];
                for (int r = 0; r < references.length; r++) {
                    references[r] = strings[in.readInt()];
                }
                loaded.put(blobId, new FileFacts(binary, tokens, new Outline(List.of(symbols), List.of(references))));
            }
            facts.putAll(loaded);
        } catch (NoSuchFileException | EOFException | ArrayIndexOutOfBoundsException | IllegalArgumentException missingOrDamaged) {
            // A missing or damaged cache only costs time: everything is recomputed and the file rewritten.
            facts.clear();
            dirty = true;
        } catch (IOException unreadable) {
            facts.clear();
            dirty = true;
        }
    }

    /** A count read from the file; every item takes at least a byte, so more than the file's size means damage. */
    private static int count(DataInputStream in, long fileSize) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > fileSize) {
            throw new StreamCorruptedException("count " + count + " in a cache file of " + fileSize + " bytes");
        }
        return count;
    }

}
