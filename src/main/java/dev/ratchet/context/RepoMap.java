package dev.ratchet.context;

import dev.ratchet.model.TokenCounter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders the repo map: an outline of the best-ranked files, as many as fit the token budget,
 * printed in path order so that a small change in ranking moves few bytes of the prompt.
 */
public final class RepoMap {
    private static final int MAX_MEMBERS_PER_FILE = 40;
    /** How many files that do not fit are still tried, hoping a smaller outline fits the rest of the budget. */
    private static final int MISSES_BEFORE_STOP = 200;

    private final TokenCounter counter;

    public RepoMap(TokenCounter counter) {
        this.counter = counter;
    }

    /** The rendered map and which files it outlines. */
    public record Rendered(String text, List<String> paths, int tokens) {
    }

    /**
     * @param ranked    paths best first
     * @param byPath    the analysed files
     * @param leaveOut  paths already sent whole, which need no outline
     * @param budget    the most tokens the map may take
     */
    public Rendered render(List<String> ranked, Map<String, AnalyzedFile> byPath, java.util.Set<String> leaveOut, int budget) {
        List<Block> chosen = new ArrayList<>();
        int used = 0;
        int misses = 0;
        for (String path : ranked) {
            AnalyzedFile file = byPath.get(path);
            if (file == null || leaveOut.contains(path) || file.facts().outline().symbols().isEmpty()) {
                continue;
            }
            String text = block(file);
            int tokens = counter.count(text);
            if (used + tokens <= budget) {
                chosen.add(new Block(path, text));
                used += tokens;
                misses = 0;
            } else if (++misses > MISSES_BEFORE_STOP) {
                break;
            }
        }
        // Token boundaries between blocks can shift the sum by a few; drop the lowest-ranked blocks until it truly fits.
        while (true) {
            List<Block> sorted = new ArrayList<>(chosen);
            sorted.sort(Comparator.comparing(Block::path));
            StringBuilder text = new StringBuilder();
            sorted.forEach(block -> text.append(block.text()));
            int tokens = counter.count(text.toString());
            if (tokens <= budget || chosen.isEmpty()) {
                return new Rendered(text.toString(), sorted.stream().map(Block::path).toList(), tokens);
            }
            chosen.remove(chosen.size() - 1);
        }
    }

    private record Block(String path, String text) {
    }

    static String block(AnalyzedFile file) {
        StringBuilder text = new StringBuilder(file.path()).append(":\n");
        int members = 0;
        int hidden = 0;
        for (Symbol symbol : file.facts().outline().symbols()) {
            if (symbol.depth() > 0 && members >= MAX_MEMBERS_PER_FILE) {
                hidden++;
                continue;
            }
            if (symbol.depth() > 0) {
                members++;
            }
            text.append("  ".repeat(symbol.depth() + 1)).append(symbol.signature()).append('\n');
        }
        if (hidden > 0) {
            text.append("    ... ").append(hidden).append(" more\n");
        }
        return text.toString();
    }
}
