package dev.ratchet.hook;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.check.CheckResult;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.context.ConventionFiles;
import dev.ratchet.context.ExclusionRules;
import dev.ratchet.model.BudgetExceededException;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ModelException;
import dev.ratchet.model.Spend;
import dev.ratchet.agent.RunResult;
import dev.ratchet.agent.StopReason;
import dev.ratchet.workspace.GitRefusalException;
import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.StagedFix;
import dev.ratchet.workspace.StagedChanges;
import dev.ratchet.workspace.UnstagedChanges;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One pre-commit check: sets unstaged changes aside, runs the tests and lint on exactly what is
 * staged, in fix mode lets the edit loop fix a failure and stages the fix, has a model review the
 * staged diff, and puts the unstaged changes back, whatever happens.
 */
public final class PreCommitCheck {
    private static final int FEEDBACK_TOKENS = 4_000;

    private final CheckRunner checks;
    private final Supplier<FailureSummarizer> summarizers;
    /** Built on the first failure only: its tokenizer takes ~0.3 s to load, a third of a green hook's time. */
    private FailureSummarizer summarizer;
    private final Cancellation cancellation;
    private final Consumer<String> say;
    private final Clock clock;

    /** {@code say} gets the few lines the user must see at once (recovered changes, a skipped review). */
    public PreCommitCheck(CheckRunner checks, Supplier<FailureSummarizer> summarizers, Cancellation cancellation,
            Consumer<String> say, Clock clock) {
        this.checks = checks;
        this.summarizers = summarizers;
        this.cancellation = cancellation;
        this.say = say;
        this.clock = clock;
    }

    public HookOutcome run(GitWorkspace git, HookSettings settings) throws IOException {
        Instant start = clock.instant();
        Instant deadline = start.plus(settings.timeout());
        UnstagedChanges unstaged = git.unstagedChanges();
        unstaged.recoverLeftover().ifPresent(this::report);
        StagedChanges staged = git.stagedChanges(PreCommitCheck::withheld);
        if (staged.isEmpty()) {
            return new HookOutcome(false, List.of(), "nothing staged", spend(settings),
                    Duration.between(start, clock.instant()), null);
        }
        List<Finding> findings = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        Fixed fixed = null;
        Path fixPatch = null;
        try (UnstagedChanges.SetAside aside = unstaged.setAside(); RestoreOnExit guard = new RestoreOnExit(aside)) {
            Checked checked = runChecks(settings, git, deadline);
            if (!checked.passed() && settings.mode() == HookMode.FIX) {
                Fix fix = fix(git, settings, staged, aside, deadline);
                fixPatch = fix.patch();
                if (fix.fixed() != null) {
                    fixed = fix.fixed();
                    checked = fixed.recheck();
                    staged = git.stagedChanges(PreCommitCheck::withheld); // the review reads what will be committed now
                }
                summary.add(fix.note());
            }
            findings.addAll(checked.findings());
            summary.add(checked.summary());
            summary.add(review(settings, git, staged, findings));
        }
        if (fixed != null) {
            // Only now are the user's versions back: the fix goes into them too, next to their unstaged hunks.
            git.stagedFix().writeMerged(fixed.merged());
        }
        boolean blocked = findings.stream().anyMatch(Finding::blocking);
        return new HookOutcome(blocked, findings, String.join(", ", summary), spend(settings),
                Duration.between(start, clock.instant()), fixPatch);
    }

    /** A fix that is staged: the checks' second run, and the fix merged into the user's unstaged versions. */
    private record Fixed(Checked recheck, StagedFix.Merged merged) {
    }

    /** What fix mode did: {@code fixed} is null when no green fix was staged; {@code patch} is the proposal kept for the user. */
    private record Fix(Fixed fixed, Path patch, String note) {
    }

    private Fix fix(GitWorkspace git, HookSettings settings, StagedChanges staged, UnstagedChanges.SetAside aside,
            Instant deadline) throws IOException {
        if (settings.model() == null) {
            say.accept("cannot fix: " + settings.noModel());
            return new Fix(null, null, "no fix (no model)");
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.toSeconds() < 1) {
            return new Fix(null, null, "no fix (--timeout reached)");
        }
        RunResult result;
        try {
            result = new FixRun(checks, cancellation, clock).run(git, settings, staged.files(), left);
        } catch (ModelException | BudgetExceededException failed) {
            return new Fix(null, null, "no fix (" + failed.getMessage() + ")");
        } catch (GitRefusalException refused) {
            // e.g. a merge being concluded: the edit loop refuses before it changes anything
            return new Fix(null, null, "no fix (" + refused.getMessage() + ")");
        }
        if (result.reason() == StopReason.INTERRUPTED) {
            undo(git, result);
            throw new HookInterruptedException();
        }
        List<String> changed = result.filesChanged();
        if (changed.isEmpty()) {
            return new Fix(null, null, "no fix (" + result.reason().description() + ")");
        }
        StagedFix stagedFix = git.stagedFix();
        Path patch = stagedFix.savePatch("fix-" + result.runId(), result.diff());
        List<String> outside = changed.stream().filter(path -> !staged.files().contains(path)).toList();
        if (!result.reason().success() || !outside.isEmpty()) {
            undo(git, result);
            return new Fix(null, patch, !outside.isEmpty()
                    ? "no fix (it changed files that are not staged: " + String.join(", ", outside) + ")"
                    : "no fix (" + result.reason().description() + ")");
        }
        Optional<StagedFix.Merged> merged = stagedFix.merge(aside, changed);
        if (merged.isEmpty()) {
            undo(git, result);
            return new Fix(null, patch, "no fix (it overlaps your unstaged changes)");
        }
        stagedFix.stage(changed);
        Checked recheck = runChecks(settings, git, deadline);
        if (!recheck.passed()) {
            undo(git, result);
            return new Fix(null, patch, "no fix (the checks still fail with it staged)");
        }
        return new Fix(new Fixed(recheck, merged.get()), null, "fixed and staged " + String.join(", ", changed));
    }

    /** Takes a fix back: the run's files and their index entries exactly as before the edit loop. */
    private static void undo(GitWorkspace git, RunResult result) throws IOException {
        if (!result.filesChanged().isEmpty()) {
            git.undo(result.runId());
        }
    }

    /** What the tests and lint found, and a few words on it. */
    record Checked(List<Finding> findings, String summary, boolean passed) {
    }

    Checked runChecks(HookSettings settings, GitWorkspace git, Instant deadline) {
        List<Finding> findings = new ArrayList<>();
        List<String> words = new ArrayList<>();
        if (settings.tests() != null) {
            CheckResult result = run(settings.tests(), deadline);
            if (!result.passed()) {
                findings.addAll(CheckFindings.ofTests(result, summarizer().summarize(result, git.workTree(), FEEDBACK_TOKENS)));
            }
            words.add("tests " + verdict(result));
        }
        if (settings.lint() != null) {
            CheckResult result = run(settings.lint(), deadline);
            findings.addAll(CheckFindings.ofLint(result));
            words.add("lint " + verdict(result));
        }
        if (words.isEmpty()) {
            words.add("no checks configured");
        }
        return new Checked(findings, String.join(", ", words), findings.isEmpty());
    }

    private FailureSummarizer summarizer() {
        if (summarizer == null) {
            summarizer = summarizers.get();
        }
        return summarizer;
    }

    private CheckResult run(CheckCommand command, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        CheckResult result = checks.run(command, left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
        if (result.interrupted() || cancellation.isCancelled()) {
            throw new HookInterruptedException();
        }
        return result;
    }

    private static String verdict(CheckResult result) {
        return result.timedOut() ? "timed out (--timeout)" : result.passed() ? "passed" : "failed";
    }

    /** Reviews the staged diff; a model that cannot be used only warns, unless --strict makes it block. */
    private String review(HookSettings settings, GitWorkspace git, StagedChanges staged, List<Finding> findings) {
        if (settings.review() == ReviewPolicy.OFF) {
            return "review off";
        }
        if (settings.model() == null) {
            return reviewSkipped(settings, settings.noModel(), findings);
        }
        if (staged.diff().isBlank()) {
            return "review: nothing to send"; // every staged file is withheld (secrets, generated files)
        }
        List<ConventionFiles.Document> rules = new ConventionFiles().collect(git.workTree(), staged.files(), settings.readFiles());
        StagedReview.Answer answer;
        try {
            answer = new StagedReview(settings.model(), settings.reviewModel(), cancellation)
                    .review(staged, rules, settings.review() == ReviewPolicy.BLOCK);
        } catch (ModelException | BudgetExceededException failed) {
            return reviewSkipped(settings, "the review failed: " + failed.getMessage(), findings);
        }
        if (!answer.readable()) {
            return reviewSkipped(settings, "the review answer was neither OK nor path:line: message lines", findings);
        }
        findings.addAll(answer.findings());
        int count = answer.findings().size();
        return "review: " + (count == 0 ? "OK" : count + " finding" + (count == 1 ? "" : "s"));
    }

    private String reviewSkipped(HookSettings settings, String why, List<Finding> findings) {
        if (settings.strict()) {
            findings.add(Finding.general("no model review (" + why + "); --strict blocks without one", true));
            return "review missing";
        }
        say.accept("warning: " + why + "; the model review is skipped, checks still ran");
        return "review skipped";
    }

    private void report(UnstagedChanges.Recovery recovery) {
        if (!recovery.restored().isEmpty()) {
            say.accept("restored unstaged changes an earlier, stopped hook run had set aside: "
                    + String.join(", ", recovery.restored()));
        }
        if (!recovery.kept().isEmpty()) {
            say.accept("left as they are, because they changed since: " + String.join(", ", recovery.kept())
                    + "; their set-aside versions are in " + recovery.stashDir());
        }
    }

    /** Secrets never go to the model; generated files would only spend the review's budget. */
    private static boolean withheld(String path) {
        return new ExclusionRules(Long.MAX_VALUE).reasonToExclude(path, 0).isPresent();
    }

    private static Spend spend(HookSettings settings) {
        return settings.model() == null ? Spend.NOTHING : settings.model().ledger().spend();
    }
}
