package dev.ratchet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How --mode resolves: auto measures the repository only when no file is named. */
class LoopChoiceTest {
    @Test
    void explicitModesWinWithoutMeasuring() {
        assertThat(LoopChoice.choose(LoopChoice.Mode.TOOLS, true, () -> { throw new AssertionError("measured"); }, 10).mode())
                .isEqualTo(LoopChoice.Mode.TOOLS);
        assertThat(LoopChoice.choose(LoopChoice.Mode.EDIT, false, () -> { throw new AssertionError("measured"); }, 10).mode())
                .isEqualTo(LoopChoice.Mode.EDIT);
    }

    @Test
    void autoUsesTheEditLoopWhenFilesAreNamedWithoutMeasuring() {
        LoopChoice choice = LoopChoice.choose(LoopChoice.Mode.AUTO, true, () -> { throw new AssertionError("measured"); }, 10);

        assertThat(choice.mode()).isEqualTo(LoopChoice.Mode.EDIT);
        assertThat(choice.reason()).contains("-f");
    }

    @Test
    void autoUsesToolsOnlyAboveTheContextBudget() {
        assertThat(LoopChoice.choose(LoopChoice.Mode.AUTO, false, () -> 200_000, 200_000).mode()).isEqualTo(LoopChoice.Mode.EDIT);
        LoopChoice large = LoopChoice.choose(LoopChoice.Mode.AUTO, false, () -> 200_001, 200_000);
        assertThat(large.mode()).isEqualTo(LoopChoice.Mode.TOOLS);
        assertThat(large.reason()).isEqualTo("auto: the repository is about 200,001 tokens, more than the 200,000-token "
                + "context budget, so the model explores it with tools");
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        assertThat(LoopChoice.parse(" Tools ")).isEqualTo(LoopChoice.Mode.TOOLS);
        assertThatThrownBy(() -> LoopChoice.parse("agent")).hasMessageContaining("use edit, tools or auto");
    }
}
