package dev.ratchet.agent;

import dev.ratchet.check.FailureSummary;
import dev.ratchet.check.TestDelta;
import dev.ratchet.edit.apply.AppliedChange;
import dev.ratchet.edit.apply.Refusal;
import dev.ratchet.edit.format.ParseProblem;
import dev.ratchet.model.Spend;
import dev.ratchet.model.Usage;
import java.time.Duration;
import java.util.List;

/** What the loop reports as it works; front ends (terminal, JSON lines, transcript) listen. */
public sealed interface AgentEvent {

    /** The event's name in JSON output. */
    default String type() {
        String name = getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The run began; the working tree was snapshotted. {@code mode} is "edit" or "tools", the loop that runs. */
    record RunStarted(String runId, String task, String model, String mode, String editFormat, String testCommand) implements AgentEvent {
    }

    /** The context for the first request was assembled. */
    record ContextReady(String mode, int tokens, int files) implements AgentEvent {
    }

    /** An iteration began. */
    record IterationStarted(int iteration) implements AgentEvent {
    }

    /** A request went to the model; the reply is awaited. */
    record ModelWaiting(int iteration, int attempt, int messages) implements AgentEvent {
    }

    /** A piece of the reply text as it streams. */
    record ModelText(String text) implements AgentEvent {
    }

    /** A request failed and is retried; text already shown from that attempt is void. */
    record ModelRetrying(int attempt, Duration delay, String reason) implements AgentEvent {
    }

    /** The model's reply is complete. */
    record ModelReplied(int iteration, String text, String finishReason, Usage usage, Spend spend) implements AgentEvent {
    }

    /** Edits were written to the working tree. */
    record EditsApplied(int iteration, List<AppliedChange> changes, String diff) implements AgentEvent {
    }

    /** Edits were refused (or could not be parsed); the reasons go back to the model. */
    record EditsRefused(int iteration, List<Refusal> refusals, List<ParseProblem> problems) implements AgentEvent {
    }

    /** The reply described a change but held no edit. */
    record NoEdits(int iteration) implements AgentEvent {
    }

    /**
     * Tool loop: one tool call ran (or was refused); {@code call} counts calls from 1,
     * {@code arguments} sums them up in a few words, {@code outcome} likewise.
     */
    record ToolCalled(int call, String tool, String arguments, boolean ok, String outcome) implements AgentEvent {
    }

    /** Tool loop: the model was told to change course (a repeated call, or stopping while tests fail). */
    record Nudged(int call, String reason) implements AgentEvent {
    }

    /** The tests ran; iteration 0 is the baseline before any edit. */
    record TestsRan(int iteration, String command, boolean passed, String headline, List<String> failing,
                    String delta) implements AgentEvent {
        static TestsRan of(int iteration, String command, FailureSummary summary, TestDelta delta) {
            return new TestsRan(iteration, command, summary.passed(), summary.headline(),
                    List.copyOf(summary.failingTests()), delta == null ? null : delta.oneLine());
        }
    }

    /** The lint command ran after an iteration's edits. */
    record LintRan(int iteration, String command, boolean passed, String headline) implements AgentEvent {
    }

    /** An iteration ended; one line for people. */
    record IterationEnded(int iteration, String tests, Spend spend) implements AgentEvent {
    }

    /** The run ended. */
    record RunFinished(RunResult result) implements AgentEvent {
    }
}
