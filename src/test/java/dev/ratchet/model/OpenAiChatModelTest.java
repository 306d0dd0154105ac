package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OpenAiChatModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ChatEvent> events = new ArrayList<>();

    private OpenAiChatModel model(int retries, Duration timeout) {
        ModelSettings settings = new ModelSettings("gpt-4.1", Provider.OPENAI, server.url("/v1").toString(),
                "sk-test-secret", "OPENAI_API_KEY", null, null, retries, timeout, null, null, null, null, null, null);
        return new OpenAiChatModel(settings, new OkHttpTransport(timeout),
                new RetryPolicy(retries, (d, c) -> sleeps.add(d), () -> 0.0));
    }

    private OpenAiChatModel model() {
        return model(2, Duration.ofSeconds(5));
    }

    private static ChatRequest hello() {
        return ChatRequest.of("gpt-4.1", List.of(new ChatMessage.SystemPrompt("be brief"), new ChatMessage.User("hi")));
    }

    private ChatResponse send(OpenAiChatModel model, ChatRequest request) {
        return model.send(request, events::add, new Cancellation());
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req_stream").body(body).build();
    }

    private static String chunk(String choicesAndUsage) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1-2025-04-14\","
                + choicesAndUsage + "}\n\n";
    }

    private static String textChunk(String text) {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(text) + "},\"finish_reason\":null}],\"usage\":null");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String STOP = chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null");
    private static final String USAGE = chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":2006,\"completion_tokens\":300,"
            + "\"total_tokens\":2306,\"prompt_tokens_details\":{\"cached_tokens\":1920}}");
    private static final String DONE = "data: [DONE]\n\n";

    private static List<String> texts(List<ChatEvent> events) {
        return events.stream().filter(e -> e instanceof ChatEvent.TextDelta).map(e -> ((ChatEvent.TextDelta) e).text()).toList();
    }

    @Test
    void plainReplyIsParsedWithUsageAndRequestId() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_plain")
                .body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,"
                        + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\",\"refusal\":null,"
                        + "\"annotations\":[]}}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":0}},\"service_tier\":\"default\",\"brand_new_field\":1}")
                .build());

        ChatResponse response = send(model(), hello().withStream(false).withTemperature(0.2).withSeed(7L)
                .withMaxCompletionTokens(100));

        assertThat(response.text()).isEqualTo("Hello!");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new Usage(12, 0, 2, false));
        assertThat(response.requestId()).isEqualTo("req_plain");
        assertThat(response.model()).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(texts(events)).containsExactly("Hello!");
        assertThat(events.get(events.size() - 1)).isEqualTo(new ChatEvent.Completed(response));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-secret");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(100);
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void streamedReplyArrivesAsDeltasAndAsksForUsage() throws Exception {
        server.enqueue(sse(textChunk("Hel") + textChunk("lo") + STOP + USAGE + DONE));

        ChatResponse response = send(model(), hello());

        assertThat(texts(events)).containsExactly("Hel", "lo");
        assertThat(response.text()).isEqualTo("Hello");
        assertThat(response.usage()).isEqualTo(new Usage(2006, 1920, 300, false));
        assertThat(response.requestId()).isEqualTo("req_stream");
        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void toolCallSplitAcrossChunksInsideMultiByteCharacterAndEscape() {
        String arguments = "{\"path\":\"src/Caf\u00e9.java\",\"note\":\"say \\\"h\u00e9\\\" \u2713\"}";
        // the model's argument text is cut right after a backslash, in the middle of an escape
        int cut = arguments.indexOf('\\') + 1;
        String body = chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"\"}}]},\"finish_reason\":null}]")
                + argumentsChunk(0, arguments.substring(0, cut))
                + argumentsChunk(0, arguments.substring(cut))
                + chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]") + USAGE + DONE;
        // HTTP chunks of 3 bytes, throttled, so network reads end inside the multi-byte characters
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .chunkedBody(body, 3).throttleBody(3, 1, TimeUnit.MILLISECONDS).build());

        ChatResponse response = send(model(), hello());

        assertThat(response.toolCalls()).containsExactly(new ToolCall("call_1", "read_file", arguments));
        assertThat(response.finishReason()).isEqualTo("tool_calls");
        assertThat(events).contains(new ChatEvent.ToolCallReady(new ToolCall("call_1", "read_file", arguments)));
    }

    private static String argumentsChunk(int index, String fragment) {
        return chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index
                + ",\"function\":{\"arguments\":" + quote(fragment) + "}}]},\"finish_reason\":null}]");
    }

    @Test
    void parallelToolCallsAreAssembledByIndex() {
        String body = chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"pa\"}}]},\"finish_reason\":null}]")
                + chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
                + "\"function\":{\"name\":\"list_files\",\"arguments\":\"{\\\"dir\"}}]},\"finish_reason\":null}]")
                + chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"th\\\":\\\"a\\\"}\"}},"
                + "{\"index\":1,\"function\":{\"arguments\":\"\\\":\\\"src\\\"}\"}}]},\"finish_reason\":null}]")
                + chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]") + DONE;
        server.enqueue(sse(body));

        ChatResponse response = send(model(), hello());

        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_a", "read_file", "{\"path\":\"a\"}"),
                new ToolCall("call_b", "list_files", "{\"dir\":\"src\"}"));
        assertThat(response.usage()).isNull();
    }

    @Test
    void serversThatReuseIndexZeroForParallelCallsAreSplitById() {
        String body = chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"x\",\"arguments\":\"{}\"}}]}}]")
                + chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"b\",\"function\":{\"name\":\"y\",\"arguments\":\"{}\"}}]}}]")
                + chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]") + DONE;
        server.enqueue(sse(body));

        assertThat(send(model(), hello()).toolCalls()).extracting(ToolCall::name).containsExactly("x", "y");
    }

    @Test
    void commentsKeepAlivesCrlfAndAzureEmptyFirstChunkAreTolerated() {
        String body = (": OPENROUTER PROCESSING\n\n"
                + "data: {\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0}]}\n\n"
                + ":\n\n"
                + textChunk("A") + "event: message\nid: 3\nretry: 100\n" + textChunk("B").substring(0)
                + "data: {\"choices\":[{\"index\":0,\"finish_reason\":null,\"content_filter_results\":{}}]}\n\n"
                + STOP + USAGE + DONE).replace("\n", "\r\n");
        server.enqueue(sse(body));

        ChatResponse response = send(model(), hello());

        assertThat(response.text()).isEqualTo("AB");
        assertThat(response.usage().promptTokens()).isEqualTo(2006);
    }

    @Test
    void retriesA429AfterTheServersRetryAfterThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "2").addHeader("x-request-id", "req_1")
                .body("{\"error\":{\"message\":\"Rate limit reached for gpt-4.1\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "250")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").build());
        server.enqueue(sse(textChunk("ok") + STOP + DONE));

        ChatResponse response = send(model(), hello());

        assertThat(response.text()).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(250));
        assertThat(events).filteredOn(e -> e instanceof ChatEvent.Retrying).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void repeated500sFailAfterTheConfiguredRetriesWithBackOff() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).addHeader("x-request-id", "req_" + i)
                    .body("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":null}}").build());
        }

        assertThatThrownBy(() -> send(model(3, Duration.ofSeconds(5)), hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.SERVER);
                    assertThat(e.requestId()).isEqualTo("req_3");
                })
                .hasMessageContaining("gave up after 4 attempts")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("The server had an error")
                .hasMessageContaining("req_3");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void insufficientQuotaIsNeverRetried() {
        server.enqueue(new MockResponse.Builder().code(429)
                .body("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}").build());

        assertThatThrownBy(() -> send(model(), hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.QUOTA))
                .hasMessageContaining("no quota left");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aStreamDroppedMidReplyIsRetriedFromTheStartWithoutGluingText() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(new DroppedBody(textChunk("partial "))).onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(sse(textChunk("whole answer") + STOP + DONE));

        ChatResponse response = send(model(), hello());

        assertThat(response.text()).isEqualTo("whole answer");
        assertThat(events.get(0)).isEqualTo(new ChatEvent.TextDelta("partial "));
        assertThat(events.get(1)).isInstanceOf(ChatEvent.Retrying.class);
        assertThat(((ChatEvent.Retrying) events.get(1)).reason()).contains("broke in the middle of the reply");
    }

    @Test
    void aStreamThatEndsWithoutFinishIsAFailure() {
        server.enqueue(sse(textChunk("cut")));

        assertThatThrownBy(() -> send(model(0, Duration.ofSeconds(5)), hello()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("ended before the reply was complete");
    }

    @Test
    void aStreamThatEndsWithDoneButNoFinishReasonIsComplete() {
        server.enqueue(sse(textChunk("fine") + DONE));

        ChatResponse response = send(model(0, Duration.ofSeconds(5)), hello());

        assertThat(response.text()).isEqualTo("fine");
        assertThat(response.finishReason()).isNull();
    }

    @Test
    void aHangingServerTimesOut() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> send(model(0, Duration.ofMillis(300)), hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT))
                .hasMessageContaining("no reply from")
                .hasMessageContaining("--request-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void rejectedKeyNamesTheVariableButNeverTheKey() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req_auth")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***ret.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());

        assertThatThrownBy(() -> send(model(), hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH))
                .hasMessageStartingWith("the key in OPENAI_API_KEY was rejected by " + server.url("/v1").toString().replaceAll("/$", ""))
                .hasMessageContaining("req_auth")
                .hasMessageNotContaining("sk-test-secret");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unknownModelSaysItIsNotServedAtTheBaseUrl() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error\":{\"message\":\"The model `gpt-9` does not exist or you do not have access to it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}").build());

        assertThatThrownBy(() -> send(model(), hello().withModel("gpt-9")))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.MODEL_NOT_FOUND))
                .hasMessageContaining("model gpt-9 is not served at http");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void contextLengthErrorIsExplainedAndNotRetried() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":{\"message\":\"This model's maximum context length is 1047576 tokens. However, your messages resulted in 1203455 tokens.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}").build());

        assertThatThrownBy(() -> send(model(), hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.PROMPT_TOO_LONG))
                .hasMessageContaining("prompt is too long for gpt-4.1")
                .hasMessageContaining("1203455 tokens");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsAnErrorNamingWhatWasWrong() {
        server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"\n\n" + DONE));

        assertThatThrownBy(() -> send(model(), hello()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.PROTOCOL))
                .hasMessageContaining("stream event is not valid JSON")
                .hasMessageContaining("{\"choices\"")
                .hasMessageContaining("req_stream");
    }

    @Test
    void malformedPlainBodyIsAnError() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("<html>oops</html>").build());

        assertThatThrownBy(() -> send(model(), hello().withStream(false)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("reply body is not valid JSON")
                .hasMessageContaining("<html>oops</html>");
    }

    @Test
    void anErrorEventMidStreamIsReported() {
        server.enqueue(sse(textChunk("a") + "data: {\"error\":{\"message\":\"bad thing\",\"type\":\"invalid_request_error\",\"code\":null}}\n\n"));

        assertThatThrownBy(() -> send(model(), hello()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("in the middle of the stream: bad thing");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void predictionIsSentForToolLessRewrites() throws Exception {
        server.enqueue(sse(textChunk("x") + STOP + DONE));

        send(model(), hello().withPrediction("class A {}"));

        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("prediction").path("type").asText()).isEqualTo("content");
        assertThat(body.path("prediction").path("content").asText()).isEqualTo("class A {}");
    }

    @Test
    void cancellingStopsTheStreamAndTheCall() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(textChunk("a") + textChunk("b") + STOP + DONE).build());
        Cancellation cancellation = new Cancellation();
        List<ChatEvent> seen = new ArrayList<>();

        assertThatThrownBy(() -> model().send(hello(), event -> {
            seen.add(event);
            cancellation.cancel();
        }, cancellation)).isInstanceOf(ChatCancelledException.class);
        assertThat(seen).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Promises a long body and sends only its start; the server then closes the socket. */
    private record DroppedBody(String start) implements mockwebserver3.MockResponseBody {
        @Override
        public long getContentLength() {
            return 100_000;
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
            sink.writeUtf8(start);
            sink.flush();
        }
    }
}
