package dev.ratchet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hook:} section of {@code .ratchet.yml}: the pre-commit hook's own, faster commands and model. */
class HookConfigTest {
    @TempDir
    Path repo;

    @TempDir
    Path home;

    private Settings load(String yaml) throws Exception {
        Files.writeString(repo.resolve(".ratchet.yml"), yaml);
        return new ConfigLoader(Map.of(), home).load(repo, Map.of());
    }

    @Test
    void theHookSectionSitsBesideTheRunSettings() throws Exception {
        Settings settings = load("""
                test_cmd: mvn -B -q verify
                hook:
                  test_cmd: mvn -B -q -o test -Dtest='*Fast*'
                  lint_cmd: ./lint --staged
                  model: gpt-4.1-nano
                """);

        assertThat(settings.values().text(ConfigKey.TEST_CMD)).contains("mvn -B -q verify");
        assertThat(settings.values().text(ConfigKey.HOOK_TEST_CMD)).contains("mvn -B -q -o test -Dtest='*Fast*'");
        assertThat(settings.values().text(ConfigKey.HOOK_LINT_CMD)).contains("./lint --staged");
        assertThat(settings.values().text(ConfigKey.HOOK_MODEL)).contains("gpt-4.1-nano");
        assertThat(settings.values().value(ConfigKey.HOOK_TEST_CMD).orElseThrow().source()).endsWith(".ratchet.yml line 3");
    }

    @Test
    void aTypoInTheHookSectionNamesTheLineAndTheKeyMeant() {
        assertThatThrownBy(() -> load("hook:\n  test_cmd: sh t.sh\n  lint_comd: ruff\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(".ratchet.yml line 3: unknown key 'hook.lint_comd' (did you mean 'hook.lint_cmd'?)");
        assertThatThrownBy(() -> load("hook: sh t.sh\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 1: 'hook' is a section");
    }
}
