package dev.ratchet.context;

import dev.ratchet.model.TokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads working-tree files into {@link FileFacts}, going to disk only for blobs the cache does not
 * know, and counting tokens only when asked (the map needs outlines of every file, but token
 * counts only of what it sends). Reads in parallel.
 */
final class FileAnalyzer {
    private static final int SNIFF_BYTES = 8000;

    private final Path workTree;
    private final FactsCache cache;
    private final TokenCounter counter;
    private final OutlineExtractor extractor;
    /** Files read from disk to compute facts; lets a test prove that cached blobs are not read again. */
    private final AtomicInteger reads = new AtomicInteger();

    FileAnalyzer(Path workTree, FactsCache cache, TokenCounter counter, OutlineExtractor extractor) {
        this.workTree = workTree;
        this.cache = cache;
        this.counter = counter;
        this.extractor = extractor;
    }

    /** Facts for every file; binary files are moved to {@code excluded}. */
    List<AnalyzedFile> analyze(List<RepoFile> files, boolean countTokens, List<Exclusion> excluded) {
        List<AnalyzedFile> analyzed = files.parallelStream()
                .map(file -> new AnalyzedFile(file, facts(file, countTokens)))
                .toList();
        List<AnalyzedFile> text = new ArrayList<>(analyzed.size());
        for (AnalyzedFile file : analyzed) {
            if (file.facts().binary()) {
                excluded.add(new Exclusion(file.path(), "binary"));
            } else {
                text.add(file);
            }
        }
        text.sort(Comparator.comparing(AnalyzedFile::path));
        return text;
    }

    /** The file's token count, counted now (and cached) if it was not yet. */
    int tokens(AnalyzedFile file) {
        FileFacts known = cache.get(file.file().blobId());
        if (known != null && known.counted()) {
            return known.tokens();
        }
        return facts(file.file(), true).tokens();
    }

    /** The file's text as it is on disk now. */
    String read(String path) {
        try {
            return decode(Files.readAllBytes(workTree.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private FileFacts facts(RepoFile file, boolean countTokens) {
        FileFacts known = cache.get(file.blobId());
        if (known != null && (known.counted() || !countTokens || known.binary())) {
            return known;
        }
        byte[] bytes;
        try {
            reads.incrementAndGet();
            bytes = Files.readAllBytes(workTree.resolve(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
        FileFacts computed;
        if (isBinary(bytes)) {
            computed = new FileFacts(true, 0, Outline.EMPTY);
        } else {
            String text = decode(bytes);
            Outline outline = known != null ? known.outline() : extractor.extract(file.path(), text);
            computed = new FileFacts(false, countTokens ? counter.count(text) : FileFacts.UNCOUNTED, outline);
        }
        cache.put(file.blobId(), computed);
        return computed;
    }

    /** How many files this analyzer has read from disk to compute facts (not counting {@link #read}). */
    int reads() {
        return reads.get();
    }

    static boolean isBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, SNIFF_BYTES);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static String decode(byte[] bytes) {
        return new String(Objects.requireNonNull(bytes), StandardCharsets.UTF_8);
    }
}
