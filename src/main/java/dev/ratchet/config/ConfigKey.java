package dev.ratchet.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every setting ratchet reads from config files, the environment or flags. To add one, add a
 * constant here (YAML name, environment variables if any, one line of help); {@link ConfigLoader}
 * then accepts it in both config files and {@link ResolvedConfig} hands it out with its source.
 * Dotted names are nested YAML sections: {@code price.input} is {@code price:} then {@code input:}.
 */
public enum ConfigKey {
    MODEL("model", "model name, e.g. gpt-4.1, gpt-4.1-mini, or a local model", "RATCHET_MODEL"),
    BASE_URL("base_url", "Chat Completions base URL, e.g. http://localhost:11434/v1", "OPENAI_BASE_URL",
            "AZURE_OPENAI_ENDPOINT"),
    PROVIDER("provider", "openai, azure or compatible (guessed from base_url when unset)"),
    API_KEY_ENV("api_key_env", "name of the environment variable holding the API key"),
    AZURE_DEPLOYMENT("azure.deployment", "Azure deployment name (default: the model name)"),
    AZURE_API_VERSION("azure.api_version", "Azure api-version (default 2024-10-21)", "OPENAI_API_VERSION"),
    RETRIES("retries", "retries after a rate limit, server error or dropped connection (default 2)"),
    TIMEOUT_SECONDS("request_timeout_seconds", "seconds of silence from the server before giving up (default 120)"),
    MAX_COST("max_cost", "cost budget in US dollars for one run"),
    CONTEXT_WINDOW("context_window", "override: the model's context window in tokens"),
    MAX_OUTPUT("max_output", "override: the model's longest reply in tokens"),
    PRICE_INPUT("price.input", "override: dollars per million input tokens"),
    PRICE_CACHED_INPUT("price.cached_input", "override: dollars per million cached input tokens"),
    PRICE_OUTPUT("price.output", "override: dollars per million output tokens"),
    RECORD("record", "write every model exchange to this JSONL cassette"),
    REPLAY("replay", "answer from this JSONL cassette instead of the network"),
    TEST_CMD("test_cmd", "the command that runs the project's tests (default: detected)"),
    LINT_CMD("lint_cmd", "a lint command run after each round of edits"),
    EDIT_FORMAT("edit_format", "edit format the model is asked for: apply-patch, search-replace, udiff, whole"),
    MAX_ITERATIONS("max_iterations", "most edit-and-test iterations of one run (default 5)"),
    CONTEXT_MODE("context_mode", "what the model is shown: auto, map or whole (default auto)"),
    LOOP_MODE("loop_mode", "which loop runs: edit, tools or auto (default auto: tools when no files are named and the repository exceeds the context budget)"),
    ALLOW_COMMANDS("allow_commands", "commands the model may run in the tool loop without asking, e.g. [npm test, git status]"),
    READ("read", "files sent to the model as instructions, e.g. [CONVENTIONS.md, docs/style.md]"),
    RANK_MODEL("rank_model", "a small model that picks files from the repo map before the context is built, "
            + "e.g. gpt-4.1-nano (default: none, files are ranked without a model)"),
    HOOK_TEST_CMD("hook.test_cmd", "the pre-commit hook's test command, when a faster one than test_cmd fits"),
    HOOK_LINT_CMD("hook.lint_cmd", "the pre-commit hook's lint command (default: lint_cmd)"),
    HOOK_MODEL("hook.model", "the model that reviews staged changes in the pre-commit hook (default gpt-4.1-mini)");

    private final String yamlName;
    private final String help;
    private final List<String> environment;

    ConfigKey(String yamlName, String help, String... environment) {
        this.yamlName = yamlName;
        this.help = help;
        this.environment = List.of(environment);
    }

    public String yamlName() {
        return yamlName;
    }

    public String help() {
        return help;
    }

    /** Environment variables that set this key, first one winning. */
    public List<String> environment() {
        return environment;
    }

    public static Optional<ConfigKey> byYamlName(String name) {
        return Arrays.stream(values()).filter(key -> key.yamlName.equals(name)).findFirst();
    }

    /** Whether {@code prefix} is a YAML section holding keys, like {@code price} or {@code azure}. */
    static boolean isSection(String prefix) {
        return Arrays.stream(values()).anyMatch(key -> key.yamlName.startsWith(prefix + "."));
    }
}
