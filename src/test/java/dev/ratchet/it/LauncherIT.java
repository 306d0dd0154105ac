package dev.ratchet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launcher script as a user would, from another directory, after `mvn package`. */
class LauncherIT {

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private Result launch(String stdin, String... args) throws IOException, InterruptedException {
        Path launcher = Path.of("scripts", "ratchet").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(".out").toFile())
                .redirectError(dir.resolve(".err").toFile());
        // never reach a real model from a test, whatever the machine's environment holds
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_OPENAI"));
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve(".out")), Files.readString(dir.resolve(".err")));
    }

    @Test
    void launcherRunsFromAnyDirectoryAndKeepsExitCodes() throws Exception {
        Result version = launch("", "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ratchet ");

        Result usage = launch("", "apply", "--format", "nonsense");
        assertThat(usage.exitCode()).isEqualTo(2);
    }

    @Test
    void applyWorksInTheCurrentDirectoryThroughThePackagedJar() throws Exception {
        Files.writeString(dir.resolve("notes.md"), "# Notes\n\n- first\n- second\n");
        String reply = """
                Here is the change:

                ```diff
                --- a/notes.md
                +++ b/notes.md
                @@ -3,2 +3,3 @@
                 - first
                 - second
                +- third
                ```
                """;

        Result applied = launch(reply, "apply");

        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(Files.readString(dir.resolve("notes.md"))).isEqualTo("# Notes\n\n- first\n- second\n- third\n");
    }

    @Test
    void theDemoRunsTheWholeLoopOfflineAndSaysTheAnswersAreReplayed() throws Exception {
        Result demo = launch("", "demo", "python-ini");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.err()).contains("replayed").contains("not recorded from a live model");
        assertThat(demo.out()).contains("tests before any change", "iteration 2", "done: the tests pass", "committed");
    }
}
