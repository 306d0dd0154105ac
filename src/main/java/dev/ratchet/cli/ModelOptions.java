package dev.ratchet.cli;

import dev.ratchet.config.ConfigKey;
import dev.ratchet.config.ConfigLoader;
import dev.ratchet.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The model options every command that talks to a model shares (use with {@code @Mixin}). Values
 * stay strings here so that {@link ConfigLoader} validates flags, environment and files alike and
 * names the source of a bad value.
 */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "NAME", description = "Model name (default gpt-4.1; env RATCHET_MODEL).")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Chat Completions base URL, e.g. http://localhost:11434/v1 (env OPENAI_BASE_URL).")
    String baseUrl;

    @Option(names = "--provider", paramLabel = "KIND", description = "openai, azure or compatible (default: from the URL).")
    String provider;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the API key (default OPENAI_API_KEY, AZURE_OPENAI_API_KEY on Azure).")
    String apiKeyEnv;

    @Option(names = "--max-cost", paramLabel = "DOLLARS", description = "Refuse requests that could take the run past this cost.")
    String maxCost;

    @Option(names = "--retries", paramLabel = "N", description = "Retries after rate limits, server errors and drops (default 2).")
    String retries;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "Give up on a request after this long without data from the server (default 120).")
    String timeout;

    @Option(names = "--record", paramLabel = "FILE", description = "Write every model exchange to a JSONL cassette (never the key).")
    String record;

    @Option(names = "--replay", paramLabel = "FILE", description = "Answer from a JSONL cassette instead of the network.")
    String replay;

    /** Only the flags actually given, keyed like the config files. */
    public Map<ConfigKey, String> flags() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        put(flags, ConfigKey.MODEL, model);
        put(flags, ConfigKey.BASE_URL, baseUrl);
        put(flags, ConfigKey.PROVIDER, provider);
        put(flags, ConfigKey.API_KEY_ENV, apiKeyEnv);
        put(flags, ConfigKey.MAX_COST, maxCost);
        put(flags, ConfigKey.RETRIES, retries);
        put(flags, ConfigKey.TIMEOUT_SECONDS, timeout);
        put(flags, ConfigKey.RECORD, record);
        put(flags, ConfigKey.REPLAY, replay);
        return flags;
    }

    /** Loads the layered settings for the repository containing {@code workingDirectory}. */
    public Settings load(Io io, Path workingDirectory) {
        return load(io, workingDirectory, flags());
    }

    /** Loads the layered settings with {@code flags} (only those given) as the strongest layer. */
    static Settings load(Io io, Path workingDirectory, Map<ConfigKey, String> flags) {
        String home = io.env("HOME");
        Path userHome = Path.of(home != null ? home : System.getProperty("user.home"));
        return new ConfigLoader(io.env(), userHome).load(repositoryRoot(workingDirectory), flags);
    }

    /** The nearest directory upwards holding {@code .git}, or the directory itself outside a repository. */
    static Path repositoryRoot(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return absolute;
    }

    private static void put(Map<ConfigKey, String> flags, ConfigKey key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
