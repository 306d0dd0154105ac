package dev.ratchet.cli;

import dev.ratchet.workspace.RunRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How one run reads in {@code ratchet log}: one line, fixed columns. */
final class RunLogLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int TASK_WIDTH = 60;

    private RunLogLine() {
    }

    static String of(RunRecord run) {
        int files = run.files().size();
        String result = run.outcome().name().toLowerCase().replace('_', '-');
        if (run.commit() != null && run.outcome() == RunRecord.Outcome.COMMITTED) {
            result += " " + run.commit().substring(0, 7);
        }
        return String.format("%s  %s  %-18s %3d file%s  %s", run.id(), TIME.format(run.startedAt()), result, files,
                files == 1 ? " " : "s", firstLine(run.task()));
    }

    static String firstLine(String task) {
        String line = task.strip().lines().findFirst().orElse("");
        return line.length() <= TASK_WIDTH ? line : line.substring(0, TASK_WIDTH - 1) + "…";
    }

    static char letter(RunRecord.Change change) {
        return switch (change) {
            case ADDED -> 'A';
            case MODIFIED -> 'M';
            case DELETED -> 'D';
        };
    }
}
