package dev.ratchet.agent.tools;

/** A tool call that cannot be carried out; the message goes back to the model as the tool result. */
public final class ToolFailure extends RuntimeException {
    public ToolFailure(String message) {
        super(message, null, false, false);
    }
}
