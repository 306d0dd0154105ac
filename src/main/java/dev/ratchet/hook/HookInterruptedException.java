package dev.ratchet.hook;

/** The hook was stopped (Ctrl-C) while a check ran; the unstaged changes are already put back. */
public final class HookInterruptedException extends RuntimeException {
    public HookInterruptedException() {
        super("interrupted; your unstaged changes are put back");
    }
}
