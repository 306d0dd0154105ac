package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The yes/no question before a command the model wants to run: only y or yes runs it, and only a terminal asks it. */
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

    @Test
    void onlyATerminalWithoutYesAndWithTextOutputAsks() {
        Io terminal = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), true);
        Io piped = new Io(terminal.in(), terminal.out(), terminal.err(), Map.of(), false);
        RunOptions plain = new RunOptions();
        RunOptions yes = new RunOptions();
        yes.yes = true;
        RunOptions json = new RunOptions();
        json.outputFormat = RunOptions.OutputFormat.JSON;

        assertThat(AgentRunner.approval(terminal, plain)).isInstanceOf(TerminalApproval.class);
        assertThat(AgentRunner.approval(terminal, yes)).isSameAs(dev.ratchet.agent.tools.CommandApproval.NOBODY);
        assertThat(AgentRunner.approval(terminal, json)).isSameAs(dev.ratchet.agent.tools.CommandApproval.NOBODY);
        assertThat(AgentRunner.approval(piped, plain)).isSameAs(dev.ratchet.agent.tools.CommandApproval.NOBODY);
    }
}
