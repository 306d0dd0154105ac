package dev.ratchet.agent;

/** Why a run ended; the CLI maps each to an exit code. */
public enum StopReason {
    /** The edits applied and the tests pass. */
    TESTS_PASS(true, "the tests pass"),
    /** No tests to run (or --no-test), and every edit applied. */
    EDITS_APPLIED(true, "every edit applied (no tests were run)"),
    /** The iteration limit came while tests still failed. */
    MAX_ITERATIONS(false, "the tests still fail after the last iteration"),
    /** Edits kept being refused after every retry. */
    EDITS_REFUSED(false, "the model's edits kept being refused"),
    /** The model kept answering without any edit. */
    NO_EDITS(false, "the model answered without edits"),
    /** Tool loop: the model kept making the same tool call after being told to change course. */
    REPEATED_CALLS(false, "the model repeated the same tool call"),
    /** Tool loop: the model ended its turn, was told the tests still fail, and ended it again. */
    STOPPED_WITH_FAILING_TESTS(false, "the model stopped while the tests still fail"),
    /** The cost budget (--max-cost) would have been exceeded. */
    COST_BUDGET(false, "the cost budget ran out"),
    /** The time budget (--timeout) ran out. */
    TIME_BUDGET(false, "the time budget ran out"),
    /** The model or its API failed after retries. */
    MODEL_ERROR(false, "the model could not be reached or failed"),
    /** The user pressed Ctrl-C. */
    INTERRUPTED(false, "interrupted");

    private final boolean success;
    private final String description;

    StopReason(boolean success, String description) {
        this.success = success;
        this.description = description;
    }

    public boolean success() {
        return success;
    }

    public String description() {
        return description;
    }
}
