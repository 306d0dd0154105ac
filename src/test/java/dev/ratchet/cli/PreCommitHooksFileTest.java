package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The .pre-commit-hooks.yaml we ship offers both ids, and each entry is a command line ratchet accepts. */
class PreCommitHooksFileTest {

    @Test
    void bothHooksAreDeclaredAndTheirEntriesParse() throws Exception {
        JsonNode hooks = new ObjectMapper(new YAMLFactory()).readTree(Path.of(".pre-commit-hooks.yaml").toFile());

        List<String> ids = new ArrayList<>();
        for (JsonNode hook : hooks) {
            ids.add(hook.get("id").asText());
            assertThat(hook.get("language").asText()).isEqualTo("system");
            assertThat(hook.get("pass_filenames").asBoolean()).isFalse();
            String[] words = hook.get("entry").asText().split(" ");
            assertThat(words[0]).isEqualTo("ratchet");
            String[] args = Arrays.copyOfRange(words, 1, words.length);
            assertThat(Main.commandLine(Io.system(), args).parseArgs(args).subcommand().commandSpec().name())
                    .isEqualTo("hook");
        }
        assertThat(ids).containsExactly("ratchet-check", "ratchet-fix");
    }
}
