package dev.ratchet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ratchet.agent.AgentEvent;
import dev.ratchet.agent.RunResult;
import dev.ratchet.model.Spend;
import java.io.PrintWriter;
import java.util.Locale;

/** The machine-readable forms of a run: one final object (json) or one event per line (stream-json). */
final class JsonOutput {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private final PrintWriter out;

    JsonOutput(PrintWriter out) {
        this.out = out;
    }

    /** stream-json: every event as it happens, the final one carrying the same object as json. */
    void event(AgentEvent event) {
        ObjectNode line = json.createObjectNode().put("type", event.type());
        if (event instanceof AgentEvent.RunFinished finished) {
            line.set("result", result(finished.result()));
        } else {
            line.setAll((ObjectNode) json.valueToTree(event));
        }
        synchronized (out) {
            out.println(line.toString());
            out.flush();
        }
    }

    /** json: the final object. */
    void finalResult(RunResult result) {
        out.println(result(result).toString());
        out.flush();
    }

    ObjectNode result(RunResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("status", result.reason().success() ? "done" : "stopped");
        node.put("stopReason", result.reason().name().toLowerCase(Locale.ROOT));
        node.put("description", result.reason().description());
        node.put("detail", result.detail());
        node.put("exitCode", AgentRunner.exitCode(result.reason()));
        node.put("runId", result.runId());
        node.put("iterations", result.iterations());
        node.set("filesChanged", json.valueToTree(result.filesChanged()));
        node.put("diff", result.diff());
        ObjectNode tests = node.putObject("tests");
        tests.set("failingBefore", json.valueToTree(result.testsBefore()));
        tests.set("failingAfter", json.valueToTree(result.testsAfter()));
        if (result.testsPassed() == null) {
            tests.putNull("passed");
        } else {
            tests.put("passed", result.testsPassed());
        }
        Spend spend = result.spend();
        ObjectNode usage = node.putObject("usage");
        usage.put("requests", spend.requests());
        usage.put("promptTokens", spend.usage().promptTokens());
        usage.put("cachedTokens", spend.usage().cachedTokens());
        usage.put("completionTokens", spend.usage().completionTokens());
        usage.put("estimated", spend.usage().estimated());
        if (spend.cost().isPresent()) {
            node.put("cost", spend.cost().get());
        } else {
            node.putNull("cost");
        }
        node.put("commit", result.commit());
        node.put("outcome", result.outcome());
        node.put("transcript", result.transcript().toString());
        return node;
    }
}
