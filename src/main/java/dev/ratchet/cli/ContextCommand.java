package dev.ratchet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ratchet.context.AssembledContext;
import dev.ratchet.context.ContextAssembler;
import dev.ratchet.context.ContextFile;
import dev.ratchet.context.ContextMode;
import dev.ratchet.context.ContextOptions;
import dev.ratchet.context.ContextRequest;
import dev.ratchet.context.ContextSection;
import dev.ratchet.context.CostEstimate;
import dev.ratchet.context.FileRanker;
import dev.ratchet.context.ModelFileRanker;
import dev.ratchet.context.ReferenceGraphRanker;
import dev.ratchet.config.ConfigKey;
import dev.ratchet.config.ConfigValue;
import dev.ratchet.config.Settings;
import dev.ratchet.model.ChatModelFactory;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ModelCatalog;
import dev.ratchet.model.ModelSetupException;
import dev.ratchet.model.Spend;
import dev.ratchet.model.TokenCounter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ratchet context TASK}: shows what would be sent to the model for a task, without calling it. */
@Command(name = "context", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Show exactly what would be sent to the model for TASK: sections, files, tokens, and the "
                + "estimated input cost on each GPT-4.1 model. Calls no model, unless --rank-model (or rank_model: "
                + "in .ratchet.yml) asks a small model to pick the files."},
        footer = {"", "Examples:",
            "  ratchet context \"fix the NPE in OrderService.total\"",
            "  ratchet context \"add a --verbose flag\" --file src/main/java/app/Cli.java --mode map",
            "  ratchet context \"why does the test fail\" --feedback build/test-output.txt --json",
            "  ratchet context \"fix the rounding of invoice totals\" --mode map --rank-model gpt-4.1-nano"})
final class ContextCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task, as you would give it to the agent.")
    String task;

    @Option(names = "--mode", paramLabel = "MODE", description = "map, whole or auto (default: context_mode in .ratchet.yml, else auto).")
    ContextMode mode;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH", description = "A file to send whole (repeatable).")
    List<String> files = new ArrayList<>();

    @Option(names = "--read", paramLabel = "PATH", description = "A file to send as instructions, like read: in .ratchet.yml (repeatable).")
    List<String> reads = new ArrayList<>();

    @Option(names = "--feedback", paramLabel = "FILE", description = "Test output or other feedback to include, read from FILE.")
    Path feedback;

    @Option(names = "--system", paramLabel = "FILE", description = "The system prompt, read from FILE (the agent supplies it normally).")
    Path system;

    @Option(names = "--map-tokens", paramLabel = "N", description = "Token budget of the repo map (default: ${DEFAULT-VALUE}).")
    int mapTokens = ContextOptions.defaults().mapTokens();

    @Option(names = "--file-tokens", paramLabel = "N", description = "Token budget for files ratchet picks in map mode (default: ${DEFAULT-VALUE}).")
    int fileTokens = ContextOptions.defaults().fileTokens();

    @Option(names = "--auto-tokens", paramLabel = "N", description = "In auto mode, send the whole repository up to N tokens (default: ${DEFAULT-VALUE}).")
    int autoTokens = ContextOptions.defaults().autoWholeTokens();

    @Option(names = "--rank-model", paramLabel = "MODEL", arity = "0..1", fallbackValue = ModelFileRanker.DEFAULT_MODEL,
            description = "In map mode, let a small model pick the files from the repo map first: one request, whose "
                    + "cost is shown (MODEL default: " + ModelFileRanker.DEFAULT_MODEL + "; 'none' turns off rank_model from .ratchet.yml).")
    String rankModel;

    @Option(names = "--replay", paramLabel = "FILE", description = "Answer the --rank-model request from a JSONL cassette instead of the network.")
    String replay;

    @Option(names = {"-C", "--repo"}, paramLabel = "DIR", description = "The repository (default: the current directory).")
    Path repo;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--print", description = "Also print the full prompt text.")
    boolean print;

    ContextCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Path directory = repo != null ? repo : Path.of(System.getProperty("user.dir"));
        Path root = directory.toAbsolutePath().normalize();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        Optional.ofNullable(rankModel).ifPresent(value -> flags.put(ConfigKey.RANK_MODEL, value));
        Optional.ofNullable(replay).ifPresent(value -> flags.put(ConfigKey.REPLAY, value));
        Settings settings = ModelOptions.load(io, root, flags);
        // read: from .ratchet.yml is relative to the work tree, as the agent reads it; --read to the current directory.
        List<String> readFiles = new ArrayList<>(settings.values().value(ConfigKey.READ).map(ConfigValue::list).orElse(List.of()));
        reads.forEach(file -> readFiles.add(relativeToRepo(root, file)));
        TokenCounter counter = new TokenCounter();
        Ranking ranking = ranking(settings, counter);
        ContextOptions options = ContextOptions.defaults().withMode(mode(settings))
                .withNamedFiles(files.stream().map(file -> relativeToRepo(root, file)).toList())
                .withReadFiles(readFiles)
                .withBudgets(mapTokens, fileTokens, autoTokens)
                .withRanker(ranking.ranker());
        ContextRequest request = new ContextRequest(readOptional(system, "--system"), task, readOptional(feedback, "--feedback"), "");
        long started = System.nanoTime();
        AssembledContext context = new ContextAssembler(counter).assemble(directory, request, options);
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<CostEstimate> costs = CostEstimate.of(context, new ModelCatalog(), options.answerTokens());
        if (json) {
            printJson(context, costs, options, millis, ranking);
        } else {
            printText(context, costs, options, millis, ranking);
        }
        return ExitCode.OK;
    }

    /** The ranker in use; with a model, also the model, its ranker and its metered client (for the report). */
    private record Ranking(FileRanker ranker, String model, ModelFileRanker modelRanker, MeteredChatModel chat) {
        Optional<Spend> spend() {
            return chat == null ? Optional.empty() : Optional.of(chat.ledger().spend());
        }
    }

    private Ranking ranking(Settings settings, TokenCounter counter) {
        FileRanker graph = new ReferenceGraphRanker();
        Optional<String> name = RankModel.name(settings);
        if (name.isEmpty()) {
            return new Ranking(graph, null, null, null);
        }
        MeteredChatModel chat;
        try {
            chat = ChatModelFactory.create(RankModel.settingsFor(name.get(), settings.model()), counter);
        } catch (ModelSetupException cannotReach) {
            // Ranking is an optimisation: without a reachable model the graph ranking still gives a good context.
            warn("cannot rank files with " + name.get() + ": " + cannotReach.getMessage() + "; using the reference-graph ranking");
            return new Ranking(graph, name.get(), null, null);
        }
        if (settings.model().replay() != null) {
            warn("the " + name.get() + " ranking is answered from the cassette " + settings.model().replay() + "; no model is called");
        }
        ModelFileRanker ranker = new ModelFileRanker(chat, name.get(), counter, ModelFileRanker.DEFAULT_MAP_TOKENS, graph, this::warn);
        return new Ranking(ranker, name.get(), ranker, chat);
    }

    private ContextMode mode(Settings settings) {
        if (mode != null) {
            return mode;
        }
        String configured = settings.values().text(ConfigKey.CONTEXT_MODE).orElse("auto");
        try {
            return ContextMode.valueOf(configured.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(settings.values().value(ConfigKey.CONTEXT_MODE).orElseThrow().source()
                    + ": context_mode must be auto, map or whole, not '" + configured + "'");
        }
    }

    private void warn(String message) {
        io.err().println("ratchet: " + message);
        io.err().flush();
    }

    /** Named paths are relative to the current directory; the assembler wants them relative to the work tree it finds. */
    private static String relativeToRepo(Path root, String file) {
        return root.resolve(file).normalize().toString();
    }

    private static String readOptional(Path file, String option) {
        if (file == null) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read the " + option + " file " + file + ": " + e.getMessage());
        }
    }

    private void printText(AssembledContext context, List<CostEstimate> costs, ContextOptions options, long millis,
                           Ranking ranking) {
        PrintWriter out = io.out();
        out.printf("mode: %s   total: %,d tokens (window %,d, %,d kept for the answer)   built in %d ms%n",
                context.mode().name().toLowerCase(), context.totalTokens(), options.windowTokens(), options.answerTokens(), millis);
        out.println("  phases (ms): " + String.join(", ", context.phaseMillis().entrySet().stream()
                .map(phase -> phase.getKey() + " " + phase.getValue()).toList()));
        out.println();
        out.println("sections (in the order sent):");
        for (ContextSection section : context.sections()) {
            out.printf("  %-16s %-7s %,10d tokens%n", section.name(), section.role(), section.tokens());
        }
        if (!context.files().isEmpty()) {
            out.println();
            out.printf("files sent whole (%d):%n", context.files().size());
            for (ContextFile file : context.files()) {
                out.printf("  %,8d  %s  (%s)%n", file.tokens(), file.path(), file.reason());
            }
        }
        if (!context.mappedFiles().isEmpty()) {
            out.println();
            out.printf("repo map: %d files outlined%n", context.mappedFiles().size());
        }
        if (ranking.model() != null) {
            out.println();
            out.println("files ranked by " + ranking.model() + ": " + rankingSummary(ranking));
        }
        if (!context.excluded().isEmpty()) {
            Map<String, Integer> reasons = new TreeMap<>();
            context.excluded().forEach(exclusion -> reasons.merge(exclusion.reason(), 1, Integer::sum));
            out.println();
            out.printf("left out: %d files (%s); --json lists them%n", context.excluded().size(),
                    String.join(", ", reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        out.println();
        out.println("estimated input cost per request (output not included):");
        for (CostEstimate cost : costs) {
            out.printf("  %-13s $%.4f first, $%.4f when the stable prefix is cached%s%n", cost.model(), cost.firstRequest(),
                    cost.cachedRepeat(), cost.fits() ? "" : "  (does not fit the window)");
        }
        if (print) {
            out.println();
            out.println("----- prompt -----");
            out.print(context.text());
        }
        out.flush();
    }

    private static String rankingSummary(Ranking ranking) {
        Spend spend = ranking.spend().orElse(Spend.NOTHING);
        if (spend.requests() == 0) {
            return ranking.chat() == null ? "not reachable, graph ranking used" : "not asked (no map is needed in whole mode)";
        }
        List<String> picks = ranking.modelRanker().lastPicks();
        return (picks.isEmpty() ? "no usable pick, graph ranking used" : "picked " + String.join(", ", picks))
                + "; " + spend.describe();
    }

    private void printJson(AssembledContext context, List<CostEstimate> costs, ContextOptions options, long millis,
                           Ranking ranking) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", context.mode().name().toLowerCase());
        report.put("totalTokens", context.totalTokens());
        report.put("windowTokens", options.windowTokens());
        report.put("answerTokens", options.answerTokens());
        report.put("millis", millis);
        report.put("phaseMillis", context.phaseMillis());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (ContextSection section : context.sections()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", section.name());
            entry.put("role", section.role());
            entry.put("tokens", section.tokens());
            if (print) {
                entry.put("text", section.text());
            }
            sections.add(entry);
        }
        report.put("sections", sections);
        report.put("files", context.files());
        report.put("mappedFiles", context.mappedFiles());
        report.put("excluded", context.excluded());
        report.put("costs", costs);
        if (ranking.model() != null) {
            Map<String, Object> rank = new LinkedHashMap<>();
            Spend spend = ranking.spend().orElse(Spend.NOTHING);
            rank.put("model", ranking.model());
            rank.put("picked", ranking.modelRanker() == null ? List.of() : ranking.modelRanker().lastPicks());
            rank.put("requests", spend.requests());
            rank.put("promptTokens", spend.usage().promptTokens());
            rank.put("completionTokens", spend.usage().completionTokens());
            rank.put("cost", spend.cost().orElse(null));
            report.put("ranking", rank);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        io.out().println(mapper.writeValueAsString(report));
        io.out().flush();
    }
}
