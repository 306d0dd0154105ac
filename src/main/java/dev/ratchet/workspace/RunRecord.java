package dev.ratchet.workspace;

import java.time.Instant;
import java.util.List;

/**
 * What ratchet remembers about one run, kept as {@code run.json} in {@code .git/ratchet/runs/<id>/}.
 * Object ids are hex strings; a field that does not apply yet is null.
 *
 * @param id        sortable run id, {@code yyyyMMdd-HHmmss-xxxx} in UTC
 * @param task      the task as the user gave it
 * @param startedAt when {@code begin} took the snapshot
 * @param branch    the branch the run worked on (null on a detached HEAD)
 * @param headBefore HEAD's commit when the run began (null on an unborn branch)
 * @param before    snapshot commit of the working tree before the run
 * @param indexBefore tree of the index before the run
 * @param outcome   how the run ended so far
 * @param finishedAt when {@code finish} ran
 * @param model     the model that produced the changes
 * @param after     snapshot commit of the working tree after the run
 * @param commit    the commit holding the run's changes, in commit mode
 * @param files     what the run changed
 * @param note      what the user should know about the outcome (a hook's output, a detached HEAD)
 */
public record RunRecord(
        String id,
        String task,
        Instant startedAt,
        String branch,
        String headBefore,
        String before,
        String indexBefore,
        Outcome outcome,
        Instant finishedAt,
        String model,
        String after,
        String commit,
        List<ChangedFile> files,
        String note) {

    /** How a run ended. */
    public enum Outcome {
        /** Begun, not finished: the agent is running, or it died. */
        RUNNING,
        /** The changes were committed on the branch. */
        COMMITTED,
        /** The changes were left in the working tree ({@code --no-commit}). */
        UNCOMMITTED,
        /** A pre-commit or commit-msg hook refused the commit; the changes are in the working tree. */
        HOOK_REJECTED,
        /** Committing failed before anything was committed (a locked index); the changes are in the working tree. */
        COMMIT_FAILED,
        /** The run changed no file. */
        NO_CHANGES,
        /** {@code ratchet undo} restored the tree as it was before the run. */
        UNDONE
    }

    /** One file a run changed. */
    public record ChangedFile(String path, Change change) {
    }

    /** The kind of change to one file. */
    public enum Change { ADDED, MODIFIED, DELETED }

    public RunRecord {
        files = files == null ? List.of() : List.copyOf(files);
    }

    RunRecord finished(Outcome newOutcome, Instant at, String usedModel, String afterSnapshot, String commitId,
            List<ChangedFile> changed, String newNote) {
        return new RunRecord(id, task, startedAt, branch, headBefore, before, indexBefore, newOutcome, at,
                usedModel, afterSnapshot, commitId, changed, newNote);
    }

    RunRecord withOutcome(Outcome newOutcome, String newNote) {
        return new RunRecord(id, task, startedAt, branch, headBefore, before, indexBefore, newOutcome, finishedAt,
                model, after, commit, files, newNote);
    }
}
