package dev.ratchet.hook;

/** What the model review's findings do: block the commit, only warn, or no review at all. */
public enum ReviewPolicy {
    BLOCK,
    WARN,
    OFF
}
