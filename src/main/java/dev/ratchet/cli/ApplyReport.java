package dev.ratchet.cli;

import dev.ratchet.edit.apply.AppliedChange;
import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.apply.ClosestLine;
import dev.ratchet.edit.apply.Refusal;
import dev.ratchet.edit.format.ParseProblem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What {@code ratchet apply} tells the user: a short text report, or one JSON object. */
record ApplyReport(List<ParseProblem> problems, Application application, boolean dryRun) {

    boolean clean() {
        return problems.isEmpty() && application.clean();
    }

    void printText(PrintWriter out, PrintWriter err, Colour colour) {
        if (!clean()) {
            for (ParseProblem problem : problems) {
                err.println(colour.red("refused") + " reply line " + problem.line() + ": " + problem.message());
            }
            for (Refusal refusal : application.refused()) {
                printRefusal(err, refusal, colour);
            }
            int total = problems.size() + application.refused().size();
            err.println(total + (total == 1 ? " edit was" : " edits were") + " refused; nothing on disk was changed.");
            err.flush();
            return;
        }
        if (dryRun) {
            String diff = application.unifiedDiff();
            if (!diff.isEmpty()) {
                out.print(colour.diff(diff));
                if (!diff.endsWith("\n")) {
                    out.println();
                }
            }
            out.flush();
            err.println(summary() + " (dry run: nothing written)");
            err.flush();
            return;
        }
        for (AppliedChange change : application.applied()) {
            out.println(String.format(Locale.ROOT, "%-15s %s%s", change.action(), change.path(), hunks(change)));
        }
        out.println(summary());
        out.flush();
    }

    private static String hunks(AppliedChange change) {
        return change.hunks() > 0 ? " (" + change.hunks() + (change.hunks() == 1 ? " hunk)" : " hunks)") : "";
    }

    private String summary() {
        long changed = application.applied().stream().filter(c -> !c.action().equals("already-applied")).count();
        long already = application.applied().size() - changed;
        String text = changed + (changed == 1 ? " file changed" : " files changed");
        return already > 0 ? text + ", " + already + " already applied" : text;
    }

    private static void printRefusal(PrintWriter err, Refusal refusal, Colour colour) {
        String where = refusal.hunk() > 0 ? refusal.path() + ", hunk " + refusal.hunk() : refusal.path();
        err.println(colour.red("refused") + " " + where + ": " + refusal.reason());
        if (!refusal.closest().isEmpty()) {
            err.println("  closest lines in " + refusal.path() + ":");
            for (ClosestLine line : refusal.closest()) {
                err.println(String.format(Locale.ROOT, "  %6d | %s  %s", line.line(), line.text(),
                        colour.dim("(" + Math.round(line.similarity() * 100) + "% similar)")));
            }
        }
    }
}
