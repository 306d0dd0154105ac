package dev.ratchet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.config.Settings;
import dev.ratchet.model.ModelCatalog;
import dev.ratchet.model.ModelInfo;
import dev.ratchet.model.Prices;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ratchet models}: the model catalog with context windows and prices. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models ratchet knows, with context window, longest reply and price per million tokens.",
        footer = {"", "Example:", "  ratchet models --json"})
final class ModelsCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--repo", paramLabel = "DIR", description = "Repository whose .ratchet.yml to read (default: the current one).")
    Path repo = Path.of("");

    ModelsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = modelOptions.load(io, repo);
        ModelCatalog catalog = ModelCatalog.forSettings(settings.model());
        List<ModelInfo> models = catalog.listed();
        if (json) {
            io.out().println(asJson(models));
        } else {
            io.out().printf("%-16s %12s %11s %10s %10s %10s%n", "MODEL", "CONTEXT", "MAX OUTPUT", "INPUT", "CACHED", "OUTPUT");
            for (ModelInfo model : models) {
                Prices prices = model.prices().orElse(null);
                io.out().printf("%-16s %12s %11s %10s %10s %10s%n", model.name(), tokens(model.contextWindow()),
                        tokens(model.maxOutput()), dollars(prices == null ? null : prices.input()),
                        dollars(prices == null ? null : prices.cachedInput()), dollars(prices == null ? null : prices.output()));
            }
            io.out().println();
            io.out().println("Prices in US dollars per million tokens. Dated snapshots (gpt-4.1-2025-04-14) and fine-tunes "
                    + "(ft:gpt-4.1-...) are priced as their base model; other models cost 'unknown' unless "
                    + "price.input/price.output are set in .ratchet.yml.");
        }
        io.out().flush();
        return ExitCode.OK;
    }

    private static String asJson(List<ModelInfo> models) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (ModelInfo model : models) {
            ObjectNode node = array.addObject();
            node.put("name", model.name());
            putTokens(node, "context_window", model.contextWindow());
            putTokens(node, "max_output", model.maxOutput());
            if (model.prices().isPresent()) {
                ObjectNode prices = node.putObject("price_per_million_tokens");
                prices.put("input", model.prices().get().input());
                prices.put("cached_input", model.prices().get().cachedInput());
                prices.put("output", model.prices().get().output());
            } else {
                node.putNull("price_per_million_tokens");
            }
        }
        return mapper.writeValueAsString(array);
    }

    private static void putTokens(ObjectNode node, String field, OptionalInt tokens) {
        if (tokens.isPresent()) {
            node.put(field, tokens.getAsInt());
        } else {
            node.putNull(field);
        }
    }

    private static String tokens(OptionalInt tokens) {
        return tokens.isPresent() ? String.format("%,d", tokens.getAsInt()) : "unknown";
    }

    private static String dollars(BigDecimal amount) {
        return amount == null ? "unknown" : "$" + amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()))
                .toPlainString();
    }
}
