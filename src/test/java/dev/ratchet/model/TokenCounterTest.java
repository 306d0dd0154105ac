package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
    private final TokenCounter counter = new TokenCounter();

    @Test
    void countsWithO200kBase() {
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("hello world")).isEqualTo(2);
        // special-token text in a file is counted as ordinary text, never rejected
        assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void countsMessageOverheadLikeTheCookbook() {
        // "hello world" = 2 tokens, role "user" = 1 token, 3 per message, 3 to prime the reply
        assertThat(counter.countMessages(List.of(new ChatMessage.User("hello world")))).isEqualTo(3 + 3 + 1 + 2);
        int two = counter.countMessages(List.of(new ChatMessage.SystemPrompt("hello world"), new ChatMessage.User("hello world")));
        assertThat(two).isEqualTo(3 + 2 * (3 + 1 + 2));
    }
}
