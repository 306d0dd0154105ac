package dev.ratchet.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.model.ChatModelFactory;
import dev.ratchet.model.ChatRequest;
import dev.ratchet.model.ChatResponse;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ModelSettings;
import dev.ratchet.model.Provider;
import dev.ratchet.model.TokenCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileRankerTest {
    private static final TokenCounter COUNTER = new TokenCounter();

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static AnalyzedFile file(String path, String definition, String... references) {
        List<Symbol> symbols = definition == null ? List.of() : List.of(new Symbol("class", definition, "class " + definition, 1, 0));
        return new AnalyzedFile(new RepoFile(path, Integer.toHexString(path.hashCode()), 100, false),
                new FileFacts(false, 20, new Outline(symbols, List.of(references))));
    }

    private static final List<AnalyzedFile> FILES = List.of(
            file("README.md", null),
            file("src/Billing.java", "Billing", "Invoice"),
            file("src/Invoice.java", "Invoice"),
            file("src/Orders.java", "Orders", "Invoice"),
            file("src/Shipping.java", "Shipping"));
    private static final RankingSignals SIGNALS = new RankingSignals("round invoice totals to cents",
            Map.of(), Map.of("Invoice", 1.0), Map.of());

    /** The replayed model stack, exactly as ratchet builds it for --replay. */
    private MeteredChatModel replaying(String... cassetteLines) throws IOException {
        Path cassette = dir.resolve("rank.jsonl");
        Files.writeString(cassette, String.join("\n", cassetteLines) + "\n");
        ModelSettings settings = new ModelSettings("gpt-4.1-nano", Provider.OPENAI, null, null, "OPENAI_API_KEY", null, null,
                0, ModelSettings.DEFAULT_TIMEOUT, null, null, null, null, null, cassette);
        return ChatModelFactory.create(settings, COUNTER);
    }

    private ModelFileRanker ranker(dev.ratchet.model.ChatModel model) {
        return new ModelFileRanker(model, "gpt-4.1-nano", COUNTER, ModelFileRanker.DEFAULT_MAP_TOKENS,
                new ReferenceGraphRanker(), warnings::add);
    }

    private static String answer(String content) {
        return "{\"expect\":{\"model\":\"gpt-4.1-nano\",\"messages\":2},\"reply\":{\"content\":"
                + new com.fasterxml.jackson.databind.node.TextNode(content) + ",\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":20}}}";
    }

    @Test
    void theModelsPicksComeFirstInItsOrderThenTheGraphRankingAndTheCallIsBooked() throws IOException {
        MeteredChatModel model = replaying(answer("{\"paths\": [\"src/Orders.java\", \"src/Gone.java\", \"./src/Billing.java\"]}"));
        List<String> graph = new ReferenceGraphRanker().rank(FILES, SIGNALS);

        List<String> ranked = ranker(model).rank(FILES, SIGNALS);

        assertThat(ranked).startsWith("src/Orders.java", "src/Billing.java").hasSize(FILES.size())
                .containsExactlyInAnyOrderElementsOf(graph);
        List<String> rest = new ArrayList<>(graph);
        rest.removeAll(List.of("src/Orders.java", "src/Billing.java"));
        assertThat(ranked.subList(2, ranked.size())).containsExactlyElementsOf(rest);
        assertThat(warnings).isEmpty();
        assertThat(model.ledger().spend().requests()).isEqualTo(1);
        // 900 input tokens at $0.10/M and 20 output tokens at $0.40/M
        assertThat(model.ledger().spend().knownCost()).isEqualByComparingTo("0.000098");
    }

    @Test
    void sendsTheTaskAndTheMapWithTheInstructionsBeforeAndAfterIt() {
        List<ChatRequest> sent = new ArrayList<>();
        ModelFileRanker ranker = ranker((request, events, cancellation) -> {
            sent.add(request);
            return new ChatResponse("[\"src/Invoice.java\"]", List.of(), "stop", null, request.model(), null);
        });

        assertThat(ranker.rank(FILES, SIGNALS)).first().isEqualTo("src/Invoice.java");

        assertThat(sent).hasSize(1);
        ChatRequest request = sent.get(0);
        assertThat(request.model()).isEqualTo("gpt-4.1-nano");
        assertThat(request.temperature()).isZero();
        String user = ((dev.ratchet.model.ChatMessage.User) request.messages().get(1)).text();
        assertThat(user).startsWith("# Task\n\nround invoice totals to cents\n")
                .contains("<repo_map>\n").contains("src/Invoice.java:\n  class Invoice\n").contains("README.md\n")
                .endsWith("paths from the map that the task above needs, most relevant first, and nothing else.\n");
        assertThat(ranker.lastPicks()).containsExactly("src/Invoice.java");
        assertThat(ranker.ranking(FILES, SIGNALS)).extracting(Ranking::picked, Ranking::picker)
                .containsExactly(List.of("src/Invoice.java"), "gpt-4.1-nano");
    }

    @Test
    void theMapSentToTheModelIsCutToItsBudgetInGraphOrder() {
        List<String> users = new ArrayList<>();
        ModelFileRanker ranker = new ModelFileRanker((request, events, cancellation) -> {
            users.add(((dev.ratchet.model.ChatMessage.User) request.messages().get(1)).text());
            return new ChatResponse("{\"paths\": []}", List.of(), "stop", null, request.model(), null);
        }, "gpt-4.1-nano", COUNTER, 12, new ReferenceGraphRanker(), warnings::add);
        List<String> graph = new ReferenceGraphRanker().rank(FILES, SIGNALS);

        assertThat(ranker.rank(FILES, SIGNALS)).containsExactlyElementsOf(graph);

        String map = users.get(0).substring(users.get(0).indexOf("<repo_map>\n") + 11, users.get(0).indexOf("</repo_map>"));
        assertThat(COUNTER.count(map)).isLessThanOrEqualTo(12);
        assertThat(map).startsWith(graph.get(0)).doesNotContain(graph.get(graph.size() - 1));
        assertThat(warnings).as("an empty list is an answer, not a failure").isEmpty();
    }

    @Test
    void aServerErrorFallsBackToTheGraphRankingWithOneWarning() throws IOException {
        MeteredChatModel model = replaying("{\"reply\":{\"status\":500,\"headers\":{\"content-type\":\"application/json\"},"
                + "\"body\":\"{\\\"error\\\":{\\\"message\\\":\\\"The server had an error\\\",\\\"type\\\":\\\"server_error\\\"}}\"}}");

        List<String> ranked = ranker(model).rank(FILES, SIGNALS);

        assertThat(ranked).containsExactlyElementsOf(new ReferenceGraphRanker().rank(FILES, SIGNALS));
        assertThat(warnings).singleElement().asString()
                .startsWith("ranking files with gpt-4.1-nano failed (").endsWith("); using the reference-graph ranking");
    }

    @Test
    void aGarbageAnswerFallsBackWithOneWarning() throws IOException {
        MeteredChatModel model = replaying(answer("I would start with the invoice class, it looks central."));

        ModelFileRanker ranker = ranker(model);
        List<String> ranked = ranker.rank(FILES, SIGNALS);

        assertThat(ranked).containsExactlyElementsOf(new ReferenceGraphRanker().rank(FILES, SIGNALS));
        assertThat(warnings).containsExactly("gpt-4.1-nano did not answer with a JSON list of paths ('I would start with the"
                + " invoice class, it looks central.'); using the reference-graph ranking");
        assertThat(ranker.lastPicks()).isEmpty();
        assertThat(ranker.ranking(FILES, SIGNALS).picked()).isEmpty();
        assertThat(model.ledger().spend().requests()).as("a useless answer is still paid for").isEqualTo(1);
    }

    @Test
    void pathsThatDoNotExistAreDroppedAndNoneLeftFallsBackWithOneWarning() throws IOException {
        MeteredChatModel model = replaying(answer("```json\n{\"paths\": [\"src/main/Invoice.java\", \"lib/Tax.java\"]}\n```"));

        List<String> ranked = ranker(model).rank(FILES, SIGNALS);

        assertThat(ranked).containsExactlyElementsOf(new ReferenceGraphRanker().rank(FILES, SIGNALS));
        assertThat(warnings).containsExactly("gpt-4.1-nano named 2 path(s), none of them a file of the repository;"
                + " using the reference-graph ranking");
    }

    @Test
    void theSameTaskAsksOnlyOnceEvenAfterFilesChange() throws IOException {
        MeteredChatModel model = replaying(answer("[\"src/Shipping.java\"]"));
        ModelFileRanker ranker = ranker(model);

        List<String> first = ranker.rank(FILES, SIGNALS);
        List<String> second = ranker.rank(FILES, SIGNALS);

        assertThat(second).isEqualTo(first).first().isEqualTo("src/Shipping.java");
        List<AnalyzedFile> edited = new ArrayList<>(FILES);
        edited.removeIf(file -> file.path().equals("src/Shipping.java"));
        edited.add(file("src/Rounding.java", "Rounding", "Invoice"));
        assertThat(ranker.rank(edited, SIGNALS)).as("an iteration that added and deleted files")
                .containsExactlyElementsOf(new ReferenceGraphRanker().rank(edited, SIGNALS));
        assertThat(warnings).as("a second call would have found the cassette empty").isEmpty();
        assertThat(model.ledger().spend().requests()).isEqualTo(1);
    }

    @Test
    void readsPathListsWrappedInProseFencesOrObjects() {
        assertThat(PathListReply.parse("{\"paths\":[\"a.py\",\"b/c.py\"]}")).contains(List.of("a.py", "b/c.py"));
        assertThat(PathListReply.parse("```json\n[\"a.py\"]\n```")).contains(List.of("a.py"));
        assertThat(PathListReply.parse("Here you go: {\"files\": [{\"path\": \"a.py\"}]} Good luck!")).contains(List.of("a.py"));
        assertThat(PathListReply.parse("{\"relevant\": [\"a.py\"]}")).contains(List.of("a.py"));
        assertThat(PathListReply.parse("a.py, b.py")).isEmpty();
        assertThat(PathListReply.parse("[1, 2]")).isEmpty();
        assertThat(PathListReply.parse("{\"answer\": \"a.py\"}")).isEmpty();
        assertThat(PathListReply.parse("")).isEmpty();
    }
}
