package dev.ratchet.cli;

import dev.ratchet.config.Settings;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatMessage;
import dev.ratchet.model.ChatModelFactory;
import dev.ratchet.model.ChatRequest;
import dev.ratchet.model.ChatResponse;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ModelCatalog;
import dev.ratchet.model.ModelInfo;
import dev.ratchet.model.ModelException;
import dev.ratchet.model.ModelSettings;
import dev.ratchet.model.Money;
import dev.ratchet.model.Provider;
import dev.ratchet.model.ServedModels;
import dev.ratchet.model.TokenCounter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ratchet doctor}: shows the model configuration and proves it works with one tiny request. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the configured model endpoint and API key with one cheap request "
                + "(a few tokens, well under a cent), and explain any failure."},
        footer = {"", "Examples:", "  ratchet doctor",
            "  ratchet doctor --base-url http://localhost:11434/v1 --model qwen2.5-coder"})
final class DoctorCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--repo", paramLabel = "DIR", description = "Repository whose .ratchet.yml to read (default: the current one).")
    Path repo = Path.of("");

    DoctorCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PrintWriter out = io.out();
        Settings settings = modelOptions.load(io, repo);
        ModelSettings model = settings.model();
        ModelInfo info = ModelCatalog.forSettings(model).lookup(model.model());
        out.println("endpoint  " + model.effectiveBaseUrl() + " (" + model.provider().name().toLowerCase(Locale.ROOT) + ")");
        out.println("model     " + model.model() + describe(info));
        out.println("api key   " + (model.apiKey() != null ? "set, from " + model.apiKeyVariable()
                : model.apiKeyVariable() + " is not set"));
        settings.values().all().forEach((key, value) -> out.println("setting   " + key.yamlName() + " from " + value.source()));
        if (model.replay() != null) {
            out.println("replay    " + model.replay() + " (no network: this checks the cassette, not the endpoint)");
        }
        out.flush();

        MeteredChatModel chat = ChatModelFactory.create(model, new TokenCounter());
        ChatRequest ping = ChatRequest.of(model.model(), List.of(new ChatMessage.User("Reply with the single word OK.")))
                .withMaxCompletionTokens(5);
        Cancellation cancellation = new Cancellation();
        long start = System.nanoTime();
        ChatResponse response;
        try (CancelOnInterrupt hook = new CancelOnInterrupt(cancellation)) {
            response = chat.send(ping, event -> { }, cancellation);
        } catch (ModelException failure) {
            out.println("request   FAILED (" + failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            String advice = advice(failure.kind(), model);
            if (!advice.isEmpty()) {
                out.println("advice    " + advice);
            }
            if (failure.kind() == ModelException.Kind.MODEL_NOT_FOUND && model.replay() == null) {
                new ServedModels(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build()).list(model)
                        .ifPresent(ids -> out.println("served    " + (ids.isEmpty() ? "(the server lists no models)"
                                : String.join(", ", ids.subList(0, Math.min(ids.size(), 30)))
                                        + (ids.size() > 30 ? ", ... (" + ids.size() + " in all)" : ""))));
            }
            out.flush();
            throw failure;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("request   OK in " + millis + " ms: " + (response.model() == null ? model.model() : response.model())
                + " answered \"" + response.text().strip() + "\""
                + (response.requestId() == null ? "" : " (request id " + response.requestId() + ")"));
        out.println("cost      " + chat.ledger().spend().describe());
        out.flush();
        return ExitCode.OK;
    }

    /** What usually fixes each kind of failure; the exception message already says what happened. */
    private static String advice(ModelException.Kind kind, ModelSettings model) {
        String base = model.effectiveBaseUrl();
        return switch (kind) {
            case AUTH -> model.provider() == Provider.OPENAI
                    ? "create a key at https://platform.openai.com/api-keys and export " + model.apiKeyVariable() + "=..."
                    : "check that " + model.apiKeyVariable() + " holds the key this server expects";
            case FORBIDDEN -> "the key works but lacks access; check the project's model permissions and allowed regions";
            case MODEL_NOT_FOUND -> model.provider() == Provider.AZURE
                    ? "use the deployment name from the Azure portal (azure.deployment in .ratchet.yml)"
                    : "see which models the server offers at " + base + "/models (for Ollama: ollama list)";
            case CONNECTION -> "check the URL (base URLs usually end in /v1) and that the server is running"
                    + (base.contains(":11434") ? " (ollama serve)" : "");
            case TIMEOUT -> "the server accepted the connection but did not answer; raise --request-timeout for slow local models";
            case PROTOCOL -> "this does not look like a Chat Completions server; base URLs usually end in /v1";
            case QUOTA -> "add credit or raise the usage limit of the account, or use another key";
            case RATE_LIMITED, SERVER -> "the server is busy; try again in a minute";
            case REPLAY -> "record the cassette again with --record";
            case PROMPT_TOO_LONG, BAD_REQUEST, CANCELLED -> "";
        };
    }

    private static String describe(ModelInfo info) {
        StringBuilder text = new StringBuilder();
        info.contextWindow().ifPresent(window -> text.append(String.format(", window %,d tokens", window)));
        info.maxOutput().ifPresent(output -> text.append(String.format(", replies up to %,d", output)));
        text.append(info.prices().map(prices -> ", " + Money.format(prices.input()) + " in / "
                + Money.format(prices.output()) + " out per 1M tokens").orElse(", price unknown"));
        return text.toString();
    }
}
