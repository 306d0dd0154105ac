package dev.ratchet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.check.CheckCommand;
import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.context.ContextAssembler;
import dev.ratchet.context.ContextOptions;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.model.Cancellation;
import dev.ratchet.model.ChatModelFactory;
import dev.ratchet.model.MeteredChatModel;
import dev.ratchet.model.ModelSettings;
import dev.ratchet.model.Provider;
import dev.ratchet.model.TokenCounter;
import dev.ratchet.workspace.GitWorkspace;
import dev.ratchet.workspace.RunRecord;
import dev.ratchet.workspace.ScratchRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C while the model is answering: the request is abandoned, and the run is still recorded and undoable. */
class EditLoopInterruptTest {

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    @Test
    void cancellingDuringAStalledReplyStopsCleanlyAndRecordsTheRun() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(source.resolve("app.py"), "print('hi')\n");
        Path repo = ScratchRepository.create(source, temp.resolve("repo"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        TokenCounter counter = new TokenCounter();
        ModelSettings settings = new ModelSettings("gpt-4.1", Provider.OPENAI, server.url("/v1").toString(), "sk-test",
                "OPENAI_API_KEY", null, null, 0, Duration.ofSeconds(30), null, null, null, null, null, null);
        MeteredChatModel model = ChatModelFactory.create(settings, counter);
        Cancellation cancellation = new Cancellation();
        List<AgentEvent> events = new ArrayList<>();
        EditLoop loop = new EditLoop(model, new ContextAssembler(counter), new Applier(), new CheckRunner(),
                new FailureSummarizer(counter), events::add, cancellation, Clock.systemUTC());
        AgentSettings run = new AgentSettings("say hello instead", "gpt-4.1", "apply-patch",
                CheckCommand.shell("true", repo, "test"), null, ContextOptions.defaults(), 3, 1, Duration.ofMinutes(2),
                2000, true, null, true);

        ScheduledExecutorService pressCtrlC = Executors.newSingleThreadScheduledExecutor();
        pressCtrlC.schedule(cancellation::cancel, 700, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        RunResult result;
        try (GitWorkspace git = GitWorkspace.open(repo)) {
            result = loop.run(git, run);
            assertThat(git.run(result.runId()).outcome()).isEqualTo(RunRecord.Outcome.NO_CHANGES);
        } finally {
            pressCtrlC.shutdownNow();
        }

        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stops promptly, not at the 30 s timeout")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(events).last().isInstanceOf(AgentEvent.RunFinished.class);
        assertThat(Files.readString(repo.resolve("app.py"))).isEqualTo("print('hi')\n");
        assertThat(Files.readString(result.transcript())).contains("\"runFinished\"");
    }
}
