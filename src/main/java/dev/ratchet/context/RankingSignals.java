package dev.ratchet.context;

import java.util.Map;

/**
 * What points at files for this task, each with a weight: paths named in the task or in stack
 * traces, identifiers named in the task, and files changed recently or not yet committed; the
 * task's own text is kept for rankers that read it (a model picking files).
 */
public record RankingSignals(String task, Map<String, Double> mentionedPaths, Map<String, Double> mentionedIdentifiers,
                             Map<String, Double> changedPaths) {
    public RankingSignals {
        task = task == null ? "" : task;
        mentionedPaths = Map.copyOf(mentionedPaths);
        mentionedIdentifiers = Map.copyOf(mentionedIdentifiers);
        changedPaths = Map.copyOf(changedPaths);
    }

    public static final RankingSignals NONE = new RankingSignals("", Map.of(), Map.of(), Map.of());
}
