package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever bytes a server sends, the client answers with a response or a ModelException, never a crash. */
class MalformedReplyTest {
    private static final String NOISE = " {}[]\":,0a\\\n-\r";
    private static final String STREAM = "data: {\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9\",\"tool_calls\":"
            + "[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}}]}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":9}}}\n\n"
            + "data: [DONE]\n\n";

    private static Throwable outcome(byte[] body, String contentType) {
        ChatTransport transport = (request, cancellation) ->
                new RawReply(200, Map.of("Content-Type", contentType), new ByteArrayInputStream(body));
        ModelSettings settings = ModelSettings.openAi("gpt-4.1", "k");
        OpenAiChatModel model = new OpenAiChatModel(settings, transport, new RetryPolicy(0, (d, c) -> { }, () -> 0.0));
        return catchThrowable(() -> model.send(ChatRequest.of("gpt-4.1", List.of(new ChatMessage.User("x")))));
    }

    @Test
    void everyTruncationOfAStreamIsAResponseOrAModelException() {
        byte[] full = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length <= full.length; length++) {
            Throwable thrown = outcome(Arrays.copyOf(full, length), "text/event-stream");
            assertThat(thrown == null || thrown instanceof ModelException)
                    .as("prefix of %d bytes gave %s", length, thrown).isTrue();
        }
        assertThat(outcome(full, "text/event-stream")).isNull();
    }

    @Test
    void randomlyCorruptedRepliesAreResponsesOrModelExceptions() {
        Random random = new Random(42);
        byte[] full = STREAM.getBytes(StandardCharsets.UTF_8);
        String plain = "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\",\"tool_calls\":[{\"id\":\"1\",\"function\":"
                + "{\"name\":\"f\",\"arguments\":{\"a\":1}}}]},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":\"7\"}}";
        for (int round = 0; round < 2000; round++) {
            boolean stream = round % 2 == 0;
            byte[] body = (stream ? full : plain.getBytes(StandardCharsets.UTF_8)).clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                body[random.nextInt(body.length)] = (byte) NOISE.charAt(random.nextInt(NOISE.length()));
            }
            Throwable thrown = outcome(body, stream ? "text/event-stream" : "application/json");
            assertThat(thrown == null || thrown instanceof ModelException)
                    .as("round %d gave %s for %s", round, thrown, new String(body, StandardCharsets.UTF_8)).isTrue();
        }
    }

    @Test
    void impossibleUsageIsClampedNotACrash() {
        ChatTransport transport = (request, cancellation) -> new RawReply(200, Map.of("Content-Type", "text/event-stream"),
                new ByteArrayInputStream(STREAM.getBytes(StandardCharsets.UTF_8)));
        OpenAiChatModel model = new OpenAiChatModel(ModelSettings.openAi("gpt-4.1", "k"), transport,
                new RetryPolicy(0, (d, c) -> { }, () -> 0.0));

        ChatResponse response = model.send(ChatRequest.of("gpt-4.1", List.of(new ChatMessage.User("x"))));

        // the server claimed 9 cached tokens out of 5 prompt tokens
        assertThat(response.usage()).isEqualTo(new Usage(5, 5, 2, false));
        assertThat(response.text()).isEqualTo("h\u00e9");
    }
}
