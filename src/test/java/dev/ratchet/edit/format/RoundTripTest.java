package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Writes random changes to random files in each format the way a careful model would (from
 * java-diff-utils' unified diff), parses them back, applies the hunks exactly, and checks that the
 * result is the changed file. The files are full of lines that look like format syntax.
 */
class RoundTripTest {
    private static final int ROUNDS = 150;
    private static final String[] TEMPLATES = {
        "line %d", "line %d", "line %d", "    indented %d", "\tTabbed %d", "- item %d", "+%d", "# heading %d",
        "@@ %d", "*** note %d ***", "  ======= %d", "\\ backslash %d", "-- comment %d", "<<<<<<< conflict %d",
        ">>>>>>> %d", "``` %d", "", "```", "++ plus %d", "*** End of File %d", "*** Begin Patch %d", "=====", "========="};

    private final Random random = new Random(20261125);

    private List<String> randomFile() {
        List<String> lines = new ArrayList<>();
        int size = 12 + random.nextInt(40);
        for (int i = 0; i < size; i++) {
            lines.add(String.format(TEMPLATES[random.nextInt(TEMPLATES.length)], random.nextInt(1_000_000)));
        }
        return lines;
    }

    private List<String> randomChange(List<String> original) {
        List<String> revised = new ArrayList<>(original);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(revised.size());
            switch (random.nextInt(3)) {
                case 0 -> revised.set(at, String.format(TEMPLATES[random.nextInt(TEMPLATES.length)], random.nextInt(1_000_000)) + " changed");
                case 1 -> revised.add(at, "added " + random.nextInt(1_000_000));
                default -> revised.remove(at);
            }
        }
        return revised.equals(original) ? randomChange(original) : revised;
    }

    /** A file the reply creates and one it deletes (formats that cannot delete leave it alone). */
    private record Extra(String createdPath, List<String> created, String deletedPath, List<String> deleted) {
    }

    /** Unified diff body sections of one file: each a list of prefixed lines after its @@ line. */
    private static List<List<String>> sections(List<String> unified) {
        List<List<String>> sections = new ArrayList<>();
        for (String line : unified.subList(2, unified.size())) {
            if (line.startsWith("@@")) {
                sections.add(new ArrayList<>());
            } else {
                sections.get(sections.size() - 1).add(line);
            }
        }
        return sections;
    }

    private String renderUdiff(Map<String, List<List<String>>> files, Map<String, List<String>> unified, Extra extra) {
        StringBuilder reply = new StringBuilder("Here is the fix.\n\n```diff\n");
        reply.append("--- /dev/null\n+++ b/").append(extra.createdPath()).append('\n')
                .append("@@ -0,0 +1,").append(extra.created().size()).append(" @@\n");
        extra.created().forEach(l -> reply.append('+').append(l).append('\n'));
        reply.append("diff --git a/").append(extra.deletedPath()).append(" b/").append(extra.deletedPath()).append('\n')
                .append("deleted file mode 100644\n--- a/").append(extra.deletedPath()).append("\n+++ /dev/null\n")
                .append("@@ -1,").append(extra.deleted().size()).append(" +0,0 @@\n");
        extra.deleted().forEach(l -> reply.append('-').append(l).append('\n'));
        for (String path : files.keySet()) {
            for (String line : unified.get(path)) {
                // Editors strip the space of a blank context line; the parser must take "" as context.
                reply.append(line.equals(" ") && random.nextBoolean() ? "" : line).append('\n');
            }
        }
        return reply.append("```\n\nThat should make the tests pass.\n").toString();
    }

    private String renderSearchReplace(Map<String, List<List<String>>> files, Extra extra) {
        StringBuilder reply = new StringBuilder("I'll make these changes.\n\n");
        reply.append(extra.createdPath()).append("\n```\n<<<<<<< SEARCH\n=======\n");
        extra.created().forEach(l -> reply.append(l).append('\n'));
        reply.append(">>>>>>> REPLACE\n```\n\n");
        for (var file : files.entrySet()) {
            reply.append(file.getKey()).append("\n```\n");
            for (List<String> section : file.getValue()) {
                reply.append("<<<<<<< SEARCH\n");
                section.stream().filter(l -> !l.startsWith("+")).forEach(l -> reply.append(l.substring(1)).append('\n'));
                reply.append("=======\n");
                section.stream().filter(l -> !l.startsWith("-")).forEach(l -> reply.append(l.substring(1)).append('\n'));
                reply.append(">>>>>>> REPLACE\n");
            }
            reply.append("```\n\n");
        }
        return reply.append("Done.\n").toString();
    }

    private String renderApplyPatch(Map<String, List<List<String>>> files, Extra extra) {
        StringBuilder reply = new StringBuilder("```\n*** Begin Patch\n");
        reply.append("*** Add File: ").append(extra.createdPath()).append('\n');
        extra.created().forEach(l -> reply.append('+').append(l).append('\n'));
        reply.append("*** Delete File: ").append(extra.deletedPath()).append('\n');
        for (var file : files.entrySet()) {
            reply.append("*** Update File: ").append(file.getKey()).append('\n');
            boolean first = true;
            for (List<String> section : file.getValue()) {
                if (!first || random.nextBoolean()) {
                    reply.append("@@\n");
                }
                first = false;
                section.forEach(l -> reply.append(l.equals(" ") && random.nextBoolean() ? "" : l).append('\n'));
            }
        }
        return reply.append("*** End Patch\n```\n").toString();
    }

    private static String renderWhole(Map<String, List<String>> revised, Extra extra) {
        StringBuilder reply = new StringBuilder("Here are the complete files.\n\n");
        reply.append(extra.createdPath()).append("\n````\n");
        extra.created().forEach(l -> reply.append(l).append('\n'));
        reply.append("````\n\n");
        revised.forEach((path, lines) -> {
            reply.append(path).append("\n````\n");
            lines.forEach(l -> reply.append(l).append('\n'));
            reply.append("````\n\n");
        });
        return reply.toString();
    }

    /** Applies hunks by exact match, each after the previous one, as the real applier's first tier does. */
    private static Map<String, List<String>> apply(EditPlan plan, Map<String, List<String>> originals) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        originals.forEach((path, lines) -> result.put(path, new ArrayList<>(lines)));
        for (FileChange change : plan.changes()) {
            if (change instanceof FileChange.Create create) {
                result.put(create.path(), new ArrayList<>(create.lines()));
            } else if (change instanceof FileChange.Update update) {
                List<String> lines = result.computeIfAbsent(update.path(), missing -> new ArrayList<>());
                int cursor = 0;
                for (Hunk hunk : update.hunks()) {
                    int at = indexOf(lines, hunk.before(), cursor);
                    assertThat(at).as("hunk %s in %s", hunk.before(), update.path()).isGreaterThanOrEqualTo(0);
                    lines.subList(at, at + hunk.before().size()).clear();
                    lines.addAll(at, hunk.after());
                    cursor = at + hunk.after().size();
                }
            } else {
                result.remove(change.path());
            }
        }
        return result;
    }

    private static int indexOf(List<String> lines, List<String> part, int from) {
        for (int i = from; i + part.size() <= lines.size(); i++) {
            if (lines.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyFormatReadsBackWhatWasWrittenAndAutoReadsItToo() {
        AutoFormat auto = new AutoFormat();
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, List<String>> originals = new LinkedHashMap<>();
            Map<String, List<String>> revised = new LinkedHashMap<>();
            Map<String, List<String>> unified = new LinkedHashMap<>();
            Map<String, List<List<String>>> sections = new LinkedHashMap<>();
            int fileCount = 1 + random.nextInt(2);
            for (int f = 0; f < fileCount; f++) {
                String path = "src/module" + round + "_" + f + ".txt";
                List<String> original = randomFile();
                List<String> changed = randomChange(original);
                originals.put(path, original);
                revised.put(path, changed);
                List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, original,
                        DiffUtils.diff(original, changed), 3);
                unified.put(path, diff);
                sections.put(path, sections(diff));
            }
            Extra extra = new Extra("src/new" + round + ".txt", randomFile(), "src/gone" + round + ".txt", randomFile());
            originals.put(extra.deletedPath(), extra.deleted());
            Map<String, String> replies = new LinkedHashMap<>();
            replies.put("udiff", renderUdiff(sections, unified, extra));
            replies.put("search-replace", renderSearchReplace(sections, extra));
            replies.put("apply-patch", renderApplyPatch(sections, extra));
            replies.put("whole", renderWhole(revised, extra));
            for (var reply : replies.entrySet()) {
                Map<String, List<String>> expected = new LinkedHashMap<>(revised);
                expected.put(extra.createdPath(), extra.created());
                if (reply.getKey().equals("search-replace") || reply.getKey().equals("whole")) {
                    expected.put(extra.deletedPath(), extra.deleted());
                }
                for (EditFormat format : List.of(EditFormats.named(reply.getKey()), auto)) {
                    ParsedReply parsed = format.parse(reply.getValue());
                    assertThat(parsed.problems()).as("%s read by %s:%n%s", reply.getKey(), format.name(), reply.getValue()).isEmpty();
                    assertThat(apply(parsed.plan(), originals))
                            .as("%s read by %s:%n%s", reply.getKey(), format.name(), reply.getValue())
                            .isEqualTo(expected);
                }
            }
        }
    }
}
