package dev.ratchet.edit.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ApplierSpeedTest {
    private static final int LINES = 20_000;
    private static final int HUNKS = 200;

    @Test
    void twentyThousandLinesWithTwoHundredHunksApplyWellUnderATenthOfASecond() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            // repeated boilerplate, so that first lines of hunks occur many times
            text.append(i % 10 == 0 ? "    }" : "    value" + i + " = compute(" + i + ");").append('\n');
        }
        MemoryRepo repo = new MemoryRepo().put("Big.java", text.toString());
        List<Hunk> hunks = new ArrayList<>();
        for (int h = 0; h < HUNKS; h++) {
            int line = h * (LINES / HUNKS) + 5;
            List<String> before = List.of(
                    "    value" + (line - 1) + " = compute(" + (line - 1) + ");",
                    "    value" + line + " = compute(" + line + ");",
                    "    value" + (line + 1) + " = compute(" + (line + 1) + ");");
            List<String> after = List.of(before.get(0), "    value" + line + " = compute(" + line + ") + 1;", before.get(2));
            // every fourth hunk has drifted indentation, so the looser tiers are exercised too
            if (h % 4 == 0) {
                before = before.stream().map(String::strip).toList();
                after = after.stream().map(String::strip).toList();
            }
            hunks.add(new Hunk(before, after, List.of(), OptionalInt.of(line), false, Hunk.Source.UDIFF));
        }
        EditPlan plan = new EditPlan(List.of(new FileChange.Update("Big.java", hunks)));
        Applier applier = new Applier();

        long best = Long.MAX_VALUE;
        Application result = null;
        for (int run = 0; run < 15; run++) {
            long start = System.nanoTime();
            result = applier.apply(plan, repo);
            best = Math.min(best, System.nanoTime() - start);
        }

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(result.applied()).containsExactly(new AppliedChange("Big.java", "update", HUNKS));
        System.out.printf("applier: %d lines, %d hunks: best of 15 runs %.1f ms%n", LINES, HUNKS, best / 1e6);
        assertThat(best / 1_000_000).as("best run in ms").isLessThan(100);
    }

    @Test
    void refusalWithClosestLinesInALargeFileStaysFast() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            text.append("    value").append(i).append(" = compute(").append(i).append(");\n");
        }
        MemoryRepo repo = new MemoryRepo().put("Big.java", text.toString());
        List<String> before = new ArrayList<>();
        for (int i = 12_000; i < 12_010; i++) {
            before.add("    value" + i + " = calculate(" + i + ");");
        }
        EditPlan plan = new EditPlan(List.of(new FileChange.Update("Big.java",
                List.of(Hunk.of(before, List.of("x"), Hunk.Source.SEARCH_REPLACE)))));
        Applier applier = new Applier();

        long best = Long.MAX_VALUE;
        Application result = null;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            result = applier.apply(plan, repo);
            best = Math.min(best, System.nanoTime() - start);
        }

        assertThat(result.refused()).singleElement().satisfies(refusal ->
                assertThat(refusal.closest().get(0).line()).isEqualTo(12_001));
        System.out.printf("applier: refusal with closest lines in %d lines: best of 5 runs %.1f ms%n", LINES, best / 1e6);
        assertThat(best / 1_000_000).as("best run in ms").isLessThan(500);
    }
}
