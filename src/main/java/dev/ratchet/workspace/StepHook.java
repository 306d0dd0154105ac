package dev.ratchet.workspace;

import java.io.IOException;

/**
 * Called between the steps of a batch write. Production uses {@link #NONE}; tests use it to fail
 * a step (a full disk, a refused rename) or to kill the process at a chosen point.
 */
interface StepHook {
    StepHook NONE = step -> { };

    void at(String step) throws IOException;
}
