package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    @TempDir
    Path home;

    @BeforeEach
    void repository() throws Exception {
        org.eclipse.jgit.util.FS.FileStoreAttributes.setBackground(true);
        write("src/Invoice.java", "class Invoice {\n    long totalCents() { return 0; }\n}\n");
        write("src/Orders.java", "class Orders {\n    Invoice invoice() { return new Invoice(); }\n}\n");
        write("src/Shipping.java", "class Shipping {\n    int weight() { return 1; }\n}\n");
        write("docs/style.md", "Use long cents, never double.\n");
        write(".env", "API_KEY=sk-not-for-the-model\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor("T", "t@example.com").setCommitter("T", "t@example.com")
                    .setSign(false).call();
        }
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** No key and a temp HOME: nothing from the machine running the test leaks in. */
    private CliRun ratchet(String... args) {
        List<String> all = new ArrayList<>(List.of("context"));
        all.addAll(List.of(args));
        all.addAll(List.of("--repo", repo.toString()));
        return CliRun.run("", Map.of("HOME", home.toString()), all.toArray(String[]::new));
    }

    @Test
    void jsonListsSectionsFilesTokensAndTheCostOnEachGpt41Model() throws Exception {
        CliRun run = ratchet("fix the rounding in Invoice.java", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("mode").asText()).isEqualTo("whole");
        List<String> sections = new ArrayList<>();
        report.path("sections").forEach(section -> sections.add(section.path("name").asText()));
        assertThat(sections).containsExactly("task", "files", "reminder");
        int sum = 0;
        for (JsonNode section : report.path("sections")) {
            assertThat(section.path("tokens").asInt()).isPositive();
            assertThat(section.has("text")).as("text only with --print").isFalse();
            sum += section.path("tokens").asInt();
        }
        assertThat(report.path("totalTokens").asInt()).isGreaterThan(sum);
        List<String> files = new ArrayList<>();
        report.path("files").forEach(file -> files.add(file.path("path").asText()));
        assertThat(files).containsExactly("docs/style.md", "src/Invoice.java", "src/Orders.java", "src/Shipping.java");
        assertThat(report.path("files").get(1).path("tokens").asInt()).isPositive();
        assertThat(report.path("excluded").get(0).path("path").asText()).isEqualTo(".env");
        List<String> models = new ArrayList<>();
        report.path("costs").forEach(cost -> {
            models.add(cost.path("model").asText());
            assertThat(cost.path("firstRequest").decimalValue()).isPositive();
            assertThat(cost.path("fits").asBoolean()).isTrue();
        });
        assertThat(models).contains("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano");
        assertThat(report.has("ranking")).as("no model is called by default").isFalse();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void honoursReadAndContextModeFromRatchetYml() throws Exception {
        write(".ratchet.yml", "context_mode: map\nread: [docs/style.md]\n");

        CliRun run = ratchet("fix the rounding in Invoice.java", "--json", "--print");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("mode").asText()).isEqualTo("map");
        assertThat(report.path("sections").get(1).path("name").asText()).isEqualTo("conventions");
        assertThat(report.path("sections").get(1).path("text").asText()).contains("<file path=\"docs/style.md\">\nUse long cents");

        CliRun overridden = ratchet("fix the rounding in Invoice.java", "--json", "--mode", "whole");
        assertThat(JSON.readTree(overridden.out()).path("mode").asText()).isEqualTo("whole");
    }

    @Test
    void rankModelPicksFilesInOneBookedRequestAnsweredFromACassette() throws Exception {
        Path cassette = home.resolve("rank.jsonl");
        Files.writeString(cassette, "{\"expect\":{\"model\":\"gpt-4.1-nano\",\"messages\":2},\"reply\":{\"content\":"
                + "\"{\\\"paths\\\": [\\\"src/Orders.java\\\", \\\"src/Nowhere.java\\\"]}\","
                + "\"usage\":{\"prompt_tokens\":400,\"completion_tokens\":12}}}\n");

        CliRun run = ratchet("round the invoice totals", "--mode", "map", "--rank-model", "--replay", cassette.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode ranking = JSON.readTree(run.out()).path("ranking");
        assertThat(ranking.path("model").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(ranking.path("picked")).extracting(JsonNode::asText).containsExactly("src/Orders.java");
        assertThat(ranking.path("requests").asInt()).isEqualTo(1);
        assertThat(ranking.path("promptTokens").asInt()).isEqualTo(400);
        // 400 input tokens at $0.10/M and 12 output tokens at $0.40/M
        assertThat(ranking.path("cost").decimalValue()).isEqualByComparingTo("0.0000448");
        assertThat(run.err()).contains("answered from the cassette");
        assertThat(JSON.readTree(run.out()).path("files")).extracting(file -> file.path("path").asText() + " " + file.path("reason").asText())
                .contains("src/Orders.java picked by gpt-4.1-nano");

        CliRun text = ratchet("round the invoice totals", "--mode", "map", "--rank-model", "gpt-4.1-nano", "--replay",
                cassette.toString());
        assertThat(text.out()).contains("files ranked by gpt-4.1-nano: picked src/Orders.java; 1 request, 400 tokens in");
    }

    @Test
    void aRankModelFromTheConfigWithoutAKeyWarnsAndFallsBackToTheGraph() throws Exception {
        write(".ratchet.yml", "rank_model: gpt-4.1-nano\ncontext_mode: map\n");

        CliRun run = ratchet("round the invoice totals");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("ratchet: cannot rank files with gpt-4.1-nano: no API key")
                .contains("; using the reference-graph ranking");
        assertThat(run.out()).contains("files ranked by gpt-4.1-nano: not reachable, graph ranking used");

        CliRun off = ratchet("round the invoice totals", "--rank-model", "none");
        assertThat(off.err()).isEmpty();
        assertThat(off.out()).doesNotContain("files ranked by");
    }
}
