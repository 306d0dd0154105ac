package dev.ratchet.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one run of a check command did: exit code, time taken, whether ratchet had to stop it, and
 * its output (stdout and stderr interleaved, with the middle cut out when it was too long).
 *
 * @param exitCode the process's exit code; 128+signal when it was killed
 * @param output head and tail of the output, joined by a line saying how much was cut
 * @param omittedBytes bytes cut from the middle of the output (0 when all of it was kept)
 */
public record CheckResult(
        CheckCommand command,
        Instant startedAt,
        Duration duration,
        int exitCode,
        boolean timedOut,
        boolean interrupted,
        String output,
        long omittedBytes) {

    /** True only for a run that finished by itself with exit code 0. */
    public boolean passed() {
        return exitCode == 0 && !timedOut && !interrupted;
    }

    /** One line for people and for the model, e.g. "`mvn -B -q test` failed (exit 1) after 4.2 s". */
    public String headline() {
        String seconds = String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        String what;
        if (timedOut) {
            what = "timed out and was stopped";
        } else if (interrupted) {
            what = "was cancelled";
        } else if (exitCode == 0) {
            what = "passed";
        } else {
            what = "failed (exit " + exitCode + ")";
        }
        return "`" + command.commandLine() + "` " + what + " after " + seconds;
    }
}
