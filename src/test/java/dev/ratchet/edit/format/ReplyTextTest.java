package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void stripsTheRepliesOwnCarriageReturnsOnly() {
        ReplyText text = new ReplyText("a\r\nb\rc\r\n\r\nd");

        assertThat(text.size()).isEqualTo(4);
        assertThat(List.of(text.line(0), text.line(1), text.line(2), text.line(3))).containsExactly("a", "b\rc", "", "d");
    }

    @Test
    void dropsALeadingByteOrderMark() {
        ReplyText text = new ReplyText("\uFEFF```diff\n```\n");

        assertThat(text.line(0)).isEqualTo("```diff");
        assertThat(text.fences()).containsExactly(new Fence(0, 1, "diff"));
    }

    @Test
    void aTrailingNewlineAddsNoLine() {
        assertThat(new ReplyText("a\n").size()).isEqualTo(1);
        assertThat(new ReplyText("a\n\n").size()).isEqualTo(2);
        assertThat(new ReplyText("").size()).isZero();
    }

    @Test
    void locatesFencesLikeAMarkdownReader() {
        ReplyText text = new ReplyText(String.join("\n",
                "prose",
                "````markdown",
                "```bash",
                "make",
                "```",
                "````",
                "~~~",
                "```",
                "~~~",
                "<source>java",
                "x",
                "</source>",
                "```python",
                "cut off"));

        assertThat(text.fences()).containsExactly(
                new Fence(1, 5, "markdown"),
                new Fence(6, 8, ""),
                new Fence(9, 11, "java"),
                new Fence(12, -1, "python"));
        assertThat(text.fenceAround(3)).contains(new Fence(1, 5, "markdown"));
        assertThat(text.fenceAround(1)).isEmpty();
        assertThat(text.fenceAround(13)).contains(new Fence(12, -1, "python"));
    }

    @Test
    void aFenceClosesOnlyWithItsOwnCharacterAndAtLeastItsLength() {
        ReplyText text = new ReplyText("````\n```\n~~~~\n````\n");

        assertThat(text.fences()).containsExactly(new Fence(0, 3, ""));
    }
}
