package dev.ratchet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ratchet.model.ModelSettings;
import dev.ratchet.model.Provider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    @TempDir
    Path repo;

    private final Map<String, String> env = new HashMap<>();

    private Settings load(Map<ConfigKey, String> flags) {
        return new ConfigLoader(env, home).load(repo, flags);
    }

    private void userConfig(String yaml) throws IOException {
        Path file = home.resolve(".config/ratchet/config.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private void repoConfig(String yaml) throws IOException {
        Files.writeString(repo.resolve(".ratchet.yml"), yaml);
    }

    @Test
    void defaultsToGpt41OnOpenAiWithTheKeyFromTheEnvironment() {
        env.put("OPENAI_API_KEY", "sk-abc");

        ModelSettings settings = load(Map.of()).model();

        assertThat(settings.model()).isEqualTo("gpt-4.1");
        assertThat(settings.provider()).isEqualTo(Provider.OPENAI);
        assertThat(settings.effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.apiKey()).isEqualTo("sk-abc");
        assertThat(settings.retries()).isEqualTo(2);
        assertThat(settings.toString()).doesNotContain("sk-abc").contains("from OPENAI_API_KEY");
    }

    @Test
    void flagsBeatEnvironmentBeatRepoConfigBeatUserConfig() throws IOException {
        userConfig("model: from-user\nretries: 5\nmax_cost: 3\n");
        repoConfig("model: from-repo\nretries: 4\n");
        env.put("RATCHET_MODEL", "from-env");

        assertThat(load(Map.of(ConfigKey.MODEL, "from-flag")).model().model()).isEqualTo("from-flag");
        Settings settings = load(Map.of());
        assertThat(settings.model().model()).isEqualTo("from-env");
        assertThat(settings.values().value(ConfigKey.MODEL).orElseThrow().source()).isEqualTo("environment variable RATCHET_MODEL");
        assertThat(settings.model().retries()).isEqualTo(4);
        assertThat(settings.values().value(ConfigKey.RETRIES).orElseThrow().source()).endsWith(".ratchet.yml line 2");
        assertThat(settings.model().maxCost()).isEqualByComparingTo("3");
        env.remove("RATCHET_MODEL");
        assertThat(load(Map.of()).model().model()).isEqualTo("from-repo");
    }

    @Test
    void honoursXdgConfigHome() throws IOException {
        Path xdg = home.resolve("xdg");
        Files.createDirectories(xdg.resolve("ratchet"));
        Files.writeString(xdg.resolve("ratchet/config.yml"), "model: gpt-4.1-mini\n");
        env.put("XDG_CONFIG_HOME", xdg.toString());

        assertThat(load(Map.of()).model().model()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void readsNestedSectionsForLocalServersAndAzure() throws IOException {
        repoConfig("""
                # a local Ollama model with its own window and zero price
                model: qwen2.5-coder:32b
                base_url: http://localhost:11434/v1
                context_window: 32768
                price:
                  input: 0
                  output: 0
                request_timeout_seconds: 2.5
                """);

        ModelSettings local = load(Map.of()).model();

        assertThat(local.provider()).isEqualTo(Provider.COMPATIBLE);
        assertThat(local.apiKey()).isNull();
        assertThat(local.contextWindow()).isEqualTo(32768);
        assertThat(local.prices().output()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(local.timeout()).isEqualTo(Duration.ofMillis(2500));

        repoConfig("""
                base_url: https://my-res.openai.azure.com
                azure:
                  deployment: prod-41
                  api_version: 2025-04-01-preview
                """);
        env.put("AZURE_OPENAI_API_KEY", "az-key");
        ModelSettings azure = load(Map.of()).model();
        assertThat(azure.provider()).isEqualTo(Provider.AZURE);
        assertThat(azure.apiKey()).isEqualTo("az-key");
        assertThat(azure.azureDeployment()).isEqualTo("prod-41");
        assertThat(azure.azureApiVersion()).isEqualTo("2025-04-01-preview");
    }

    @Test
    void unknownKeyNamesFileLineAndTheLikelyKey() throws IOException {
        repoConfig("model: gpt-4.1\n\nmax_cots: 2\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(repo.resolve(".ratchet.yml") + " line 3: unknown key 'max_cots' (did you mean 'max_cost'?)");
    }

    @Test
    void unknownNestedKeyIsNamedWithItsSection() throws IOException {
        userConfig("price:\n  input: 1\n  outptu: 2\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.yml line 3: unknown key 'price.outptu' (did you mean 'price.output'?)");
    }

    @Test
    void badYamlNamesFileAndLine() throws IOException {
        repoConfig("model: gpt-4.1\nretries: [1, 2\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching(".*\\.ratchet\\.yml line \\d: not valid YAML .*");
    }

    @Test
    void badValueNamesWhereItCameFrom() throws IOException {
        repoConfig("max_cost: lots\n");
        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(".ratchet.yml line 1: max_cost must be a number of 0 or more, like 2.50, not 'lots'");

        assertThatThrownBy(() -> load(Map.of(ConfigKey.RETRIES, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--retries: retries must be a whole number from 0 to 10, not '-1'");
    }

    @Test
    void theKeyIsNeverReadFromAFile() throws IOException {
        repoConfig("api_key: sk-oops\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 1: 'api_key' is not read from files")
                .hasMessageNotContaining("sk-oops");
    }

    @Test
    void keyComesFromTheVariableNamedByApiKeyEnv() throws IOException {
        repoConfig("base_url: https://openrouter.ai/api/v1\napi_key_env: OPENROUTER_API_KEY\nmodel: openai/gpt-4.1\n");
        env.put("OPENROUTER_API_KEY", "or-key");

        ModelSettings settings = load(Map.of()).model();

        assertThat(settings.apiKey()).isEqualTo("or-key");
        assertThat(settings.apiKeyVariable()).isEqualTo("OPENROUTER_API_KEY");
        assertThat(settings.provider()).isEqualTo(Provider.COMPATIBLE);
    }

    @Test
    void cassettePathsInARepoConfigAreRelativeToTheRepo() throws IOException {
        repoConfig("replay: demo/run.jsonl\n");

        assertThat(load(Map.of()).model().replay()).isEqualTo(repo.resolve("demo/run.jsonl"));
        assertThat(load(Map.of(ConfigKey.REPLAY, "x.jsonl")).model().replay()).isEqualTo(Path.of("x.jsonl"));
    }

    @Test
    void aKeySetTwiceInOneFileIsAnError() throws IOException {
        repoConfig("model: a\nretries: 1\nmodel: b\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3: 'model' is set twice (first at ")
                .hasMessageContaining(".ratchet.yml line 1)");
    }

    @Test
    void rankModelIsUnsetByDefaultAndLayeredLikeEveryKey() throws IOException {
        assertThat(load(Map.of()).values().text(ConfigKey.RANK_MODEL)).isEmpty();

        repoConfig("rank_model: gpt-4.1-nano\n");
        Settings fromFile = load(Map.of());
        assertThat(fromFile.values().text(ConfigKey.RANK_MODEL)).contains("gpt-4.1-nano");
        assertThat(fromFile.values().value(ConfigKey.RANK_MODEL).orElseThrow().source()).endsWith(".ratchet.yml line 1");
        assertThat(fromFile.model().model()).as("the edit model is not the rank model").isEqualTo("gpt-4.1");

        Settings fromFlag = load(Map.of(ConfigKey.RANK_MODEL, "gpt-4.1-mini"));
        assertThat(fromFlag.values().text(ConfigKey.RANK_MODEL)).contains("gpt-4.1-mini");
        assertThat(fromFlag.values().value(ConfigKey.RANK_MODEL).orElseThrow().source()).isEqualTo("--rank-model");
    }

    @Test
    void aMisspeltRankModelKeyIsNamed() throws IOException {
        repoConfig("rank_modle: gpt-4.1-nano\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 1: unknown key 'rank_modle' (did you mean 'rank_model'?)");
    }
}
