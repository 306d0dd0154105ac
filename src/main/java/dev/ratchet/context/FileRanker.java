package dev.ratchet.context;

import java.util.List;

/**
 * Orders the repository's files by relevance to the task, best first. The default is
 * {@link ReferenceGraphRanker}; {@link ModelFileRanker} (a cheap model picking files from the
 * map) can be plugged in through {@link ContextOptions}.
 */
@FunctionalInterface
public interface FileRanker {
    /** Every path of {@code files}, best first; ties broken by path so the order is stable. */
    List<String> rank(List<AnalyzedFile> files, RankingSignals signals);

    /** The order of {@link #rank}, and the files this ranker picks to send whole (none, unless it says otherwise). */
    default Ranking ranking(List<AnalyzedFile> files, RankingSignals signals) {
        return Ranking.of(rank(files, signals));
    }
}
