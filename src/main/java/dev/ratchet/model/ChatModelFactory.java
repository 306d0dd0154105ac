package dev.ratchet.model;

import java.nio.file.Files;
import java.time.Duration;

/**
 * Builds the model stack from settings: transport (network, recording, or replay), the Chat
 * Completions client with its retry policy, and the metering layer with the session's ledger.
 */
public final class ChatModelFactory {
    private ChatModelFactory() {
    }

    /** The stack for these settings; fails early, with a fix, when the settings cannot work. */
    public static MeteredChatModel create(ModelSettings settings, TokenCounter counter) {
        return create(settings, counter, RetryPolicy.standard(settings.retries()));
    }

    /** As {@link #create(ModelSettings, TokenCounter)}, with the retry policy given (tests pass one that never sleeps). */
    public static MeteredChatModel create(ModelSettings settings, TokenCounter counter, RetryPolicy retryPolicy) {
        ChatTransport transport = transport(settings);
        RetryPolicy policy = settings.replay() != null
                ? new RetryPolicy(retryPolicy.maxRetries(), (duration, cancellation) -> cancellation.throwIfCancelled(),
                        retryPolicy.random())
                : retryPolicy;
        ModelCatalog catalog = ModelCatalog.forSettings(settings);
        OpenAiChatModel client = new OpenAiChatModel(settings, transport, policy);
        return new MeteredChatModel(client, catalog, counter, new CostLedger(catalog, settings.maxCost()));
    }

    private static ChatTransport transport(ModelSettings settings) {
        if (settings.replay() != null && settings.record() != null) {
            throw new ModelSetupException("--record and --replay cannot be used together; pick one");
        }
        if (settings.replay() != null) {
            if (!Files.isRegularFile(settings.replay())) {
                throw new ModelSetupException("the cassette " + settings.replay() + " for --replay does not exist");
            }
            return new CassettePlayer(settings.replay());
        }
        if (settings.apiKey() == null && settings.provider() != Provider.COMPATIBLE) {
            throw new ModelSetupException("no API key: set " + settings.apiKeyVariable() + " (for "
                    + settings.effectiveBaseUrl() + "), point --base-url at an OpenAI-compatible server such as "
                    + "Ollama, use --replay FILE to run from a recorded cassette, or try 'ratchet demo' to watch a "
                    + "replayed run without a key");
        }
        if (settings.timeout().compareTo(Duration.ZERO) <= 0) {
            throw new ModelSetupException("--request-timeout must be more than 0 seconds");
        }
        ChatTransport network = new OkHttpTransport(settings.timeout());
        return settings.record() == null ? network : new CassetteRecorder(network, settings.record());
    }
}
