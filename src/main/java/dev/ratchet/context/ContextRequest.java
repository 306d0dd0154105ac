package dev.ratchet.context;

/**
 * The texts that come from elsewhere: the system prompt (with the edit-format instructions), the
 * user's task, the feedback of the last iteration (test failures, refused edits; empty on the
 * first), and a short closing instruction restated at the very end (may be empty).
 */
public record ContextRequest(String systemText, String taskText, String feedbackText, String closingText) {
    public ContextRequest {
        systemText = systemText == null ? "" : systemText;
        taskText = taskText == null ? "" : taskText;
        feedbackText = feedbackText == null ? "" : feedbackText;
        closingText = closingText == null ? "" : closingText;
    }
}
