package dev.ratchet.agent;

import dev.ratchet.agent.tools.ApplyPatchTool;
import dev.ratchet.agent.tools.CommandAllowList;
import dev.ratchet.agent.tools.CommandApproval;
import dev.ratchet.agent.tools.ListFilesTool;
import dev.ratchet.agent.tools.ReadFileTool;
import dev.ratchet.agent.tools.RepoListing;
import dev.ratchet.agent.tools.RunCommandTool;
import dev.ratchet.agent.tools.RunTestsTool;
import dev.ratchet.agent.tools.SearchTool;
import dev.ratchet.agent.tools.ToolOutcome;
import dev.ratchet.agent.tools.Toolbox;
import dev.ratchet.check.CheckResult;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.check.FailureSummary;
import dev.ratchet.context.ConventionFiles;
import dev.ratchet.context.RepoFile;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ChatMessage;
import dev.ratchet.model.ChatRequest;
import dev.ratchet.model.ChatResponse;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ToolCall;
import dev.ratchet.workspace.GitWorkspace;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tool loop, SWE-bench style: the model gets the issue and function tools, explores the
 * repository, patches and tests by itself, and ends its turn when done. The loop runs the calls,
 * keeps the budgets (--max-iterations counts tool calls here), catches a model going in circles,
 * and checks the tests itself before it believes a run is done.
 */
public final class ToolLoop {
    /** Identical consecutive calls after which the model is told to change course; one more ends the run. */
    static final int REPEATS_BEFORE_NUDGE = 3;
    private static final int READ_PAGE_LINES = 400;
    private static final long READ_MAX_BYTES = 2L * 1024 * 1024;
    private static final int SEARCH_MAX_MATCHES = 100;
    private static final Duration SEARCH_TIME_LIMIT = Duration.ofSeconds(10);
    private static final int LIST_MAX_ENTRIES = 500;

    private final MeteredChatModel model;
    private final Applier applier;
    private final CheckRunner checks;
    private final FailureSummarizer summarizer;
    private final CommandApproval approval;
    private final Consumer<AgentEvent> listener;
    private final Cancellation cancellation;
    private final Clock clock;

    public ToolLoop(MeteredChatModel model, Applier applier, CheckRunner checks, FailureSummarizer summarizer,
                    CommandApproval approval, Consumer<AgentEvent> listener, Cancellation cancellation, Clock clock) {
        this.model = model;
        this.applier = applier;
        this.checks = checks;
        this.summarizer = summarizer;
        this.approval = approval;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    /** Runs the task to its end in the given repository; {@code allowList} says which commands run without asking. */
    public RunResult run(GitWorkspace git, AgentSettings settings, CommandAllowList allowList) throws IOException {
        try (RunFrame frame = RunFrame.begin(git, settings, checks, listener, cancellation, clock)) {
            return new Session(git, settings, allowList, frame).run();
        }
    }

    /** One run's state; lives only inside {@link #run}. */
    private final class Session {
        private final GitWorkspace git;
        private final AgentSettings settings;
        private final RunFrame frame;
        private final ToolPrompts prompts = new ToolPrompts();
        private final RepoListing listing;
        private final Toolbox toolbox;
        private final List<ChatMessage> conversation = new ArrayList<>();
        private int sentMessages;
        private int calls;
        private String lastCall;
        private int repeats;
        private boolean nudgedToContinue;
        private boolean anyApplied;
        private FailureSummary baseline;
        /** The last run of the whole suite, and whether files may have changed since. */
        private FailureSummary lastTests;
        private boolean changedSinceTests = true;

        Session(GitWorkspace git, AgentSettings settings, CommandAllowList allowList, RunFrame frame) {
            this.git = git;
            this.settings = settings;
            this.frame = frame;
            this.listing = new RepoListing(git.files(), git.workTree());
            this.toolbox = new Toolbox(List.of(
                    new ListFilesTool(listing, LIST_MAX_ENTRIES),
                    new ReadFileTool(listing, READ_PAGE_LINES, READ_MAX_BYTES),
                    new SearchTool(listing, SEARCH_MAX_MATCHES, SEARCH_TIME_LIMIT),
                    new ApplyPatchTool(git.files(), applier),
                    new RunTestsTool(settings.testCommand(), checks, summarizer, git.workTree(), settings.feedbackTokens(),
                            frame::timeLeft),
                    new RunCommandTool(git.workTree(), checks, allowList, approval, frame::timeLeft)));
        }

        RunResult run() throws IOException {
            emit(new AgentEvent.RunStarted(frame.id(), settings.task(), settings.model(), "tools", "apply-patch",
                    settings.testCommand() == null ? null : settings.testCommand().commandLine()));
            RunFrame.Ending ending = frame.drive(() -> {
                if (settings.testCommand() != null) {
                    baseline = runTests();
                }
                List<String> paths = listing.files().stream().map(RepoFile::path).toList();
                List<ConventionFiles.Document> conventions = new ConventionFiles()
                        .collect(git.workTree(), paths, settings.context().readFiles());
                conversation.add(new ChatMessage.SystemPrompt(prompts.system()));
                conversation.add(new ChatMessage.User(prompts.issue(settings.task(), conventions, baseline)));
                return loop();
            });
            return frame.finish(ending, calls, baseline, lastTests, model.ledger().spend());
        }

        private StopReason loop() {
            while (true) {
                ChatResponse response = ask();
                if (response.toolCalls().isEmpty()) {
                    StopReason end = modelFinished();
                    if (end != null) {
                        return end;
                    }
                    continue;
                }
                StopReason stop = null;
                for (ToolCall call : response.toolCalls()) {
                    if (stop != null) {
                        answer(call, "Not run: the run has ended.");
                    } else if (calls >= settings.maxIterations()) {
                        answer(call, prompts.budgetSpent(settings.maxIterations()));
                        stop = verified(StopReason.MAX_ITERATIONS);
                    } else {
                        stop = callTool(call);
                    }
                }
                if (stop != null) {
                    return stop;
                }
            }
        }

        /** Runs one call (unless it repeats itself); returns a stop reason when the run must end. */
        private StopReason callTool(ToolCall call) {
            frame.checkTime();
            calls++;
            Toolbox.Prepared prepared = toolbox.prepare(call);
            String key = prepared.name() + "\n" + prepared.canonicalArguments();
            repeats = key.equals(lastCall) ? repeats + 1 : 1;
            lastCall = key;
            ToolOutcome outcome;
            if (repeats > REPEATS_BEFORE_NUDGE) {
                outcome = ToolOutcome.failed(prompts.repeatedAgain(prepared.name()));
            } else if (repeats == REPEATS_BEFORE_NUDGE) {
                outcome = ToolOutcome.failed(prompts.repeated(prepared.name(), repeats));
                emit(new AgentEvent.Nudged(calls, "the same " + prepared.name() + " call " + repeats + " times in a row"));
            } else {
                outcome = toolbox.run(prepared);
            }
            emit(new AgentEvent.ToolCalled(calls, prepared.name(), prepared.summary(), outcome.ok(), outcome.summary()));
            track(outcome);
            answer(call, outcome.forModel());
            return repeats > REPEATS_BEFORE_NUDGE ? StopReason.REPEATED_CALLS : null;
        }

        /** Keeps the state the stop decisions need, and reports patches and test runs like the edit loop does. */
        private void track(ToolOutcome outcome) {
            ToolOutcome.Effect effect = outcome.effect();
            if (effect instanceof ToolOutcome.Effect.Patched patched) {
                if (!patched.application().writes().isEmpty()) {
                    anyApplied = true;
                    changedSinceTests = true;
                    emit(new AgentEvent.EditsApplied(calls, patched.application().applied(), patched.application().unifiedDiff()));
                }
                if (!patched.application().clean() || !patched.problems().isEmpty()) {
                    emit(new AgentEvent.EditsRefused(calls, patched.application().refused(), patched.problems()));
                }
            } else if (effect instanceof ToolOutcome.Effect.Tested tested) {
                emit(AgentEvent.TestsRan.of(calls, tested.command(), tested.summary(), null));
                if (!tested.narrowed()) {
                    lastTests = tested.summary();
                    changedSinceTests = false;
                }
            } else if (effect instanceof ToolOutcome.Effect.CommandRan) {
                changedSinceTests = true;
            }
        }

        /** The model ended its turn: done if the tests pass, one nudge if they fail, then stop. */
        private StopReason modelFinished() {
            if (settings.testCommand() == null) {
                return anyApplied ? StopReason.EDITS_APPLIED : StopReason.NO_EDITS;
            }
            FailureSummary tests = currentTests();
            if (tests.passed()) {
                return StopReason.TESTS_PASS;
            }
            if (nudgedToContinue) {
                return StopReason.STOPPED_WITH_FAILING_TESTS;
            }
            nudgedToContinue = true;
            emit(new AgentEvent.Nudged(calls, "ended its turn while the tests fail"));
            conversation.add(new ChatMessage.User(prompts.stoppedWithFailures(tests)));
            return null;
        }

        /** At the tool-call limit a run whose tests pass is still done. */
        private StopReason verified(StopReason otherwise) {
            return settings.testCommand() != null && currentTests().passed() ? StopReason.TESTS_PASS : otherwise;
        }

        /** The whole suite's result for the tree as it is now, running it only if something changed since. */
        private FailureSummary currentTests() {
            if (changedSinceTests || lastTests == null) {
                lastTests = runTests();
                changedSinceTests = false;
            }
            return lastTests;
        }

        private FailureSummary runTests() {
            CheckResult result = checks.run(settings.testCommand(), frame.timeLeft());
            if (result.interrupted() || cancellation.isCancelled()) {
                throw new ChatCancelledException();
            }
            if (result.timedOut()) {
                frame.checkTime();
            }
            FailureSummary summary = summarizer.summarize(result, git.workTree(), settings.feedbackTokens());
            emit(AgentEvent.TestsRan.of(calls, settings.testCommand().commandLine(), summary, null));
            return summary;
        }

        private ChatResponse ask() {
            frame.checkTime();
            frame.transcript().request(calls, settings.model(), conversation.size(),
                    List.copyOf(conversation.subList(sentMessages, conversation.size())));
            emit(new AgentEvent.ModelWaiting(calls, 1, conversation.size()));
            ChatRequest request = ChatRequest.of(settings.model(), conversation).withTools(toolbox.specs())
                    .withParallelToolCalls(false);
            ChatResponse response = model.send(request, frame::onChatEvent, cancellation);
            conversation.add(response.asMessage());
            sentMessages = conversation.size();
            emit(new AgentEvent.ModelReplied(calls, response.text(), response.finishReason(), response.usage(),
                    model.ledger().spend()));
            return response;
        }

        private void answer(ToolCall call, String content) {
            conversation.add(new ChatMessage.ToolResult(call.id(), content));
        }

        private void emit(AgentEvent event) {
            frame.emit(event);
        }
    }
}
