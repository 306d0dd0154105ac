package dev.ratchet.hook;

import dev.ratchet.model.Spend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a hook run ended: whether the commit is blocked, the findings to print, what it cost.
 *
 * @param summary  a few words on what was checked, e.g. "tests passed, review: 1 finding"
 * @param fixPatch the proposed fix saved for the user (fix mode), or null
 */
public record HookOutcome(boolean blocked, List<Finding> findings, String summary, Spend spend, Duration took,
        Path fixPatch) {
    public HookOutcome {
        findings = List.copyOf(findings);
    }
}
