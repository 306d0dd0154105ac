package dev.ratchet.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ratchet.model.TokenCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextAssemblerTest {
    private static final TokenCounter COUNTER = new TokenCounter();
    private static final ContextRequest TASK = new ContextRequest("You edit code.", "make Parser.java accept trailing commas", "", "");

    @TempDir
    Path dir;

    private AssembledContext assemble(ContextRequest request, ContextOptions options) throws Exception {
        return new ContextAssembler(COUNTER).assemble(dir, request, options);
    }

    private static ContextOptions options(ContextMode mode) {
        return ContextOptions.defaults().withMode(mode);
    }

    private static List<String> paths(AssembledContext context) {
        return context.files().stream().map(ContextFile::path).toList();
    }

    private static ContextSection section(AssembledContext context, String name) {
        return context.sections().stream().filter(section -> section.name().equals(name)).findFirst().orElseThrow();
    }

    /** A small Java project: a parser with its neighbours, and unrelated classes that reference nothing of it. */
    private TestRepo project() throws Exception {
        TestRepo repo = TestRepo.init(dir);
        repo.write("src/app/Parser.java", "package app;\nclass Parser {\n    Token[] parse(Lexer lexer) { return lexer.tokens(); }\n}\n")
                .write("src/app/Lexer.java", "package app;\nclass Lexer {\n    Token[] tokens() { return new Token[0]; }\n}\n")
                .write("src/app/Token.java", "package app;\nrecord Token(String text, int offset) {\n}\n");
        for (int i = 0; i < 30; i++) {
            repo.write("src/other/Unrelated" + i + ".java", "package other;\nclass Unrelated" + i + " {\n    int value" + i
                    + "() { return " + i + "; }\n    String label" + i + "() { return \"label\"; }\n}\n");
        }
        return repo.commit("initial");
    }

    @Test
    void leavesOutSecretsBinariesAndIgnoredFilesButSendsThoseTheUserNames() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/App.java", "class App {}\n")
                    .write(".env", "API_KEY=sk-test-123\n")
                    .write("deploy/server.pem", "-----BEGIN PRIVATE KEY-----\n")
                    .write("assets/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'})
                    .write("docs/legacy.txt", "\uFEFFlegacy notes\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE))
                    .write(".gitignore", "*.log\n")
                    .write("src/.gitignore", "Generated.java\n")
                    .commit("initial");
            repo.write("debug.log", "ignored at the root\n")
                    .write("src/Generated.java", "class Generated {}\n")
                    .write(".git/info/exclude", "notes.txt\n")
                    .write("notes.txt", "ignored by info/exclude\n");
        }

        AssembledContext plain = assemble(TASK, options(ContextMode.WHOLE));

        assertThat(paths(plain)).containsExactly(".gitignore", "src/.gitignore", "src/App.java");
        assertThat(plain.excluded()).extracting(Exclusion::path, Exclusion::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(".env", "looks like a secret"),
                org.assertj.core.groups.Tuple.tuple("assets/logo.png", "binary"),
                org.assertj.core.groups.Tuple.tuple("deploy/server.pem", "looks like a secret"),
                org.assertj.core.groups.Tuple.tuple("docs/legacy.txt", "binary"));
        assertThat(plain.text()).doesNotContain("sk-test-123", "BEGIN PRIVATE KEY", "ignored", "class Generated");

        AssembledContext named = assemble(TASK, options(ContextMode.WHOLE)
                .withNamedFiles(List.of(".env", "assets/logo.png", "docs/legacy.txt")));

        assertThat(named.files()).filteredOn(file -> file.reason().startsWith("named")).extracting(ContextFile::path, ContextFile::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(".env", "named"),
                        org.assertj.core.groups.Tuple.tuple("assets/logo.png", "named (binary content)"),
                        org.assertj.core.groups.Tuple.tuple("docs/legacy.txt", "named"));
        assertThat(named.excluded()).extracting(Exclusion::path).containsExactly("deploy/server.pem");
        assertThat(named.text()).contains("<file path=\".env\">\nAPI_KEY=sk-test-123\n</file>\n")
                .contains("<file path=\"assets/logo.png\">\n\uFFFDPNG").contains("<file path=\"docs/legacy.txt\">\nlegacy notes\n</file>");
    }

    @Test
    void namedFilesAreAlwaysSentWholeEvenWhenTheFileBudgetIsTiny() throws Exception {
        try (TestRepo repo = project()) {
            repo.write("src/app/Big.java", "class Big {\n" + "    int field;\n".repeat(3000) + "}\n");
        }
        ContextOptions tiny = options(ContextMode.MAP).withBudgets(100, 1, 10).withNamedFiles(List.of("src/app/Big.java"));

        AssembledContext context = assemble(TASK, tiny);

        assertThat(context.files()).extracting(ContextFile::path, ContextFile::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/app/Big.java", "named"));
        assertThat(context.files().get(0).tokens()).isGreaterThan(3000);
        assertThat(assemble(TASK, tiny.withMode(ContextMode.AUTO)).files()).extracting(ContextFile::path)
                .containsExactly("src/app/Big.java");
    }

    @Test
    void mapAndChosenFilesStayWithinTheirBudgetsAndThePromptWithinTheWindow() throws Exception {
        project().close();
        for (int mapBudget : new int[] {60, 150, 400}) {
            for (int fileBudget : new int[] {0, 40, 200}) {
                AssembledContext context = assemble(TASK, options(ContextMode.MAP).withBudgets(mapBudget, fileBudget, 10));

                int map = context.sections().stream().filter(s -> s.name().equals("repo-map")).mapToInt(ContextSection::tokens).sum();
                assertThat(map).as("map budget %d", mapBudget).isLessThanOrEqualTo(mapBudget);
                assertThat(COUNTER.count(context.sections().stream().filter(s -> s.name().equals("repo-map"))
                        .map(ContextSection::text).findFirst().orElse(""))).isLessThanOrEqualTo(mapBudget);
                int chosen = context.files().stream().mapToInt(ContextFile::tokens).sum();
                assertThat(chosen).as("file budget %d", fileBudget).isLessThanOrEqualTo(fileBudget);
                assertThat(context.totalTokens()).isLessThanOrEqualTo(ContextOptions.defaults().promptLimit());
            }
        }
        AssembledContext mapped = assemble(TASK, options(ContextMode.MAP).withBudgets(400, 200, 10));
        assertThat(mapped.mappedFiles()).isNotEmpty();
        assertThat(mapped.files()).extracting(ContextFile::path).contains("src/app/Parser.java");
    }

    @Test
    void wholeModeIsRefusedWhenTheRepositoryDoesNotFitTheWindowMinusTheAnswer() throws Exception {
        project().close();
        AssembledContext whole = assemble(TASK, options(ContextMode.WHOLE));
        int total = whole.totalTokens();
        assertThat(whole.mode()).isEqualTo(ContextMode.WHOLE);
        assertThat(paths(whole)).hasSize(33);

        ContextOptions fits = options(ContextMode.WHOLE).withWindow(total + 1000, 1000);
        assertThat(assemble(TASK, fits).totalTokens()).isEqualTo(total).isLessThanOrEqualTo(fits.promptLimit());

        ContextOptions tooSmall = options(ContextMode.WHOLE).withWindow(total + 999, 1000);
        assertThatThrownBy(() -> assemble(TASK, tooSmall))
                .isInstanceOf(ContextException.class)
                .hasMessageContaining("more than the model's window of " + String.format("%,d", total + 999) + " minus 1,000 kept for the answer")
                .hasMessageContaining("--mode map");
    }

    @Test
    void autoSendsTheWholeRepositoryWhenItFitsTheConfiguredBudgetAndAMapOtherwise() throws Exception {
        project().close();
        int files = assemble(TASK, options(ContextMode.WHOLE)).files().stream().mapToInt(ContextFile::tokens).sum();

        AssembledContext roomy = assemble(TASK, options(ContextMode.AUTO).withBudgets(8_192, 32_768, files + 100));
        AssembledContext tight = assemble(TASK, options(ContextMode.AUTO).withBudgets(8_192, 32_768, files / 2));

        assertThat(roomy.mode()).isEqualTo(ContextMode.WHOLE);
        assertThat(roomy.mappedFiles()).isEmpty();
        assertThat(tight.mode()).isEqualTo(ContextMode.MAP);
        assertThat(tight.mappedFiles()).isNotEmpty();
        assertThat(tight.files().size()).isLessThan(roomy.files().size());
    }

    @Test
    void twoRunsGiveTheSameBytesAndNewFeedbackKeepsThePrefixBeforeIt() throws Exception {
        project().close();
        ContextOptions map = options(ContextMode.MAP).withBudgets(400, 200, 10);
        ContextRequest first = new ContextRequest("You edit code.", TASK.taskText(),
                "FAIL ParserTest.trailingComma\n  at app.Lexer.tokens(Lexer.java:3)\n", "Answer with a patch.");
        ContextRequest second = new ContextRequest("You edit code.", TASK.taskText(),
                "FAIL ParserTest.trailingComma expected 2 tokens but was 3\n  at app.Token.<init>(Token.java:2)\n", "Answer with a patch.");

        AssembledContext a = assemble(first, map);
        AssembledContext again = assemble(first, map);
        AssembledContext b = assemble(second, map);

        assertThat(again.text()).isEqualTo(a.text());
        String stable = a.text().substring(0, a.text().indexOf("# Files named in the feedback"));
        assertThat(stable).contains("# Task", "<repo_map>", "# Files\n");
        assertThat(b.text()).startsWith(stable);
        assertThat(a.files()).filteredOn(file -> file.section().equals("feedback-files")).extracting(ContextFile::path)
                .containsExactly("src/app/Lexer.java");
        assertThat(b.files()).filteredOn(file -> file.section().equals("feedback-files")).extracting(ContextFile::path)
                .containsExactly("src/app/Token.java");
        assertThat(a.sections().get(a.sections().size() - 1).text()).startsWith("# Reminder\n\nThe task, restated:\n\n"
                + TASK.taskText() + "\n").endsWith("Answer with a patch.\n");
    }

    @Test
    void aSecondRunReadsNoUnchangedFileAndAChangedFileIsAnalysedAgain() throws Exception {
        TestRepo repo = project();
        assemble(TASK, options(ContextMode.WHOLE));
        Path cacheDirectory = dir.resolve(".git/ratchet");
        RepositoryScanner.Scan scan = scan();

        FileAnalyzer warm = new FileAnalyzer(dir, FactsCache.open(cacheDirectory), COUNTER, new OutlineExtractor());
        warm.analyze(scan.files(), true, new ArrayList<>());
        assertThat(warm.reads()).isZero();

        repo.write("src/app/Lexer.java", "package app;\nclass Lexer {\n    Token[] tokens() { return null; }\n    void reset() {}\n}\n");
        repo.close();
        FileAnalyzer afterEdit = new FileAnalyzer(dir, FactsCache.open(cacheDirectory), COUNTER, new OutlineExtractor());
        List<AnalyzedFile> analysed = afterEdit.analyze(scan().files(), true, new ArrayList<>());
        assertThat(afterEdit.reads()).isEqualTo(1);
        assertThat(analysed).filteredOn(file -> file.path().equals("src/app/Lexer.java")).singleElement()
                .satisfies(file -> assertThat(file.facts().outline().symbols()).extracting(Symbol::name).contains("reset"));

        FileAnalyzer cold = new FileAnalyzer(dir, FactsCache.open(dir.resolve("elsewhere")), COUNTER, new OutlineExtractor());
        cold.analyze(scan().files(), true, new ArrayList<>());
        assertThat(cold.reads()).as("without the cache every file is read").isEqualTo(scan().files().size());
    }

    private RepositoryScanner.Scan scan() throws Exception {
        try (var repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setWorkTree(dir.toFile())
                .setGitDir(dir.resolve(".git").toFile()).build()) {
            return new RepositoryScanner(new ExclusionRules(512 * 1024)).scan(repository);
        }
    }

    @Test
    void conventionsAreTheNearestAgentsFilesUpTheTreeThenConventionsThenReadFiles() throws Exception {
        try (TestRepo repo = project()) {
            repo.write("AGENTS.md", "root agents\n")
                    .write("src/AGENTS.md", "src agents\n")
                    .write("src/app/AGENTS.md", "app agents\n")
                    .write("src/other/AGENTS.md", "other agents\n")
                    .write("CONVENTIONS.md", "conventions\n")
                    .write("docs/style.md", "style\n")
                    .commit("instructions");
        }
        ContextOptions options = options(ContextMode.MAP).withNamedFiles(List.of("src/app/Parser.java"))
                .withReadFiles(List.of("docs/style.md"));

        String conventions = section(assemble(TASK, options), "conventions").text();

        assertThat(conventions).startsWith("# Repository conventions\n").doesNotContain("other agents");
        assertThat(conventions.indexOf("<file path=\"AGENTS.md\">\nroot agents"))
                .isPositive()
                .isLessThan(conventions.indexOf("<file path=\"src/AGENTS.md\">\nsrc agents"));
        assertThat(conventions.indexOf("<file path=\"src/AGENTS.md\">"))
                .isLessThan(conventions.indexOf("<file path=\"src/app/AGENTS.md\">\napp agents"));
        assertThat(conventions.indexOf("<file path=\"src/app/AGENTS.md\">"))
                .isLessThan(conventions.indexOf("<file path=\"CONVENTIONS.md\">\nconventions"));
        assertThat(conventions.indexOf("<file path=\"CONVENTIONS.md\">"))
                .isLessThan(conventions.indexOf("<file path=\"docs/style.md\">\nstyle"));
    }

    @Test
    void theMapPrefersWhatTheTaskAndItsStackTracePointAtOverUnrelatedFiles() throws Exception {
        project().close();
        ContextRequest trace = new ContextRequest("", "Parsing fails:\njava.lang.IllegalStateException: bad token\n"
                + "\tat app.Lexer.tokens(Lexer.java:3)\n", "", "");

        AssembledContext context = assemble(trace, options(ContextMode.MAP).withBudgets(60, 200, 10));

        assertThat(context.files()).extracting(ContextFile::path, ContextFile::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("src/app/Lexer.java", "named in the task"));
        assertThat(context.mappedFiles()).isNotEmpty().allMatch(path -> path.startsWith("src/app/"));
    }

    @Test
    void instructionFilesAreSentOnceAsInstructionsNotAgainAmongTheFiles() throws Exception {
        try (TestRepo repo = project()) {
            repo.write("AGENTS.md", "root agents\n").write("CONVENTIONS.md", "conventions\n").write("docs/style.md", "style\n")
                    .commit("instructions");
        }

        AssembledContext whole = assemble(TASK, options(ContextMode.WHOLE).withReadFiles(List.of("docs/style.md")));

        for (String path : List.of("AGENTS.md", "CONVENTIONS.md", "docs/style.md")) {
            String tag = "<file path=\"" + path + "\">";
            assertThat(whole.text().indexOf(tag)).as(path).isPositive().isEqualTo(whole.text().lastIndexOf(tag));
        }
        assertThat(paths(whole)).doesNotContain("AGENTS.md", "CONVENTIONS.md", "docs/style.md").contains("src/app/Parser.java");
        assertThat(section(whole, "conventions").text()).contains("root agents", "conventions", "style");
    }

    @Test
    void namedFilesTooLargeForTheWindowAreRefusedWithWhatToChange() throws Exception {
        try (TestRepo repo = project()) {
            repo.write("src/app/Big.java", "class Big {\n" + "    int field;\n".repeat(3000) + "}\n");
        }
        ContextOptions small = options(ContextMode.MAP).withWindow(5_000, 1_000).withNamedFiles(List.of("src/app/Big.java"));

        assertThatThrownBy(() -> assemble(TASK, small))
                .isInstanceOf(ContextException.class)
                .hasMessageContaining("more than the model's window of 5,000 minus 1,000 kept for the answer; name fewer or smaller files");
    }

    @Test
    void aRepositoryWithoutCommitsAndFromASubdirectoryStillAssembles() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("pkg/mod.py", "def area(r):\n    return 3.14 * r * r\n").write("pkg/test_mod.py", "from pkg.mod import area\n");
        }

        AssembledContext context = new ContextAssembler(COUNTER).assemble(dir.resolve("pkg"),
                new ContextRequest("", "fix `area` in mod.py", "", ""), options(ContextMode.MAP).withNamedFiles(List.of("pkg/test_mod.py")));

        assertThat(context.files()).extracting(ContextFile::path, ContextFile::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pkg/mod.py", "named in the task"),
                org.assertj.core.groups.Tuple.tuple("pkg/test_mod.py", "named"));
    }

    @Test
    void filesARankModelPicksAreSentWholeWithinTheFileBudget() throws Exception {
        project().close();
        List<String> asked = new ArrayList<>();
        ModelFileRanker ranker = new ModelFileRanker((request, events, cancellation) -> {
            asked.add(request.model());
            return new dev.ratchet.model.ChatResponse("{\"paths\": [\"src/other/Unrelated7.java\", \"src/app/Token.java\"]}",
                    List.of(), "stop", null, request.model(), null);
        }, "gpt-4.1-nano", COUNTER, 1_000, new ReferenceGraphRanker(), message -> { });
        ContextRequest vague = new ContextRequest("", "the label of the seventh thing is wrong", "", "");

        AssembledContext roomy = assemble(vague, options(ContextMode.MAP).withBudgets(400, 2_000, 10).withRanker(ranker));
        assertThat(roomy.files()).extracting(ContextFile::path, ContextFile::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("src/app/Token.java", "picked by gpt-4.1-nano"),
                org.assertj.core.groups.Tuple.tuple("src/other/Unrelated7.java", "picked by gpt-4.1-nano"));

        int firstPick = roomy.files().stream().filter(file -> file.path().endsWith("Unrelated7.java")).findFirst().orElseThrow().tokens();
        AssembledContext tight = assemble(vague, options(ContextMode.MAP).withBudgets(400, firstPick, 10).withRanker(ranker));
        assertThat(tight.files()).extracting(ContextFile::path).containsExactly("src/other/Unrelated7.java");
        assertThat(asked).as("one request for the task, however often it is assembled").containsExactly("gpt-4.1-nano");
    }
}
