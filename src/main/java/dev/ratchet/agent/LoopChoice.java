package dev.ratchet.agent;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Which loop a run uses, and why in one line. {@code auto} picks the edit loop when the user named
 * files or the whole repository fits the context budget (one cheap request sees everything), and
 * the tool loop otherwise (the model then finds the code itself instead of relying on ranking).
 */
public record LoopChoice(Mode mode, String reason) {

    /** The loops, as {@code --mode} names them. */
    public enum Mode { EDIT, TOOLS, AUTO }

    /** Parses the {@code --mode} value; throws IllegalArgumentException naming the choices. */
    public static Mode parse(String value) {
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--mode " + value + " is not a mode; use edit, tools or auto");
        }
    }

    /**
     * Resolves {@code asked}; for auto, {@code repositoryTokens} is only measured when no file is named.
     *
     * @param budgetTokens the context budget: the most tokens the edit loop sends as the whole repository
     */
    public static LoopChoice choose(Mode asked, boolean filesNamed, LongSupplier repositoryTokens, long budgetTokens) {
        if (asked == Mode.EDIT) {
            return new LoopChoice(Mode.EDIT, "--mode edit");
        }
        if (asked == Mode.TOOLS) {
            return new LoopChoice(Mode.TOOLS, "--mode tools");
        }
        if (filesNamed) {
            return new LoopChoice(Mode.EDIT, "auto: files are named with -f, so the edit loop sends them");
        }
        long tokens = repositoryTokens.getAsLong();
        return tokens > budgetTokens
                ? new LoopChoice(Mode.TOOLS, String.format(Locale.ROOT, "auto: the repository is about %,d tokens, more than "
                        + "the %,d-token context budget, so the model explores it with tools", tokens, budgetTokens))
                : new LoopChoice(Mode.EDIT, String.format(Locale.ROOT, "auto: the repository is about %,d tokens and fits "
                        + "the %,d-token context budget, so the edit loop sends it", tokens, budgetTokens));
    }
}
