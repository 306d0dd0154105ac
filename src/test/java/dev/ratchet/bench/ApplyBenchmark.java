package dev.ratchet.bench;

import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.edit.format.EditFormats;
import dev.ratchet.edit.format.ParsedReply;
import dev.ratchet.workspace.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The applier in a warm JVM on a 20,000-line file with 200 hunks (scripts/bench-apply).
 * {@code generate DIR} writes the file and the reply for the whole-command timing instead.
 */
public final class ApplyBenchmark {
    static final int METHODS = 200;
    static final int LINES_PER_METHOD = 100;
    static final String PATH = "src/main/java/bench/Big.java";

    private ApplyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String file = bigFile();
        String reply = udiffReply();
        if (args.length == 2 && args[0].equals("generate")) {
            Path root = Path.of(args[1]);
            Files.createDirectories(root.resolve(PATH).getParent());
            Files.writeString(root.resolve(PATH), file, StandardCharsets.UTF_8);
            Files.writeString(root.resolve("reply.diff"), reply, StandardCharsets.UTF_8);
            return;
        }
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        RepoFiles files = path -> path.equals(PATH) ? Optional.of(bytes) : Optional.empty();
        Map<String, Integer> runs = Map.of("warm-up", 30, "measured", 31);
        long[] parse = new long[runs.get("measured")];
        long[] apply = new long[runs.get("measured")];
        for (int i = 0; i < runs.get("warm-up"); i++) {
            check(new Applier().apply(EditFormats.named("udiff").parse(reply).plan(), files));
        }
        for (int i = 0; i < parse.length; i++) {
            long t0 = System.nanoTime();
            ParsedReply parsed = EditFormats.named("udiff").parse(reply);
            long t1 = System.nanoTime();
            Application application = new Applier().apply(parsed.plan(), files);
            long t2 = System.nanoTime();
            check(application);
            parse[i] = t1 - t0;
            apply[i] = t2 - t1;
        }
        System.out.printf(Locale.ROOT, "warm JVM, %d lines, %d hunks: parse median %.1f ms, apply median %.1f ms, "
                        + "parse+apply median %.1f ms (%d runs after %d warm-up)%n",
                METHODS * LINES_PER_METHOD, METHODS, median(parse), median(apply), median(sum(parse, apply)),
                parse.length, runs.get("warm-up"));
    }

    private static void check(Application application) {
        if (!application.clean() || application.applied().get(0).hunks() != METHODS) {
            throw new IllegalStateException("benchmark edit did not apply cleanly: " + application.refused());
        }
    }

    private static long[] sum(long[] a, long[] b) {
        long[] total = new long[a.length];
        Arrays.setAll(total, i -> a[i] + b[i]);
        return total;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** 200 methods of 100 lines; similar shapes, so context matching has real work to do. */
    static String bigFile() {
        StringBuilder out = new StringBuilder();
        for (String line : lines()) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines() {
        List<String> lines = new ArrayList<>(METHODS * LINES_PER_METHOD);
        for (int m = 0; m < METHODS; m++) {
            lines.add("    public int compute" + m + "(int input) {");
            lines.add("        int total = 0;");
            for (int i = 2; i < LINES_PER_METHOD - 2; i++) {
                lines.add("        total += input * " + i + " + " + (m * 7 + i) + "; // step " + i);
            }
            lines.add("        return total;");
            lines.add("    }");
        }
        return lines;
    }

    /** One hunk per method, changing its middle line, with three lines of context on each side. */
    static String udiffReply() {
        List<String> lines = lines();
        StringBuilder out = new StringBuilder("--- a/" + PATH + "\n+++ b/" + PATH + "\n");
        for (int m = 0; m < METHODS; m++) {
            int changed = m * LINES_PER_METHOD + 50;
            out.append(String.format(Locale.ROOT, "@@ -%d,7 +%d,7 @@%n", changed - 2, changed - 2));
            for (int i = changed - 3; i < changed; i++) {
                out.append(' ').append(lines.get(i)).append('\n');
            }
            out.append('-').append(lines.get(changed)).append('\n');
            out.append('+').append(lines.get(changed).replace("total +=", "total -=")).append('\n');
            for (int i = changed + 1; i <= changed + 3; i++) {
                out.append(' ').append(lines.get(i)).append('\n');
            }
        }
        return out.toString();
    }
}
