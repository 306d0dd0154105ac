package dev.ratchet.agent.tools;

import dev.ratchet.check.FailureSummary;
import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.format.ParseProblem;
import java.util.List;
import java.util.Objects;

/**
 * What one tool call did: the text the model reads, one line for people, and what it changed in
 * the run's state (a patch, a test run), so the loop can report it and track the tests.
 *
 * @param ok      false when the call failed or was refused; the text says why
 * @param summary the outcome in a few words, e.g. "59 lines" or "refused: 1 hunk did not match"
 */
public record ToolOutcome(boolean ok, String forModel, String summary, Effect effect) {
    public ToolOutcome {
        Objects.requireNonNull(forModel, "forModel");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(effect, "effect");
    }

    public static ToolOutcome done(String forModel, String summary) {
        return new ToolOutcome(true, forModel, summary, new Effect.None());
    }

    public static ToolOutcome failed(String message) {
        return new ToolOutcome(false, "Error: " + message, firstLine(message), new Effect.None());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= 100 ? line : line.substring(0, 100) + "…";
    }

    /** What a call changed beyond its answer. */
    public sealed interface Effect {
        /** Nothing: a read, a listing, a search, a refused command. */
        record None() implements Effect {
        }

        /** A patch went through the applier; some, all or none of it was written. */
        record Patched(Application application, List<ParseProblem> problems) implements Effect {
            public Patched {
                problems = List.copyOf(problems);
            }
        }

        /** A shell command ran (it may have changed files behind the workspace's back). */
        record CommandRan(String command, int exitCode) implements Effect {
        }

        /** The tests ran; {@code narrowed} when only some tests were asked for, so a pass proves little. */
        record Tested(String command, FailureSummary summary, boolean narrowed) implements Effect {
        }
    }
}
