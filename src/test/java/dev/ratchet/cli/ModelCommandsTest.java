package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {
    private static final String KEY = "sk-doctor-secret";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    @TempDir
    Path repo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        env.put("HOME", home.toString());
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), env, false);
        String[] withRepo = new String[args.length + 2];
        System.arraycopy(args, 0, withRepo, 0, args.length);
        withRepo[args.length] = "--repo";
        withRepo[args.length + 1] = repo.toString();
        return Main.run(io, withRepo);
    }

    private void liveServer() {
        env.put("OPENAI_BASE_URL", server.url("/v1").toString());
        env.put("OPENAI_API_KEY", KEY);
    }

    @Test
    void doctorProvesTheEndpointWorksWithOneTinyRequest() throws Exception {
        liveServer();
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req_doc")
                .body("data: {\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"OK\"},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":1}}\n\ndata: [DONE]\n\n").build());

        int code = run("doctor");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains("endpoint  " + server.url("/v1").toString().replaceAll("/$", "") + " (compatible)")
                .contains("api key   set, from OPENAI_API_KEY")
                .contains("setting   base_url from environment variable OPENAI_BASE_URL")
                .contains("request   OK in ")
                .contains("gpt-4.1-2025-04-14 answered \"OK\" (request id req_doc)")
                .contains("1 request, 14 tokens in (0 cached), 1 out, <$0.0001")
                .doesNotContain(KEY);
        JsonNode body = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void doctorExplainsARejectedKeyWithTheModelExitCode() {
        liveServer();
        server.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req_401")
                .body("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());

        assertThat(run("doctor")).isEqualTo(ExitCode.MODEL);
        assertThat(err.toString()).contains("ratchet: the key in OPENAI_API_KEY was rejected by").contains("req_401")
                .doesNotContain(KEY);
        assertThat(out.toString()).contains("request   FAILED (auth)").contains("advice    check that OPENAI_API_KEY holds")
                .doesNotContain(KEY);
    }

    @Test
    void doctorListsTheModelsTheServerOffersWhenTheModelIsNotServed() throws Exception {
        liveServer();
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"model \\\"gpt-4.1\\\" not found, try pulling it first\",\"type\":\"not_found_error\"}}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5-coder:32b\",\"object\":\"model\"},{\"id\":\"llama3.1:8b\"}]}").build());

        assertThat(run("doctor")).isEqualTo(ExitCode.MODEL);

        assertThat(err.toString()).contains("model gpt-4.1 is not served at");
        assertThat(out.toString()).contains("request   FAILED (model not found)")
                .contains("served    llama3.1:8b, qwen2.5-coder:32b");
        server.takeRequest();
        mockwebserver3.RecordedRequest list = server.takeRequest();
        assertThat(list.getMethod()).isEqualTo("GET");
        assertThat(list.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void doctorExplainsAServerThatIsNotThere() throws Exception {
        java.net.ServerSocket socket = new java.net.ServerSocket(0);
        int port = socket.getLocalPort();
        socket.close();

        assertThat(run("doctor", "--base-url", "http://127.0.0.1:" + port + "/v1", "--retries", "0")).isEqualTo(ExitCode.MODEL);
        assertThat(err.toString()).contains("could not connect to http://127.0.0.1:" + port + "/v1");
        assertThat(out.toString()).contains("request   FAILED (connection)").contains("advice    check the URL");
    }

    @Test
    void doctorWithoutAKeyForOpenAiIsAUsageError() {
        assertThat(run("doctor")).isEqualTo(ExitCode.USAGE);
        assertThat(out.toString()).contains("api key   OPENAI_API_KEY is not set");
        assertThat(err.toString()).contains("no API key: set OPENAI_API_KEY");
    }

    @Test
    void aTypoInTheRepoConfigIsAUsageErrorNamingTheLine() throws Exception {
        Files.writeString(repo.resolve(".ratchet.yml"), "model: gpt-4.1\nmodle: gpt-4.1-mini\n");

        assertThat(run("doctor")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(".ratchet.yml line 2: unknown key 'modle' (did you mean 'model'?)");
    }

    @Test
    void doctorRefusesWhenTheBudgetCannotCoverThePing() {
        liveServer();

        assertThat(run("doctor", "--max-cost", "0")).isEqualTo(ExitCode.BUDGET);
        assertThat(err.toString()).contains("raise --max-cost");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void doctorRunsOfflineFromACassette() throws Exception {
        Path cassette = repo.resolve("demo.jsonl");
        Files.writeString(cassette, "{\"expect\":{\"model\":\"gpt-4.1\",\"messages\":1},\"reply\":{\"content\":\"OK\"}}\n");

        assertThat(run("doctor", "--replay", cassette.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("replay    " + cassette).contains("answered \"OK\"");
    }

    @Test
    void modelsListsTheCatalogAsJson() throws Exception {
        assertThat(run("models", "--json")).isEqualTo(ExitCode.OK);

        JsonNode models = new ObjectMapper().readTree(out.toString());
        JsonNode gpt41 = models.get(0);
        assertThat(gpt41.path("name").asText()).isEqualTo("gpt-4.1");
        assertThat(gpt41.path("context_window").asInt()).isEqualTo(1_047_576);
        assertThat(gpt41.path("max_output").asInt()).isEqualTo(32_768);
        assertThat(gpt41.path("price_per_million_tokens").path("cached_input").decimalValue()).isEqualByComparingTo("0.50");
    }

    @Test
    void modelsTableShowsConfiguredLocalModelsToo() throws Exception {
        Files.writeString(repo.resolve(".ratchet.yml"), "model: llama3.1:8b\nbase_url: http://localhost:11434/v1\ncontext_window: 8192\n");

        assertThat(run("models")).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).contains("gpt-4.1-nano").contains("$0.025").contains("1,047,576");
        assertThat(out.toString()).containsPattern("llama3\\.1:8b\\s+8,192\\s+unknown\\s+unknown");
    }
}
