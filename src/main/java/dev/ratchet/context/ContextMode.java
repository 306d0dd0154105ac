package dev.ratchet.context;

/** How much of the repository goes into the prompt. */
public enum ContextMode {
    /** The repo map plus the chosen files. */
    MAP,
    /** The whole filtered repository, when it fits the model's window minus the answer reserve. */
    WHOLE,
    /** Whole when it fits {@link ContextOptions#autoWholeTokens()}, otherwise map. */
    AUTO
}
