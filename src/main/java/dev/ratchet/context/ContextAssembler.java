package dev.ratchet.context;

import dev.ratchet.model.TokenCounter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Builds the prompt for one iteration. Order follows the GPT-4.1 long-context guidance and
 * OpenAI's prefix caching: system prompt and task first, then what changes rarely (conventions,
 * repo map, files), then what changes every iteration (files named by failures, the feedback),
 * and the task restated at the very end. Every list is sorted, so equal inputs give a
 * byte-identical prompt and a new iteration keeps the cached prefix up to the feedback.
 */
public final class ContextAssembler {
    /** Rough bytes per token for source code with o200k_base, used only to skip counting hopeless whole-repo attempts. */
    private static final double BYTES_PER_TOKEN = 4.0;
    private static final int MAX_RANKED_FILES = 8;
    private static final String MAP_HEADING =
            "# Repository map\n\nDeclarations in other files of the repository (bodies not shown):\n\n<repo_map>\n";
    private static final String MAP_CLOSING = "</repo_map>\n\n";

    private final TokenCounter counter;
    private final OutlineExtractor extractor = new OutlineExtractor();

    public ContextAssembler(TokenCounter counter) {
        this.counter = counter;
    }

    /** Assembles the context for {@code request} from the git repository containing {@code directory}. */
    public AssembledContext assemble(Path directory, ContextRequest request, ContextOptions options) throws IOException {
        FS.FileStoreAttributes.setBackground(true);
        PhaseClock clock = new PhaseClock();
        try (Repository repository = open(directory)) {
            return assemble(repository, request, options, clock);
        }
    }

    private static Repository open(Path directory) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(directory.toFile());
        if (builder.getGitDir() == null) {
            throw new ContextException(directory.toAbsolutePath() + " is not inside a git repository; run 'git init' there first");
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare()) {
            repository.close();
            throw new ContextException(directory.toAbsolutePath() + " is a bare git repository; run ratchet in a working tree");
        }
        return repository;
    }

    AssembledContext assemble(Repository repository, ContextRequest request, ContextOptions options, PhaseClock clock)
            throws IOException {
        Path workTree = repository.getWorkTree().toPath();
        WorkTreeFiles tree = new WorkTreeFiles(workTree);
        List<String> named = options.namedFiles().stream().map(path -> tree.relative(path, "the named file"))
                .distinct().sorted().toList();

        RepositoryScanner.Scan scan = new RepositoryScanner(new ExclusionRules(options.maxFileBytes())).scan(repository);
        List<Exclusion> excluded = new ArrayList<>(scan.excluded());
        excluded.removeIf(exclusion -> named.contains(exclusion.path()));
        Set<String> namedSet = Set.copyOf(named);
        List<RepoFile> candidates = scan.files().stream().filter(file -> !namedSet.contains(file.path())).toList();
        clock.lap("scan");

        File cacheDirectory = new File(repository.getCommonDirectory(), "ratchet");
        FactsCache cache = FactsCache.open(cacheDirectory.toPath());
        FileAnalyzer analyzer = new FileAnalyzer(workTree, cache, counter, extractor);
        clock.lap("load cache");

        ContextMode mode = resolveMode(options, candidates, cache);
        if (mode == ContextMode.WHOLE && options.mode() == ContextMode.WHOLE) {
            long bytes = candidates.stream().mapToLong(RepoFile::size).sum();
            // Source code never packs more than ~8 bytes into a token; past that, counting is wasted time.
            if (bytes / 8 > options.promptLimit()) {
                throw tooLargeForWhole(String.format("about %,d", bytes / (long) BYTES_PER_TOKEN), options);
            }
        }
        List<AnalyzedFile> files = analyzer.analyze(candidates, mode == ContextMode.WHOLE, excluded);
        clock.lap("analyse");
        if (options.mode() == ContextMode.AUTO && mode == ContextMode.WHOLE
                && files.stream().mapToLong(file -> file.facts().tokens()).sum() > options.autoWholeTokens()) {
            mode = ContextMode.MAP;
        }

        if (mode == ContextMode.WHOLE && options.mode() == ContextMode.WHOLE) {
            long tokens = files.stream().mapToLong(file -> file.facts().tokens()).sum();
            if (tokens > options.promptLimit()) {
                cache.save(scan.files().stream().map(RepoFile::blobId).collect(Collectors.toSet()));
                throw tooLargeForWhole(String.format("%,d", tokens), options);
            }
        }
        Map<String, String> namedTexts = new LinkedHashMap<>();
        for (String path : named) {
            namedTexts.put(path, tree.read(path, "the named file"));
        }
        Builder builder = new Builder(analyzer, request, options, mode, excluded, clock);
        AssembledContext context = builder.build(repository, tree, files, namedTexts, scan.files());
        Set<String> live = scan.files().stream().map(RepoFile::blobId).collect(Collectors.toSet());
        cache.save(live);
        clock.lap("save cache");
        return new AssembledContext(context.mode(), context.sections(), context.files(), context.mappedFiles(),
                context.excluded(), context.totalTokens(), clock.millis());
    }

    private static ContextException tooLargeForWhole(String tokens, ContextOptions options) {
        return new ContextException(String.format("the filtered repository is %s tokens, more than the model's window"
                + " of %,d minus %,d kept for the answer; use --mode map (or auto), or narrow the repository with"
                + " .gitignore", tokens, options.windowTokens(), options.answerTokens()));
    }

    private static ContextMode resolveMode(ContextOptions options, List<RepoFile> candidates, FactsCache cache) {
        if (options.mode() != ContextMode.AUTO) {
            return options.mode();
        }
        double estimate = 0;
        for (RepoFile file : candidates) {
            FileFacts known = cache.get(file.blobId());
            estimate += known != null && known.counted() ? known.tokens() : file.size() / BYTES_PER_TOKEN;
        }
        // Count exactly only when the estimate is near the budget; a 50M-token repository never needs counting.
        return estimate <= options.autoWholeTokens() * 1.5 ? ContextMode.WHOLE : ContextMode.MAP;
    }

    /** One assembly: collects sections in order and keeps the running totals. */
    private final class Builder {
        private final FileAnalyzer analyzer;
        private final ContextRequest request;
        private final ContextOptions options;
        private final ContextMode mode;
        private final List<Exclusion> excluded;
        private final List<ContextSection> sections = new ArrayList<>();
        private final List<ContextFile> sent = new ArrayList<>();
        private final Set<String> sentPaths = new HashSet<>();
        private final PhaseClock clock;

        Builder(FileAnalyzer analyzer, ContextRequest request, ContextOptions options, ContextMode mode, List<Exclusion> excluded,
                PhaseClock clock) {
            this.clock = clock;
            this.analyzer = analyzer;
            this.request = request;
            this.options = options;
            this.mode = mode;
            this.excluded = excluded;
        }

        AssembledContext build(Repository repository, WorkTreeFiles tree, List<AnalyzedFile> files,
                               Map<String, String> namedTexts, List<RepoFile> scanned) throws IOException {
            Map<String, AnalyzedFile> byPath = files.stream()
                    .collect(Collectors.toMap(AnalyzedFile::path, Function.identity(), (a, b) -> a, HashMap::new));
            List<String> allPaths = new ArrayList<>(byPath.keySet());
            allPaths.addAll(namedTexts.keySet());
            MentionFinder mentions = new MentionFinder(allPaths);

            section("system", "system", request.systemText());
            section("task", "user", request.taskText().isBlank() ? "" : "# Task\n\n" + ensureNewline(request.taskText()) + "\n");

            // Files whole: named ones always; in map mode also what the task points at, best first, within the budget.
            Map<String, String> reasons = new LinkedHashMap<>();
            namedTexts.forEach((path, text) -> reasons.put(path, text.indexOf('\0') >= 0 ? "named (binary content)" : "named"));
            List<String> mapped = List.of();
            String mapText = "";
            if (mode == ContextMode.WHOLE) {
                byPath.keySet().stream().sorted().forEach(path -> reasons.putIfAbsent(path, "whole repository"));
            } else {
                Set<String> defined = new HashSet<>();
                files.forEach(file -> file.facts().outline().symbols().forEach(symbol -> defined.add(simpleName(symbol.name()))));
                Map<String, Double> taskPaths = mentions.paths(request.taskText(), 1.0);
                RankingSignals signals = new RankingSignals(request.taskText(), taskPaths, mentions.identifiers(request.taskText(), defined),
                        new RecentChanges().weights(repository, scanned));
                clock.lap("signals");
                Ranking ranking = options.ranker().ranking(files, signals);
                List<String> ranked = ranking.order();
                clock.lap("rank");
                chooseRanked(ranking, byPath, taskPaths, signals, reasons);
                Set<String> whole = reasons.keySet();
                int frame = counter.count(MAP_HEADING + MAP_CLOSING);
                RepoMap.Rendered map = new RepoMap(counter).render(ranked, byPath, whole, Math.max(0, options.mapTokens() - frame));
                mapped = map.paths();
                mapText = map.text();
                clock.lap("map");
            }

            List<ConventionFiles.Document> conventions = new ConventionFiles().collect(tree, reasons.keySet(), options.readFiles());
            // An instruction file is already sent whole as an instruction; sending it again among the files only costs tokens.
            Set<String> instructions = conventions.stream().map(ConventionFiles.Document::path).collect(Collectors.toSet());
            reasons.keySet().removeIf(path -> instructions.contains(path) && !namedTexts.containsKey(path));
            StringBuilder conventionText = new StringBuilder();
            if (!conventions.isEmpty()) {
                conventionText.append("# Repository conventions\n\nFollow these instructions from the repository.\n\n");
                for (ConventionFiles.Document document : conventions) {
                    conventionText.append(fileBlock(document.path(), document.text()));
                }
                conventionText.append('\n');
            }
            section("conventions", "user", conventionText.toString());
            if (!mapText.isEmpty()) {
                section("repo-map", "user", MAP_HEADING + mapText + MAP_CLOSING);
            }
            fileSection("files", "# Files\n\n", reasons, byPath, namedTexts);

            if (mode == ContextMode.MAP && !request.feedbackText().isBlank()) {
                Map<String, String> failureFiles = new LinkedHashMap<>();
                mentions.paths(request.feedbackText(), 1.0).keySet().stream().sorted()
                        .filter(path -> !sentPaths.contains(path) && byPath.containsKey(path))
                        .forEach(path -> failureFiles.put(path, "named in the feedback"));
                fileSection("feedback-files", "# Files named in the feedback\n\n", failureFiles, byPath, namedTexts);
            }
            if (!request.feedbackText().isBlank()) {
                section("feedback", "user", "# Feedback from the last attempt\n\n<feedback>\n"
                        + ensureNewline(request.feedbackText()) + "</feedback>\n\n");
            }
            StringBuilder reminder = new StringBuilder();
            if (!request.taskText().isBlank()) {
                reminder.append("# Reminder\n\nThe task, restated:\n\n").append(ensureNewline(request.taskText()));
            }
            if (!request.closingText().isBlank()) {
                reminder.append(reminder.length() == 0 ? "" : "\n").append(ensureNewline(request.closingText()));
            }
            section("reminder", "user", reminder.toString());

            int total = sections.stream().mapToInt(ContextSection::tokens).sum();
            long messages = sections.stream().map(ContextSection::role).distinct().count();
            total += (int) messages * AssembledContext.TOKENS_PER_MESSAGE + AssembledContext.REPLY_PRIMING;
            if (total > options.promptLimit()) {
                throw new ContextException(String.format("the prompt would be %,d tokens, more than the model's window of"
                        + " %,d minus %,d kept for the answer; %sname fewer or smaller files", total, options.windowTokens(),
                        options.answerTokens(), mode == ContextMode.WHOLE ? "use --mode map, or " : ""));
            }
            excluded.sort(java.util.Comparator.comparing(Exclusion::path));
            clock.lap("sections");
            return new AssembledContext(mode, sections, sent, mapped, excluded, total, Map.of());
        }

        private void chooseRanked(Ranking ranking, Map<String, AnalyzedFile> byPath, Map<String, Double> taskPaths,
                                  RankingSignals signals, Map<String, String> reasons) {
            int budget = options.fileTokens();
            List<String> ranked = ranking.order();
            for (String path : taskPaths.keySet().stream().sorted().toList()) {
                AnalyzedFile file = byPath.get(path);
                if (file != null && !reasons.containsKey(path)) {
                    int tokens = blockTokens(file);
                    if (tokens <= budget) {
                        reasons.put(path, "named in the task");
                        budget -= tokens;
                    }
                }
            }
            for (String path : ranking.picked()) {
                AnalyzedFile file = byPath.get(path);
                if (file != null && !reasons.containsKey(path)) {
                    int tokens = blockTokens(file);
                    if (tokens <= budget) {
                        reasons.put(path, "picked by " + ranking.picker());
                        budget -= tokens;
                    }
                }
            }
            // Beyond paths the task names, send whole only files defining identifiers the task names, best ranked first;
            // the rest of the neighbourhood is in the map.
            Set<String> named = signals.mentionedIdentifiers().keySet();
            int taken = 0;
            for (String path : ranked) {
                if (taken >= MAX_RANKED_FILES || budget <= 0) {
                    break;
                }
                AnalyzedFile file = byPath.get(path);
                if (file == null || reasons.containsKey(path)
                        || file.facts().outline().symbols().stream().noneMatch(symbol -> named.contains(simpleName(symbol.name())))) {
                    continue;
                }
                int tokens = blockTokens(file);
                if (tokens <= budget) {
                    reasons.put(path, "defines a name in the task");
                    budget -= tokens;
                    taken++;
                }
            }
        }

        private int blockTokens(AnalyzedFile file) {
            return analyzer.tokens(file) + counter.count(openTag(file.path()) + closeTag());
        }

        private void fileSection(String name, String heading, Map<String, String> reasons, Map<String, AnalyzedFile> byPath,
                                 Map<String, String> namedTexts) {
            if (reasons.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder(heading);
            int tokens = counter.count(heading) + 1;
            for (String path : reasons.keySet().stream().sorted().toList()) {
                AnalyzedFile file = byPath.get(path);
                String content = namedTexts.containsKey(path) ? namedTexts.get(path) : analyzer.read(path);
                int fileTokens = file != null ? analyzer.tokens(file) : counter.count(content);
                int block = fileTokens + counter.count(openTag(path) + closeTag());
                text.append(openTag(path)).append(content).append(content.endsWith("\n") ? "" : "\n").append(closeTag());
                tokens += block;
                sent.add(new ContextFile(path, name, block, reasons.get(path)));
                sentPaths.add(path);
            }
            text.append('\n');
            // Summed per file (cached counts) instead of re-tokenizing megabytes; differs only at block joins.
            sections.add(new ContextSection(name, "user", text.toString(), tokens));
        }

        private void section(String name, String role, String text) {
            if (!text.isEmpty()) {
                sections.add(new ContextSection(name, role, text, counter.count(text)));
            }
        }
    }

    private static String fileBlock(String path, String content) {
        return openTag(path) + content + (content.endsWith("\n") ? "" : "\n") + closeTag();
    }

    private static String openTag(String path) {
        return "<file path=\"" + path + "\">\n";
    }

    private static String closeTag() {
        return "</file>\n";
    }

    private static String ensureNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static String simpleName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
