package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatchetCommandTest {

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.run("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ratchet", "apply", "Exit codes:", "130");
        assertThat(run.out()).as("plain text when not on a terminal").doesNotContain("\u001b[");
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.run("", "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ratchet ").doesNotContain("${").doesNotContain("unknown version");
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        CliRun run = CliRun.run("", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--frobnicate");
    }
}
