package dev.ratchet.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
