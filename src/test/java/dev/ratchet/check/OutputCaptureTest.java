package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    @Test
    void keepsEverythingThatFits() {
        OutputCapture capture = new OutputCapture(8, 8);
        append(capture, "abc\n");
        append(capture, "def\n");

        assertThat(capture.captured()).isEqualTo(new OutputCapture.Captured("abc\ndef\n", 0));
    }

    @Test
    void cutsTheMiddleAtLineBoundariesWhateverTheWriteSizes() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            all.append("line").append(i).append('\n');
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, 7, 64, bytes.length}) {
            OutputCapture capture = new OutputCapture(20, 30);
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                capture.append(bytes, offset, Math.min(chunk, bytes.length - offset));
            }

            OutputCapture.Captured captured = capture.captured();

            String marker = "[... " + captured.omittedBytes() + " bytes of output cut here ...]\n";
            assertThat(captured.text()).as("chunk %d", chunk)
                    .isEqualTo("line0\nline1\nline2\n" + marker + "line96\nline97\nline98\nline99\n");
            assertThat(captured.omittedBytes()).isEqualTo(bytes.length - "line0\nline1\nline2\n".length()
                    - "line96\nline97\nline98\nline99\n".length());
            assertThat(capture.totalBytes()).isEqualTo(bytes.length);
        }
    }

    @Test
    void aZeroTailKeepsOnlyTheHead() {
        OutputCapture capture = new OutputCapture(4, 0);
        append(capture, "ab\ncd\nef\n");

        assertThat(capture.captured().text()).isEqualTo("ab\n[... 6 bytes of output cut here ...]\n");
    }

    private static void append(OutputCapture capture, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        capture.append(bytes, 0, bytes.length);
    }
}
