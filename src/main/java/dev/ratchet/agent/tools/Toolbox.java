package dev.ratchet.agent.tools;

import dev.ratchet.model.ToolCall;
import dev.ratchet.model.ToolSpec;
import dev.ratchet.workspace.UnsafePathException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools offered in one run, by name. {@link #call} never throws for a bad call: an unknown
 * tool, malformed arguments, a refused path or a failing tool all come back as an error result
 * the model can read and correct.
 */
public final class Toolbox {
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public Toolbox(List<Tool> tools) {
        tools.forEach(tool -> this.tools.put(tool.spec().name(), tool));
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** A call checked and described, ready to run. */
    public record Prepared(String name, String summary, String canonicalArguments, Tool tool, ToolArguments arguments,
                           ToolOutcome failure) {
    }

    /** Finds the tool and parses the arguments; a bad call is prepared with its failure already set. */
    public Prepared prepare(ToolCall call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            return new Prepared(call.name(), "", call.arguments().strip(), null, null, ToolOutcome.failed("there is no tool named \""
                    + call.name() + "\"; the tools are " + String.join(", ", tools.keySet())));
        }
        try {
            ToolArguments arguments = ToolArguments.parse(call.name(), call.arguments(), tool.parameters());
            String summary;
            try {
                summary = tool.describe(arguments);
            } catch (ToolFailure badValue) {
                summary = "";
            }
            return new Prepared(call.name(), summary, arguments.canonical(), tool, arguments, null);
        } catch (ToolFailure malformed) {
            return new Prepared(call.name(), "", call.arguments().strip(), tool, null, ToolOutcome.failed(malformed.getMessage()));
        }
    }

    /** Runs a prepared call; every failure becomes an error result. */
    public ToolOutcome run(Prepared prepared) {
        if (prepared.failure() != null) {
            return prepared.failure();
        }
        try {
            return prepared.tool().run(prepared.arguments());
        } catch (ToolFailure failure) {
            return ToolOutcome.failed(failure.getMessage());
        } catch (UnsafePathException unsafe) {
            return ToolOutcome.failed("path refused: " + unsafe.getMessage()
                    + "; use paths relative to the repository root, outside .git");
        } catch (IOException io) {
            return ToolOutcome.failed(prepared.name() + " failed: " + io.getMessage());
        } catch (UncheckedIOException io) {
            // JGit reports a file vanishing mid-scan this way; the model can simply call again
            return ToolOutcome.failed(prepared.name() + " failed: " + io.getCause().getMessage());
        }
    }

    /** Prepares and runs in one step. */
    public ToolOutcome call(ToolCall call) {
        return run(prepare(call));
    }
}
