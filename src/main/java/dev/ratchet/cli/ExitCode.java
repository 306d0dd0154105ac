package dev.ratchet.cli;

/** The documented exit codes; README lists the same table. */
public final class ExitCode {
    /** Done: every change applied (and, for the agent, tests pass). */
    public static final int OK = 0;
    /** Gave up: edits refused, or tests still fail. */
    public static final int GAVE_UP = 1;
    /** Bad usage or configuration; the message says what to change. */
    public static final int USAGE = 2;
    /** The model or its API failed. */
    public static final int MODEL = 3;
    /** The cost or time budget ran out. */
    public static final int BUDGET = 4;
    /** Interrupted (Ctrl-C), as shells report SIGINT. */
    public static final int INTERRUPTED = 130;
    /** A bug in ratchet itself (EX_SOFTWARE); the stack trace is printed. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
