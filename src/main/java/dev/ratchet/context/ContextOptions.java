package dev.ratchet.context;

import java.util.List;

/**
 * The knobs of context assembly. {@code namedFiles} are always sent whole; {@code readFiles} (the
 * {@code read:} list of {@code .ratchet.yml}) are sent as instructions.
 *
 * @param mapTokens         most tokens the repo map may take
 * @param fileTokens        most tokens for files ratchet chooses itself in map mode (named files are extra)
 * @param autoWholeTokens   in auto mode, send the whole repository when it fits this many tokens
 * @param windowTokens      the model's context window
 * @param answerTokens      tokens kept free in the window for the answer
 * @param maxFileBytes      files larger than this stay out unless named
 */
public record ContextOptions(ContextMode mode, List<String> namedFiles, List<String> readFiles, int mapTokens,
                             int fileTokens, int autoWholeTokens, int windowTokens, int answerTokens, long maxFileBytes,
                             FileRanker ranker) {
    public static final int GPT_41_WINDOW = 1_047_576;

    public ContextOptions {
        namedFiles = List.copyOf(namedFiles);
        readFiles = List.copyOf(readFiles);
        if (mapTokens < 0 || fileTokens < 0 || autoWholeTokens < 0 || answerTokens < 0 || windowTokens <= answerTokens) {
            throw new IllegalArgumentException("token budgets must be positive and the window larger than the answer reserve");
        }
    }

    /** Defaults for GPT-4.1: an 8k map, 32k of chosen files, whole repository up to 200k tokens in auto mode. */
    public static ContextOptions defaults() {
        return new ContextOptions(ContextMode.AUTO, List.of(), List.of(), 8_192, 32_768, 200_000, GPT_41_WINDOW,
                32_768, 512 * 1024, new ReferenceGraphRanker());
    }

    public ContextOptions withMode(ContextMode value) {
        return new ContextOptions(value, namedFiles, readFiles, mapTokens, fileTokens, autoWholeTokens, windowTokens,
                answerTokens, maxFileBytes, ranker);
    }

    public ContextOptions withNamedFiles(List<String> value) {
        return new ContextOptions(mode, value, readFiles, mapTokens, fileTokens, autoWholeTokens, windowTokens,
                answerTokens, maxFileBytes, ranker);
    }

    public ContextOptions withReadFiles(List<String> value) {
        return new ContextOptions(mode, namedFiles, value, mapTokens, fileTokens, autoWholeTokens, windowTokens,
                answerTokens, maxFileBytes, ranker);
    }

    public ContextOptions withBudgets(int map, int files, int autoWhole) {
        return new ContextOptions(mode, namedFiles, readFiles, map, files, autoWhole, windowTokens, answerTokens,
                maxFileBytes, ranker);
    }

    public ContextOptions withWindow(int window, int answer) {
        return new ContextOptions(mode, namedFiles, readFiles, mapTokens, fileTokens, autoWholeTokens, window, answer,
                maxFileBytes, ranker);
    }

    public ContextOptions withRanker(FileRanker value) {
        return new ContextOptions(mode, namedFiles, readFiles, mapTokens, fileTokens, autoWholeTokens, windowTokens,
                answerTokens, maxFileBytes, value);
    }

    /** The most prompt tokens the window allows. */
    public int promptLimit() {
        return windowTokens - answerTokens;
    }
}
