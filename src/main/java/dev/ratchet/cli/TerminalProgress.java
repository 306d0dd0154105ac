package dev.ratchet.cli;

import dev.ratchet.agent.AgentEvent;
import dev.ratchet.agent.RunResult;
import dev.ratchet.edit.apply.AppliedChange;
import dev.ratchet.edit.apply.ClosestLine;
import dev.ratchet.edit.apply.Refusal;
import dev.ratchet.edit.format.ParseProblem;
import dev.ratchet.model.Money;
import dev.ratchet.model.Spend;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The run as people read it: the model's text as it streams, a spinner while waiting (terminal
 * only), each applied change as a coloured diff, one line per iteration, and a closing summary.
 * Piped output gets the same lines without colour or spinner.
 */
final class TerminalProgress implements Consumer<AgentEvent> {
    private final PrintWriter out;
    private final Colour colour;
    private final Spinner spinner;
    private final boolean verbose;
    private boolean midLine;
    private boolean toolMode;

    TerminalProgress(PrintWriter out, Colour colour, Spinner spinner, boolean verbose) {
        this.out = out;
        this.colour = colour;
        this.spinner = spinner;
        this.verbose = verbose;
    }

    @Override
    public synchronized void accept(AgentEvent event) {
        if (!(event instanceof AgentEvent.ModelText)) {
            spinner.stop();
        }
        if (event instanceof AgentEvent.RunStarted e) {
            String task = e.task().strip();
            int newline = task.indexOf('\n');
            line(colour.bold("ratchet") + " run " + e.runId() + ": " + (newline < 0 ? task : task.substring(0, newline) + " …"));
            toolMode = e.mode().equals("tools");
            line(colour.dim("  model " + e.model() + (toolMode ? " · tool loop" : "") + " · edit format " + e.editFormat() + " · tests: "
                    + (e.testCommand() == null ? "none" : e.testCommand())));
        } else if (event instanceof AgentEvent.ContextReady e) {
            line(colour.dim(String.format(Locale.ROOT, "  context: %s, %,d tokens, %d files", e.mode(), e.tokens(), e.files())));
        } else if (event instanceof AgentEvent.IterationStarted e) {
            line("");
            line(colour.bold("── iteration " + e.iteration()));
        } else if (event instanceof AgentEvent.ModelWaiting e) {
            if (verbose) {
                line(colour.dim("  request " + e.attempt() + ": " + e.messages() + " messages"));
            }
            spinner.start("waiting for the model");
        } else if (event instanceof AgentEvent.ModelText e) {
            spinner.stop();
            out.print(e.text());
            midLine = !e.text().endsWith("\n");
            out.flush();
        } else if (event instanceof AgentEvent.ModelRetrying e) {
            line(colour.yellow(String.format(Locale.ROOT, "  retrying in %.1f s (attempt %d): %s; text above is discarded",
                    e.delay().toMillis() / 1000.0, e.attempt(), e.reason())));
        } else if (event instanceof AgentEvent.ModelReplied e) {
            endLine();
            line(colour.dim("  reply: " + tokens(e.usage() == null ? 0 : e.usage().promptTokens(),
                    e.usage() == null ? 0 : e.usage().completionTokens()) + " · session " + cost(e.spend())));
        } else if (event instanceof AgentEvent.EditsApplied e) {
            for (AppliedChange change : e.changes()) {
                line(colour.green("  " + change.action()) + " " + change.path()
                        + (change.hunks() > 0 ? " (" + change.hunks() + (change.hunks() == 1 ? " hunk)" : " hunks)") : ""));
            }
            if (!e.diff().isBlank()) {
                out.print(colour.diff(e.diff().endsWith("\n") ? e.diff() : e.diff() + "\n"));
            }
        } else if (event instanceof AgentEvent.EditsRefused e) {
            for (ParseProblem problem : e.problems()) {
                line(colour.red("  refused") + " reply line " + problem.line() + ": " + problem.message());
            }
            for (Refusal refusal : e.refusals()) {
                line(colour.red("  refused") + " " + refusal.path() + (refusal.hunk() > 0 ? ", hunk " + refusal.hunk() : "")
                        + ": " + refusal.reason());
                for (ClosestLine closest : refusal.closest()) {
                    line(colour.dim(String.format(Locale.ROOT, "    %5d | %s", closest.line(), closest.text())));
                }
            }
            line(colour.dim("  sending the refusals back to the model"));
        } else if (event instanceof AgentEvent.ToolCalled e) {
            String head = String.format(Locale.ROOT, "  %2d %s", e.call(), e.tool());
            String arguments = e.arguments().replace('\n', ' ');
            line((e.ok() ? colour.cyan(head) : colour.yellow(head)) + " " + (arguments.length() > 80 ? arguments.substring(0, 80) + "…" : arguments)
                    + colour.dim(" → ") + (e.ok() ? e.outcome() : colour.yellow(e.outcome())));
        } else if (event instanceof AgentEvent.Nudged e) {
            line(colour.yellow("  nudging the model: " + e.reason()));
        } else if (event instanceof AgentEvent.NoEdits) {
            line(colour.yellow("  the reply held no edit; asking again"));
        } else if (event instanceof AgentEvent.TestsRan e) {
            String label = e.iteration() == 0 ? "tests before any change: " : "tests: ";
            line((e.passed() ? colour.green("  " + label) : colour.red("  " + label)) + e.headline());
            if (!e.failing().isEmpty() && e.failing().size() <= 10) {
                e.failing().forEach(name -> line(colour.dim("    failing " + name)));
            }
        } else if (event instanceof AgentEvent.LintRan e) {
            line((e.passed() ? colour.green("  lint: ") : colour.red("  lint: ")) + e.headline());
        } else if (event instanceof AgentEvent.IterationEnded e) {
            line(colour.bold(String.format(Locale.ROOT, "iteration %d: %s · %s", e.iteration(), e.tests(), cost(e.spend()))));
        } else if (event instanceof AgentEvent.RunFinished e) {
            summary(e.result());
        }
        out.flush();
    }

    private void summary(RunResult result) {
        line("");
        String headline = (result.reason().success() ? colour.green("done: ") : colour.red("stopped: "))
                + result.reason().description();
        line(colour.bold(headline) + (result.detail() == null ? "" : " (" + result.detail() + ")"));
        String unit = toolMode ? " tool call" : " iteration";
        line(String.format(Locale.ROOT, "  %d%s%s · %s", result.iterations(), unit, result.iterations() == 1 ? "" : "s",
                cost(result.spend())));
        if (!result.filesChanged().isEmpty()) {
            line("  files changed: " + String.join(", ", result.filesChanged()));
        }
        if (result.commit() != null) {
            line("  committed " + result.commit().substring(0, Math.min(10, result.commit().length()))
                    + " · undo with: ratchet undo " + result.runId());
        } else if (!result.filesChanged().isEmpty()) {
            line("  changes left uncommitted in the working tree · undo with: ratchet undo " + result.runId());
        }
        line(colour.dim("  transcript: " + result.transcript()));
    }

    private static String tokens(long in, long outTokens) {
        return String.format(Locale.ROOT, "%,d tokens in, %,d out", in, outTokens);
    }

    private static String cost(Spend spend) {
        return String.format(Locale.ROOT, "%,d tokens, %s", spend.usage().totalTokens(),
                spend.cost().map(Money::format).orElse("cost unknown"));
    }

    private void endLine() {
        if (midLine) {
            out.println();
            midLine = false;
        }
    }

    private void line(String text) {
        endLine();
        out.println(text);
    }
}
