package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTest {
    private static final TokenCounter COUNTER = new TokenCounter();

    private static final String SECRET = "sk-live-very-secret-key";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private ModelSettings settings(Path record, Path replay) {
        return new ModelSettings("gpt-4.1", Provider.OPENAI, server.url("/v1").toString(), replay == null ? SECRET : null,
                "OPENAI_API_KEY", null, null, 2, Duration.ofSeconds(5), null, null, null, null, record, replay);
    }

    private static RetryPolicy noWaiting() {
        return new RetryPolicy(2, (d, c) -> { }, () -> 0.0);
    }

    private static final ToolSpec READ_FILE = new ToolSpec("read_file", "Reads a file",
            new ObjectMapper().createObjectNode().put("type", "object"));

    private static List<ChatRequest> conversation() {
        List<ChatMessage> first = List.of(new ChatMessage.SystemPrompt("You fix bugs."), new ChatMessage.User("fix A.java"));
        ToolCall call = new ToolCall("call_1", "read_file", "{\"path\":\"A.java\"}");
        List<ChatMessage> second = new ArrayList<>(first);
        second.add(new ChatMessage.Assistant("", List.of(call)));
        second.add(new ChatMessage.ToolResult("call_1", "class A {}"));
        return List.of(ChatRequest.of("gpt-4.1", first).withTools(List.of(READ_FILE)),
                ChatRequest.of("gpt-4.1", second).withTools(List.of(READ_FILE)));
    }

    private static String chunk(String choices) {
        return "data: {\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4.1-2025-04-14\"," + choices + "}\n\n";
    }

    private void enqueueLiveConversation() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "10").addHeader("x-request-id", "req_a")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").addHeader("x-request-id", "req_b")
                .body(chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me look. \",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"pa\"}}]}}]")
                        + chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"th\\\":\\\"A.java\\\"}\"}}]},"
                        + "\"finish_reason\":\"tool_calls\"}]")
                        + chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20}") + "data: [DONE]\n\n")
                .build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(new PartialBody(chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Fixed cafe\u0301 \u2713\"}}]")))
                .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Fixed caf\u00e9 \u2713\"},\"finish_reason\":\"stop\"}]")
                        + chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":150,\"completion_tokens\":5,\"prompt_tokens_details\":{\"cached_tokens\":128}}")
                        + "data: [DONE]\n\n").build());
    }

    private static List<ChatEvent> run(ChatModel model) {
        List<ChatEvent> events = new ArrayList<>();
        for (ChatRequest request : conversation()) {
            model.send(request, events::add, new Cancellation());
        }
        return events;
    }

    @Test
    void recordThenReplayGivesIdenticalEventsWithoutNetworkOrKey() throws Exception {
        enqueueLiveConversation();
        Path cassette = dir.resolve("run.jsonl");

        List<ChatEvent> live = run(ChatModelFactory.create(settings(cassette, null), COUNTER, noWaiting()));
        server.close();
        MeteredChatModel replayModel = ChatModelFactory.create(settings(null, cassette), COUNTER, noWaiting());
        List<ChatEvent> replayed = run(replayModel);

        assertThat(replayed).isEqualTo(live);
        assertThat(live).filteredOn(e -> e instanceof ChatEvent.Retrying).hasSize(2);
        assertThat(live).contains(new ChatEvent.ToolCallReady(new ToolCall("call_1", "read_file", "{\"path\":\"A.java\"}")));
        String text = Files.readString(cassette);
        assertThat(text.lines()).hasSize(4);
        assertThat(text).doesNotContain(SECRET).doesNotContainIgnoringCase("authorization").doesNotContain("Bearer");
        assertThat(text).contains("\"broken\":\"unexpected end of stream\"").contains("\"x-request-id\":\"req_b\"");
        // the two finished replies, plus an estimate for the stream that broke after "Fixed café ✓"
        Usage billed = new Usage(250, 128, 25, false);
        int prompt = COUNTER.countPrompt(conversation().get(1).withStream(true));
        Usage broken = new Usage(prompt, 0, COUNTER.count("Fixed cafe\u0301 \u2713"), true);
        assertThat(replayModel.ledger().spend().usage()).isEqualTo(billed.plus(broken));
        assertThat(replayModel.ledger().spend().requests()).isEqualTo(3);
    }

    @Test
    void replayFailsClearlyWhenTheConversationChanged() throws Exception {
        Path cassette = dir.resolve("c.jsonl");
        Files.writeString(cassette, "{\"expect\":{\"model\":\"gpt-4.1\",\"messages\":3,\"tools\":[\"read_file\"]},\"reply\":{\"content\":\"hi\"}}\n");
        ChatModel model = ChatModelFactory.create(settings(null, cassette), COUNTER, noWaiting());

        assertThatThrownBy(() -> model.send(conversation().get(0)))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.REPLAY))
                .hasMessageContaining("request #1 does not match cassette")
                .hasMessageContaining("line 1")
                .hasMessageContaining("2 messages instead of 3")
                .hasMessageContaining("--record");
    }

    @Test
    void replayFailsClearlyWhenTheCassetteRunsOut() throws Exception {
        Path cassette = dir.resolve("c.jsonl");
        Files.writeString(cassette, "{\"reply\":{\"content\":\"first\"}}\n");
        ChatModel model = ChatModelFactory.create(settings(null, cassette), COUNTER, noWaiting());
        model.send(conversation().get(0));

        assertThatThrownBy(() -> model.send(conversation().get(1)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("no reply left for request #2 (it holds 1)");
    }

    @Test
    void handWrittenRepliesBecomeNormalResponses() throws Exception {
        Path cassette = dir.resolve("demo.jsonl");
        Files.writeString(cassette, String.join("\n",
                "{\"expect\":{\"model\":\"gpt-4.1\"},\"reply\":{\"content\":\"Reading it.\",\"tool_calls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"A.java\"}}],"
                        + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":10,\"cached_tokens\":0}}}",
                "",
                "{\"reply\":{\"content\":\"Done.\"}}"));
        MeteredChatModel model = ChatModelFactory.create(settings(null, cassette), COUNTER, noWaiting());
        List<ChatEvent> events = new ArrayList<>();

        ChatResponse first = model.send(conversation().get(0), events::add, new Cancellation());
        ChatResponse second = model.send(conversation().get(1));

        assertThat(first.text()).isEqualTo("Reading it.");
        assertThat(first.toolCalls()).containsExactly(new ToolCall("call_1", "read_file", "{\"path\":\"A.java\"}"));
        assertThat(first.finishReason()).isEqualTo("tool_calls");
        assertThat(first.usage()).isEqualTo(new Usage(1000, 0, 10, false));
        assertThat(events.get(0)).isEqualTo(new ChatEvent.TextDelta("Reading it."));
        assertThat(second.text()).isEqualTo("Done.");
        assertThat(second.usage().estimated()).isTrue();
    }

    @Test
    void aBadCassetteLineIsNamed() throws Exception {
        Path cassette = dir.resolve("bad.jsonl");
        Files.writeString(cassette, "{\"reply\":{\"content\":\"ok\"}}\n{\"reply\": nope}\n");

        assertThatThrownBy(() -> new CassettePlayer(cassette))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("bad.jsonl line 2 is not valid JSON");
    }

    @Test
    void anUnwritableCassetteIsASetupError() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "");

        assertThatThrownBy(() -> ChatModelFactory.create(settings(blocker.resolve("run.jsonl"), null), COUNTER))
                .isInstanceOf(ModelSetupException.class)
                .hasMessageContaining("cannot write the cassette");
    }

    @Test
    void missingKeyIsASetupErrorNamingTheVariable() {
        ModelSettings noKey = new ModelSettings("gpt-4.1", Provider.OPENAI, null, null, "OPENAI_API_KEY", null, null, 2,
                Duration.ofSeconds(5), null, null, null, null, null, null);

        assertThatThrownBy(() -> ChatModelFactory.create(noKey, COUNTER))
                .isInstanceOf(ModelSetupException.class)
                .hasMessageContaining("set OPENAI_API_KEY");
    }

    /** Promises a long body and sends only its start; the server then closes the socket. */
    private record PartialBody(String start) implements mockwebserver3.MockResponseBody {
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
