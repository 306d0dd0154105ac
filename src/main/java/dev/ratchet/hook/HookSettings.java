package dev.ratchet.hook;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.model.MeteredChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One hook run, resolved by the front end.
 *
 * @param tests    the test command, or null for none
 * @param lint     the lint command, or null for none
 * @param model    the model stack for review and fixes, or null when no model can be reached
 * @param noModel  why there is no model (one line for the user), or null when there is one
 * @param fixModel the model that writes fixes in fix mode
 * @param editFormat the edit format the fix model is asked for
 * @param readFiles extra instruction files for the review ({@code read:} in .ratchet.yml)
 */
public record HookSettings(HookMode mode, ReviewPolicy review, boolean strict, Duration timeout, CheckCommand tests,
        CheckCommand lint, MeteredChatModel model, String noModel, String reviewModel, String fixModel,
        String editFormat, List<String> readFiles) {
    public HookSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(timeout, "timeout");
        readFiles = List.copyOf(readFiles);
        if ((model == null) == (noModel == null)) {
            throw new IllegalArgumentException("give either a model or the reason there is none");
        }
    }
}
