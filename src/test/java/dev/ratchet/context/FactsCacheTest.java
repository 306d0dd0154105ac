package dev.ratchet.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsCacheTest {
    private static final FileFacts FACTS = new FileFacts(false, 42, new Outline(
            List.of(new Symbol("class", "Invoice", "class Invoice", 1, 0), new Symbol("method", "Invoice.total", "long total()", 2, 1)),
            List.of("Money", "Invoice")));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("context-cache.bin");
    }

    @Test
    void factsSurviveASaveAndDeadBlobsAreDropped() throws IOException {
        FactsCache cache = FactsCache.open(dir);
        cache.put("aaaa", FACTS);
        cache.put("bbbb", new FileFacts(true, 0, Outline.EMPTY));
        cache.save(Set.of("aaaa"));

        FactsCache reopened = FactsCache.open(dir);

        assertThat(reopened.get("aaaa")).isEqualTo(FACTS);
        assertThat(reopened.get("bbbb")).isNull();
        assertThat(reopened.size()).isEqualTo(1);
    }

    /** The header of a valid cache, followed by one count that no real cache holds. */
    private byte[] headerThen(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x52435458);
            out.writeInt(1);
            out.writeInt(OutlineExtractor.VERSION);
            out.writeInt(count);
        }
        return bytes.toByteArray();
    }

    @Test
    void aDamagedCacheIsIgnoredAndRewrittenNeverAnError() throws IOException {
        FactsCache cache = FactsCache.open(dir);
        cache.put("aaaa", FACTS);
        cache.save(Set.of("aaaa"));
        byte[] good = Files.readAllBytes(file());

        List<byte[]> damaged = List.of(headerThen(-1), headerThen(Integer.MAX_VALUE), Arrays.copyOf(good, good.length / 2),
                new byte[] {1, 2, 3}, flipped(good, good.length - 6));
        for (byte[] bytes : damaged) {
            Files.write(file(), bytes);

            FactsCache reopened = FactsCache.open(dir);

            assertThat(reopened.get("aaaa")).as(Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 20))))
                    .isIn(null, FACTS);
            reopened.put("aaaa", FACTS);
            reopened.save(Set.of("aaaa"));
            assertThat(FactsCache.open(dir).get("aaaa")).isEqualTo(FACTS);
        }
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) 0xFF;
        copy[at - 1] = (byte) 0xFF;
        return copy;
    }
}
