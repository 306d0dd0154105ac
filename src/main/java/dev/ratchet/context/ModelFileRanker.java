package dev.ratchet.context;

import dev.ratchet.model.BudgetExceededException;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ChatMessage;
import dev.ratchet.model.ChatModel;
import dev.ratchet.model.ChatRequest;
import dev.ratchet.model.ChatResponse;
import dev.ratchet.model.ModelException;
import dev.ratchet.model.TokenCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Asks a small model once which files a task needs, for repositories too large for the reference
 * graph alone: the model sees the task and the repo map (paths and outlines, in graph order, cut
 * to a token budget) and answers with a JSON list of paths. Its picks that exist come first, in
 * its order, then the graph ranking; the assembler sends the picks whole as far as its file budget allows. A failed call or an unusable answer costs one warning and
 * leaves the graph ranking in place; it never fails the assembly. The answer is kept for the task, so
 * later iterations of a run neither pay again nor reorder the cached prompt prefix.
 */
public final class ModelFileRanker implements FileRanker {
    /** The cheapest GPT-4.1 model; picking files from a map needs no more. */
    public static final String DEFAULT_MODEL = "gpt-4.1-nano";
    public static final int DEFAULT_MAP_TOKENS = 60_000;
    static final int MAX_PICKS = 20;
    private static final int ANSWER_TOKENS = 2_000;

    private static final String SYSTEM = """
            You choose which files of a repository a developer must read to do a coding task. You get the \
            task and a map of the repository: each file's path followed by the declarations in it.
            Answer with JSON only, in exactly this shape: {"paths": ["dir/File.java", "dir/other.py"]}
            List at most %d paths, most relevant first, each copied exactly from the map: the files that \
            will need changes, then the files needed to understand them (their tests, callers, the types \
            they use). No other text.
            """.formatted(MAX_PICKS);

    private final ChatModel model;
    private final String modelName;
    private final TokenCounter counter;
    private final int mapTokens;
    private final FileRanker fallback;
    private final Consumer<String> warnings;
    private String answeredTask;
    private List<String> answer = List.of();
    private List<String> lastPicks = List.of();

    /**
     * @param mapTokens most tokens of map sent to the model
     * @param fallback  the ranking used for the files the model did not pick, and when it fails
     * @param warnings  receives one line when the model's answer cannot be used
     */
    public ModelFileRanker(ChatModel model, String modelName, TokenCounter counter, int mapTokens, FileRanker fallback,
                           Consumer<String> warnings) {
        this.model = model;
        this.modelName = modelName;
        this.counter = counter;
        this.mapTokens = mapTokens;
        this.fallback = fallback;
        this.warnings = warnings;
    }

    @Override
    public List<String> rank(List<AnalyzedFile> files, RankingSignals signals) {
        return ranking(files, signals).order();
    }

    /** The model's picks, which the assembler sends whole within its file budget, first; then the graph's order. */
    @Override
    public Ranking ranking(List<AnalyzedFile> files, RankingSignals signals) {
        List<String> graph = fallback.rank(files, signals);
        if (files.isEmpty()) {
            lastPicks = List.of();
            return Ranking.of(graph);
        }
        Map<String, AnalyzedFile> byPath = new HashMap<>();
        files.forEach(file -> byPath.put(file.path(), file));
        if (!signals.task().equals(answeredTask)) {
            answer = ask(signals.task(), graph, byPath);
            answeredTask = signals.task();
        }
        // Later iterations may have deleted a picked file; files they added are ranked by the graph.
        List<String> picks = answer.stream().filter(byPath::containsKey).toList();
        lastPicks = picks;
        Set<String> order = new LinkedHashSet<>(picks);
        order.addAll(graph);
        return new Ranking(List.copyOf(order), picks, picks.isEmpty() ? null : modelName);
    }

    /** The files the model picked in the last ranking, in its order; empty when it failed or picked none. */
    public List<String> lastPicks() {
        return lastPicks;
    }

    private List<String> ask(String task, List<String> graph, Map<String, AnalyzedFile> byPath) {
        ChatRequest request = new ChatRequest(modelName, List.of(new ChatMessage.SystemPrompt(SYSTEM),
                new ChatMessage.User(prompt(task, graph, byPath))), List.of(), 0.0, null, ANSWER_TOKENS, null, false);
        ChatResponse response;
        try {
            response = model.send(request);
        } catch (ChatCancelledException cancelled) {
            throw cancelled;
        } catch (ModelException | BudgetExceededException failed) {
            warnings.accept("ranking files with " + modelName + " failed (" + failed.getMessage()
                    + "); using the reference-graph ranking");
            return List.of();
        }
        var parsed = PathListReply.parse(response.text());
        if (parsed.isEmpty()) {
            warnings.accept(modelName + " did not answer with a JSON list of paths (" + excerpt(response.text())
                    + "); using the reference-graph ranking");
            return List.of();
        }
        List<String> known = new ArrayList<>();
        for (String path : parsed.get()) {
            String clean = path.strip().startsWith("./") ? path.strip().substring(2) : path.strip();
            if (byPath.containsKey(clean) && !known.contains(clean) && known.size() < MAX_PICKS) {
                known.add(clean);
            }
        }
        if (known.isEmpty() && !parsed.get().isEmpty()) {
            warnings.accept(modelName + " named " + parsed.get().size() + " path(s), none of them a file of the repository;"
                    + " using the reference-graph ranking");
        }
        return List.copyOf(known);
    }

    private String prompt(String task, List<String> graph, Map<String, AnalyzedFile> byPath) {
        StringBuilder map = new StringBuilder();
        int used = 0;
        for (String path : graph) {
            AnalyzedFile file = byPath.get(path);
            String block = file.facts().outline().symbols().isEmpty() ? path + "\n" : RepoMap.block(file);
            int tokens = counter.count(block);
            if (used + tokens > mapTokens) {
                break;
            }
            map.append(block);
            used += tokens;
        }
        // Instructions both before and after the long map, as OpenAI's GPT-4.1 long-context guidance advises.
        return "# Task\n\n" + task.strip() + "\n\n# Repository map\n\n<repo_map>\n" + map + "</repo_map>\n\n"
                + "# Answer\n\nThe JSON object {\"paths\": [...]} with at most " + MAX_PICKS
                + " paths from the map that the task above needs, most relevant first, and nothing else.\n";
    }

    private static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.isEmpty() ? "an empty answer" : "'" + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "'";
    }
}
