package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class EndpointTest {
    private static final String OK = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();

    private ModelSettings settings(Provider provider, String key, String variable, String deployment) {
        return new ModelSettings("gpt-4.1", provider, server.url("/").toString(), key, variable, deployment, null, 2,
                Duration.ofSeconds(5), null, null, null, null, null, null);
    }

    private ChatResponse send(ModelSettings settings, ChatRequest request) {
        return new OpenAiChatModel(settings, new OkHttpTransport(settings.timeout()),
                new RetryPolicy(settings.retries(), (d, c) -> sleeps.add(d), () -> 1.0)).send(request);
    }

    private static ChatRequest hello() {
        return ChatRequest.of("gpt-4.1", List.of(new ChatMessage.User("hi"))).withStream(false).withMaxCompletionTokens(50);
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK).build();
    }

    @Test
    void azureUsesTheDeploymentUrlApiVersionAndApiKeyHeader() throws Exception {
        server.enqueue(ok());

        send(settings(Provider.AZURE, "az-secret", "AZURE_OPENAI_API_KEY", "prod-41"), hello());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/openai/deployments/prod-41/chat/completions?api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo("az-secret");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void azureV1UrlsTakeTheModelAsDeploymentAndTheApiKeyHeader() throws Exception {
        server.enqueue(ok());
        ModelSettings v1 = new ModelSettings("prod-41", Provider.AZURE, server.url("/openai/v1/").toString(), "az", "AZURE_OPENAI_API_KEY",
                null, null, 0, Duration.ofSeconds(5), null, null, null, null, null, null);

        send(v1, hello().withModel("prod-41"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/openai/v1/chat/completions");
        assertThat(request.getHeaders().get("api-key")).isEqualTo("az");
    }

    @Test
    void azureMissingDeploymentIsExplained() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}}").build());

        assertThatThrownBy(() -> send(settings(Provider.AZURE, "k", "AZURE_OPENAI_API_KEY", "nope"), hello()))
                .hasMessageContaining("deployment nope was not found at");
    }

    @Test
    void compatibleServersGetNoAuthHeaderWithoutAKeyAndTheOldMaxTokensField() throws Exception {
        server.enqueue(ok());

        send(settings(Provider.COMPATIBLE, null, "OPENAI_API_KEY", null), hello());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void vllmStyleTopLevelErrorsAndStreamRequestsAnsweredWithJsonAreUnderstood() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"object\":\"error\",\"message\":\"\\\"auto\\\" tool choice requires --enable-auto-tool-choice\",\"code\":400}").build());
        assertThatThrownBy(() -> send(settings(Provider.COMPATIBLE, null, "OPENAI_API_KEY", null), hello()))
                .hasMessageContaining("rejected the request (HTTP 400: \"auto\" tool choice requires --enable-auto-tool-choice)");

        server.enqueue(ok());
        assertThat(send(settings(Provider.COMPATIBLE, null, "OPENAI_API_KEY", null), hello().withStream(true)).text()).isEqualTo("hi");
    }

    @Test
    void aStreamWithoutTheEventStreamContentTypeIsStillReadAsEvents() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("\n: ping\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"yes\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                .build());

        assertThat(send(settings(Provider.COMPATIBLE, null, "OPENAI_API_KEY", null), hello().withStream(true)).text()).isEqualTo("yes");
    }

    @Test
    void aPastedFullEndpointUrlIsCutBackToItsBase() throws Exception {
        server.enqueue(ok());
        ModelSettings pasted = new ModelSettings("gpt-4.1", Provider.COMPATIBLE, server.url("/v1/chat/completions/").toString(), null,
                "OPENAI_API_KEY", null, null, 0, Duration.ofSeconds(5), null, null, null, null, null, null);

        send(pasted, hello());

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void a404FromABaseUrlWithoutV1SaysWhatUsuallyHelps() {
        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());

        assertThatThrownBy(() -> send(settings(Provider.COMPATIBLE, null, "OPENAI_API_KEY", null), hello()))
                .hasMessageContaining("usually want a base URL ending in /v1")
                .hasMessageContaining("404: 404 page not found");
    }

    @Test
    void anUnusableBaseUrlIsASetupError() {
        ModelSettings broken = new ModelSettings("gpt-4.1", Provider.COMPATIBLE, "http://exa mple/v1", null, "OPENAI_API_KEY",
                null, null, 0, Duration.ofSeconds(5), null, null, null, null, null, null);

        assertThatThrownBy(() -> send(broken, hello())).isInstanceOf(ModelSetupException.class).hasMessageContaining("check --base-url");
    }

    @Test
    void conflictsAndTimeoutsAreRetriedAndXShouldRetryIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(409).body("lock timeout").build());
        server.enqueue(new MockResponse.Builder().code(503).addHeader("x-should-retry", "false").body("overloaded").build());

        assertThatThrownBy(() -> send(settings(Provider.OPENAI, "k", "OPENAI_API_KEY", null), hello()))
                .hasMessageContaining("HTTP 503").hasMessageContaining("gave up after 2 attempts");
        assertThat(sleeps).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void aRetryAfterLongerThanTwoMinutesIsReportedNotWaited() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "3600").body("{\"error\":{\"message\":\"slow down\"}}").build());

        assertThatThrownBy(() -> send(settings(Provider.OPENAI, "k", "OPENAI_API_KEY", null), hello()))
                .hasMessageContaining("asks to wait 3600 s");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void refusedConnectionsAreRetriedThenExplained() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ModelSettings nowhere = new ModelSettings("gpt-4.1", Provider.COMPATIBLE, "http://127.0.0.1:" + port + "/v1", null,
                "OPENAI_API_KEY", null, null, 1, Duration.ofSeconds(2), null, null, null, null, null, null);

        assertThatThrownBy(() -> send(nowhere, hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONNECTION))
                .hasMessageContaining("could not connect to http://127.0.0.1:" + port + "/v1")
                .hasMessageContaining("check --base-url");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void toolConversationsAreSentInTheChatCompletionsShape() throws Exception {
        server.enqueue(ok());
        ObjectMapper json = new ObjectMapper();
        ToolSpec readFile = new ToolSpec("read_file", "Reads a file", json.readTree("{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}"));
        ToolCall call = new ToolCall("call_1", "read_file", "{\"path\":\"A.java\"}");
        ChatRequest request = ChatRequest.of("gpt-4.1", List.of(new ChatMessage.SystemPrompt("sys"), new ChatMessage.User("fix"),
                new ChatMessage.Assistant("", List.of(call)), new ChatMessage.ToolResult("call_1", "class A {}")))
                .withTools(List.of(readFile));

        send(settings(Provider.OPENAI, "k", "OPENAI_API_KEY", null), request);

        JsonNode body = json.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("tools").get(0).toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"read_file\","
                + "\"description\":\"Reads a file\",\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}}");
        assertThat(body.path("messages").get(2).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                + "\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"A.java\\\"}\"}}]}");
        assertThat(body.path("messages").get(3).toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"class A {}\"}");
    }

    @Test
    void toolChoiceParallelCallsAndStrictAreSentOnlyWhenSet() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ToolSpec patch = new ToolSpec("apply_patch", "Applies a V4A patch", json.readTree("{\"type\":\"object\"}"), true);
        server.enqueue(ok());
        server.enqueue(ok());

        send(settings(Provider.OPENAI, "k", "OPENAI_API_KEY", null),
                hello().withTools(List.of(patch)).withToolChoice("apply_patch").withParallelToolCalls(false));
        send(settings(Provider.OPENAI, "k", "OPENAI_API_KEY", null), hello().withTools(List.of(patch)).withToolChoice("required"));

        JsonNode forced = json.readTree(server.takeRequest().getBody().utf8());
        assertThat(forced.path("tool_choice").toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"apply_patch\"}}");
        assertThat(forced.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(forced.path("tools").get(0).path("function").path("strict").asBoolean()).isTrue();
        JsonNode required = json.readTree(server.takeRequest().getBody().utf8());
        assertThat(required.path("tool_choice").asText()).isEqualTo("required");
        assertThat(required.has("parallel_tool_calls")).isFalse();
        assertThatThrownBy(() -> hello().withToolChoice("read_file")).hasMessageContaining("nor the name of an offered tool");
    }

    @Test
    void servedModelsIsBestEffort() {
        ServedModels served = new ServedModels(new okhttp3.OkHttpClient());
        ModelSettings local = settings(Provider.COMPATIBLE, null, "OPENAI_API_KEY", null);
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[{\"id\":\"b\"},{\"id\":\"a\"},{}]}").build());
        server.enqueue(new MockResponse.Builder().code(500).body("no").build());
        server.enqueue(new MockResponse.Builder().code(200).body("<html>").build());

        assertThat(served.list(local)).contains(List.of("a", "b"));
        assertThat(served.list(local)).isEmpty();
        assertThat(served.list(local)).isEmpty();
        assertThat(served.list(settings(Provider.AZURE, "k", "AZURE_OPENAI_API_KEY", "d"))).isEmpty();
    }

    @Test
    void cancellingDuringBackOffStopsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
        Cancellation cancellation = new Cancellation();
        ModelSettings settings = settings(Provider.OPENAI, "k", "OPENAI_API_KEY", null);
        OpenAiChatModel model = new OpenAiChatModel(settings, new OkHttpTransport(settings.timeout()),
                new RetryPolicy(2, Sleeper.REAL, () -> 0.0));

        long start = System.nanoTime();
        assertThatThrownBy(() -> model.send(hello(), event -> {
            if (event instanceof ChatEvent.Retrying) {
                cancellation.cancel();
            }
        }, cancellation)).isInstanceOf(ChatCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(450));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void predictionsCannotBeCombinedWithTools() {
        ToolSpec tool = new ToolSpec("x", "", null);
        assertThatThrownBy(() -> hello().withMaxCompletionTokens(null).withTools(List.of(tool)).withPrediction("old file"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separate request without tools");
    }
}
