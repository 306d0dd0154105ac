package dev.ratchet.hook;

/** What the pre-commit hook does when checks fail: block the commit, or try to fix and stage the fix. */
public enum HookMode {
    CHECK,
    FIX
}
