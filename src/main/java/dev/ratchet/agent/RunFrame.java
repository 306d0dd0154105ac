package dev.ratchet.agent;

import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummary;
import dev.ratchet.model.BudgetExceededException;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ChatEvent;
import dev.ratchet.model.ModelException;
import dev.ratchet.model.Spend;
import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.RunRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every agent run shares, whichever loop drives it: the workspace run (the snapshot before the
 * first write, the record and commit at the end), the transcript, the {@code --timeout} deadline,
 * and which stop reason a budget, Ctrl-C, a model failure or the clock stands for.
 */
final class RunFrame implements AutoCloseable {
    private final GitWorkspace git;
    private final AgentSettings settings;
    private final GitWorkspace.Run run;
    private final Transcript transcript;
    private final Cancellation.Registration stopChecks;
    private final Consumer<AgentEvent> listener;
    private final Clock clock;
    private final Instant deadline;

    private RunFrame(GitWorkspace git, AgentSettings settings, GitWorkspace.Run run, Transcript transcript,
                     Cancellation.Registration stopChecks, Consumer<AgentEvent> listener, Clock clock) {
        this.git = git;
        this.settings = settings;
        this.run = run;
        this.transcript = transcript;
        this.stopChecks = stopChecks;
        this.listener = listener;
        this.clock = clock;
        this.deadline = clock.instant().plus(settings.timeout());
    }

    /** Snapshots the tree, opens the transcript, and lets Ctrl-C stop a running check. */
    static RunFrame begin(GitWorkspace git, AgentSettings settings, CheckRunner checks, Consumer<AgentEvent> listener,
                          Cancellation cancellation, Clock clock) throws IOException {
        GitWorkspace.Run run = settings.branch() == null
                ? git.begin(settings.task()) : git.begin(settings.task(), settings.branch());
        Transcript transcript = new Transcript(run.dir().resolve("transcript.jsonl"));
        return new RunFrame(git, settings, run, transcript, cancellation.onCancel(checks::cancel), listener, clock);
    }

    String id() {
        return run.id();
    }

    Transcript transcript() {
        return transcript;
    }

    /** Records an event in the transcript and tells the front end. */
    void emit(AgentEvent event) {
        transcript.event(event);
        listener.accept(event);
    }

    /** Streams the model's text to the front end and records retries. */
    void onChatEvent(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta delta) {
            listener.accept(new AgentEvent.ModelText(delta.text()));
        } else if (event instanceof ChatEvent.Retrying retrying) {
            emit(new AgentEvent.ModelRetrying(retrying.attempt(), retrying.delay(), retrying.reason()));
        }
    }

    /** Time left before {@code --timeout}; the run stops (time budget) when there is none. */
    Duration timeLeft() {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new OutOfTime();
        }
        return left;
    }

    /** Stops the run (time budget) once the deadline has passed. */
    void checkTime() {
        if (!clock.instant().isBefore(deadline)) {
            throw new OutOfTime();
        }
    }

    /** How a loop's body ended: its own stop reason, or the one the exception that stopped it stands for. */
    record Ending(StopReason reason, String detail) {
    }

    /** A loop's work, returning why it stopped. */
    @FunctionalInterface
    interface Body {
        StopReason run() throws IOException;
    }

    Ending drive(Body body) throws IOException {
        try {
            return new Ending(body.run(), null);
        } catch (BudgetExceededException budget) {
            return new Ending(StopReason.COST_BUDGET, budget.getMessage());
        } catch (ChatCancelledException cancelled) {
            return new Ending(StopReason.INTERRUPTED, null);
        } catch (ModelException failure) {
            return new Ending(StopReason.MODEL_ERROR, failure.getMessage());
        } catch (OutOfTime outOfTime) {
            return new Ending(StopReason.TIME_BUDGET, "--timeout of " + settings.timeout().toSeconds() + " s reached");
        }
    }

    /**
     * Records the run (committing only a successful one: a run that gave up leaves its changes
     * uncommitted for the user to judge, and {@code ratchet undo} drops them) and reports it.
     */
    RunResult finish(Ending ending, int iterations, FailureSummary baseline, FailureSummary latest, Spend spend)
            throws IOException {
        RunRecord record = git.finish(run, settings.model(), settings.commit() && ending.reason().success(), settings.verify());
        String note = record.note() == null || record.note().isEmpty() ? null : record.note();
        RunResult result = new RunResult(run.id(), ending.reason(), ending.detail() == null ? note : ending.detail(),
                iterations,
                record.files().stream().map(RunRecord.ChangedFile::path).toList(),
                git.diff(run.id()),
                baseline == null ? List.of() : List.copyOf(baseline.failingTests()),
                latest == null ? List.of() : List.copyOf(latest.failingTests()),
                latest == null ? null : latest.passed(),
                spend,
                record.commit(),
                record.outcome().name().toLowerCase(),
                transcript.file());
        emit(new AgentEvent.RunFinished(result));
        return result;
    }

    @Override
    public void close() throws IOException {
        try {
            stopChecks.close();
        } finally {
            transcript.close();
        }
    }

    /** The --timeout budget ran out. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }
}
