package dev.ratchet.agent.tools;

import dev.ratchet.model.ToolSpec;
import java.io.IOException;
import java.util.Set;

/** One function tool the model may call: its spec, and what running it does. */
public sealed interface Tool permits ListFilesTool, ReadFileTool, SearchTool, ApplyPatchTool, RunTestsTool, RunCommandTool {

    ToolSpec spec();

    /** The parameter names the spec declares; any other is refused. */
    Set<String> parameters();

    /** Runs the call; throws {@link ToolFailure} with a message for the model when it cannot. */
    ToolOutcome run(ToolArguments arguments) throws IOException;

    /** The call's arguments in a few words for the one-line display, e.g. "iniconf/parser.py 1-80". */
    String describe(ToolArguments arguments);
}
