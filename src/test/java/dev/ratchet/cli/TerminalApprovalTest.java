package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The yes/no question before a command the model wants to run: only y or yes runs it. */
class TerminalApprovalTest {
    private static boolean answer(String typed, StringWriter err) {
        Io io = new Io(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), Map.of(), true);
        return new TerminalApproval(io).approve("npm run build");
    }

    @Test
    void yesRunsAnythingElseDoesNot() {
        StringWriter err = new StringWriter();
        assertThat(answer("y\n", err)).isTrue();
        assertThat(err.toString()).contains("the model wants to run").contains("    npm run build").contains("[y/N]");
        assertThat(answer(" YES \n", new StringWriter())).isTrue();
        assertThat(answer("n\n", new StringWriter())).isFalse();
        assertThat(answer("\n", new StringWriter())).isFalse();
        assertThat(answer("", new StringWriter())).as("end of input").isFalse();
        assertThat(answer("sure\n", new StringWriter())).isFalse();
    }
}
