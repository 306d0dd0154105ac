package dev.ratchet.agent;

import dev.ratchet.check.CheckResult;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.check.FailureSummary;
import dev.ratchet.check.TestDelta;
import dev.ratchet.context.AssembledContext;
import dev.ratchet.context.ContextAssembler;
import dev.ratchet.context.ContextRequest;
import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.edit.apply.Refusal;
import dev.ratchet.edit.format.EditFormats;
import dev.ratchet.edit.format.ParsedReply;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatCancelledException;
import dev.ratchet.model.ChatMessage;
import dev.ratchet.model.ChatRequest;
import dev.ratchet.model.ChatResponse;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.workspace.GitWorkspace;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The edit loop: context, ask for edits, apply them, run the tests, send failures back, repeat.
 * Each stage is someone else's class; this one only wires them and keeps the budgets.
 */
public final class EditLoop {
    /** Refusals of the same file after which the model is asked for the whole file instead. */
    private static final int REFUSALS_BEFORE_WHOLE_FILE = 2;
    /**
     * Largest file asked for whole: GPT-4.1 replies are capped at 32,768 tokens, and source code
     * runs at about 4 bytes per o200k token, so 64 KiB (~16k tokens) leaves room for the prose.
     */
    private static final int WHOLE_FILE_MAX_BYTES = 64 * 1024;

    private final MeteredChatModel model;
    private final ContextAssembler assembler;
    private final Applier applier;
    private final CheckRunner checks;
    private final FailureSummarizer summarizer;
    private final Consumer<AgentEvent> listener;
    private final Cancellation cancellation;
    private final Clock clock;

    public EditLoop(MeteredChatModel model, ContextAssembler assembler, Applier applier, CheckRunner checks,
                    FailureSummarizer summarizer, Consumer<AgentEvent> listener, Cancellation cancellation, Clock clock) {
        this.model = model;
        this.assembler = assembler;
        this.applier = applier;
        this.checks = checks;
        this.summarizer = summarizer;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    /** Runs the task to its end in the given repository and reports how it ended. */
    public RunResult run(GitWorkspace git, AgentSettings settings) throws IOException {
        try (RunFrame frame = RunFrame.begin(git, settings, checks, listener, cancellation, clock)) {
            return new Session(git, settings, frame).run();
        }
    }

    /** One run's state; lives only inside {@link #run}. */
    private final class Session {
        private final GitWorkspace git;
        private final AgentSettings settings;
        private final RunFrame frame;
        private final EditPrompts prompts;
        private final List<ChatMessage> conversation = new ArrayList<>();
        private final Map<String, Integer> refusalsByPath = new HashMap<>();
        private int sentMessages;
        private int iteration;
        private FailureSummary baseline;

        Session(GitWorkspace git, AgentSettings settings, RunFrame frame) {
            this.git = git;
            this.settings = settings;
            this.frame = frame;
            this.prompts = new EditPrompts(EditFormats.named(settings.editFormat()));
        }

        RunResult run() throws IOException {
            String testCommand = settings.testCommand() == null ? null : settings.testCommand().commandLine();
            emit(new AgentEvent.RunStarted(frame.id(), settings.task(), settings.model(), "edit", settings.editFormat(), testCommand));
            RunFrame.Ending ending = frame.drive(() -> {
                if (settings.testCommand() != null) {
                    baseline = runTests(null);
                }
                startConversation(baseline);
                return loop(baseline);
            });
            return frame.finish(ending, iteration, baseline, lastTests != null ? lastTests : baseline, model.ledger().spend());
        }

        private FailureSummary lastTests;

        private void startConversation(FailureSummary baseline) throws IOException {
            String feedback = baseline == null || baseline.passed() ? "" : prompts.baselineFeedback(baseline);
            AssembledContext context = assembler.assemble(git.workTree(),
                    new ContextRequest(prompts.system(), settings.task(), feedback, prompts.closing()), settings.context());
            emit(new AgentEvent.ContextReady(context.mode().name().toLowerCase(), context.totalTokens(), context.files().size()));
            for (AssembledContext.Message message : context.messages()) {
                conversation.add(message.role().equals("system")
                        ? new ChatMessage.SystemPrompt(message.content())
                        : new ChatMessage.User(message.content()));
            }
        }

        private StopReason loop(FailureSummary baseline) throws IOException {
            boolean anyApplied = false;
            FailureSummary previous = baseline;
            while (iteration < settings.maxIterations()) {
                iteration++;
                emit(new AgentEvent.IterationStarted(iteration));
                EditRound round = editRound();
                anyApplied |= round.applied();
                if (round.outcome() != null && !anyApplied) {
                    return round.outcome();
                }
                FailureSummary lint = settings.lintCommand() == null ? null : runLint();
                if (settings.testCommand() == null) {
                    emit(new AgentEvent.IterationEnded(iteration, lint == null ? "no tests run"
                            : "no tests run · " + lint.headline(), model.ledger().spend()));
                    if (lint != null && !lint.passed()) {
                        say(prompts.lintFailures(lint));
                        continue;
                    }
                    if (round.outcome() == null) {
                        return StopReason.EDITS_APPLIED;
                    }
                    continue;
                }
                FailureSummary after = runTests(previous);
                lastTests = after;
                TestDelta delta = previous == null ? null : TestDelta.between(previous, after);
                String testsLine = delta == null ? after.headline() : delta.oneLine();
                emit(new AgentEvent.IterationEnded(iteration, lint == null || lint.passed() ? testsLine
                        : testsLine + " · lint failing", model.ledger().spend()));
                boolean lintPassed = lint == null || lint.passed();
                if (after.passed() && lintPassed && round.outcome() == null) {
                    return StopReason.TESTS_PASS;
                }
                if (!after.passed()) {
                    say(prompts.testFailures(after, delta));
                }
                if (!lintPassed) {
                    say(prompts.lintFailures(lint));
                }
                previous = after;
            }
            return StopReason.MAX_ITERATIONS;
        }

        /** Why an edit round could not get its edits in (null when it could), and whether anything applied. */
        private record EditRound(StopReason outcome, boolean applied) {
        }

        /** Asks for edits and applies them, sending refusals back up to the retry limit. */
        private EditRound editRound() throws IOException {
            boolean applied = false;
            int noEditReplies = 0;
            for (int attempt = 0; attempt <= settings.refusalRetries(); attempt++) {
                ChatResponse response = ask(attempt);
                ParsedReply parsed = EditFormats.named("auto").parse(response.text());
                if (parsed.plan().isEmpty() && parsed.problems().isEmpty()) {
                    emit(new AgentEvent.NoEdits(iteration));
                    if (++noEditReplies > 1) {
                        return new EditRound(StopReason.NO_EDITS, applied);
                    }
                    say(prompts.noEdits());
                    continue;
                }
                Application application = applier.apply(parsed.plan(), git.files());
                if (!application.writes().isEmpty()) {
                    git.files().write(application.writes());
                    applied = true;
                }
                if (!application.applied().isEmpty()) {
                    emit(new AgentEvent.EditsApplied(iteration, application.applied(), application.unifiedDiff()));
                }
                if (application.clean() && parsed.problems().isEmpty()) {
                    return new EditRound(null, applied);
                }
                emit(new AgentEvent.EditsRefused(iteration, application.refused(), parsed.problems()));
                Set<String> wholeFile = new TreeSet<>();
                for (Refusal refusal : application.refused()) {
                    if (refusalsByPath.merge(refusal.path(), 1, Integer::sum) >= REFUSALS_BEFORE_WHOLE_FILE
                            && fitsInOneReply(refusal.path())) {
                        wholeFile.add(refusal.path());
                    }
                }
                say(prompts.refusals(application.refused(), parsed.problems(), !application.writes().isEmpty(), wholeFile));
            }
            return new EditRound(StopReason.EDITS_REFUSED, applied);
        }

        private boolean fitsInOneReply(String path) {
            try {
                return git.files().read(path).map(bytes -> bytes.length <= WHOLE_FILE_MAX_BYTES).orElse(false);
            } catch (IOException unreadable) {
                return false;
            }
        }

        private ChatResponse ask(int attempt) {
            frame.checkTime();
            List<ChatMessage> added = conversation.subList(sentMessages, conversation.size());
            frame.transcript().request(iteration, settings.model(), conversation.size(), List.copyOf(added));
            sentMessages = conversation.size();
            emit(new AgentEvent.ModelWaiting(iteration, attempt + 1, conversation.size()));
            ChatRequest request = ChatRequest.of(settings.model(), conversation);
            ChatResponse response = model.send(request, frame::onChatEvent, cancellation);
            conversation.add(response.asMessage());
            sentMessages = conversation.size();
            emit(new AgentEvent.ModelReplied(iteration, response.text(), response.finishReason(), response.usage(),
                    model.ledger().spend()));
            return response;
        }

        private FailureSummary runTests(FailureSummary previous) {
            CheckResult result = checks.run(settings.testCommand(), frame.timeLeft());
            if (result.interrupted() || cancellation.isCancelled()) {
                throw new ChatCancelledException();
            }
            if (result.timedOut()) {
                frame.checkTime();
            }
            FailureSummary summary = summarizer.summarize(result, git.workTree(), settings.feedbackTokens());
            TestDelta delta = previous == null ? null : TestDelta.between(previous, summary);
            emit(AgentEvent.TestsRan.of(iteration, settings.testCommand().commandLine(), summary, delta));
            return summary;
        }

        private FailureSummary runLint() {
            CheckResult result = checks.run(settings.lintCommand(), frame.timeLeft());
            if (result.interrupted() || cancellation.isCancelled()) {
                throw new ChatCancelledException();
            }
            FailureSummary summary = summarizer.summarizeLint(result, settings.feedbackTokens());
            emit(new AgentEvent.LintRan(iteration, settings.lintCommand().commandLine(), summary.passed(), summary.headline()));
            return summary;
        }

        private void say(String text) {
            conversation.add(new ChatMessage.User(text));
        }

        private void emit(AgentEvent event) {
            frame.emit(event);
        }
    }
}
