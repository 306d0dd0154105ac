package dev.ratchet.edit.apply;

import dev.ratchet.workspace.FileWrite;
import java.util.List;

/**
 * What applying an EditPlan would do. {@code writes} and {@code diffs} cover only the files whose
 * changes all applied; a file with any refused hunk is left out of both (and of {@code applied}).
 */
public record Application(List<AppliedChange> applied, List<Refusal> refused, List<FileWrite> writes, List<FileDiff> diffs) {
    public Application {
        applied = List.copyOf(applied);
        refused = List.copyOf(refused);
        writes = List.copyOf(writes);
        diffs = List.copyOf(diffs);
    }

    /** True when nothing was refused. */
    public boolean clean() {
        return refused.isEmpty();
    }

    /** Every change of {@link #diffs} as one git-style unified diff, for --dry-run. */
    public String unifiedDiff() {
        StringBuilder out = new StringBuilder();
        for (FileDiff diff : diffs) {
            out.append(diff.unified());
        }
        return out.toString();
    }
}
