package dev.ratchet.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.context.ConventionFiles;
import dev.ratchet.workspace.StagedChanges;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the review's answer, and what the review is sent. */
class HookReviewTest {
    private static final Set<String> STAGED = Set.of("src/app.py", "README.md");

    @Test
    void findingLinesAreReadInTheFormsModelsWriteThem() {
        StagedReview.Answer answer = StagedReview.parse("""
                src/app.py:12: divides by len(items), which is 0 for an empty list
                - `src/app.py:30`: the file handle is never closed
                README.md:4:7: says port 8080, the code uses 8000
                """, STAGED, true);

        assertThat(answer.readable()).isTrue();
        assertThat(answer.findings()).extracting(Finding::render).containsExactly(
                "src/app.py:12: divides by len(items), which is 0 for an empty list",
                "src/app.py:30: the file handle is never closed",
                "README.md:4: says port 8080, the code uses 8000");
    }

    @Test
    void okMeansNoFindingAndInventedFilesOrProseAreNotFindings() {
        assertThat(StagedReview.parse("OK", STAGED, true)).isEqualTo(new StagedReview.Answer(List.of(), true));
        assertThat(StagedReview.parse("elsewhere.py:3: a bug in a file the change does not touch\nOK", STAGED, true))
                .isEqualTo(new StagedReview.Answer(List.of(), true));
        StagedReview.Answer prose = StagedReview.parse("The change looks reasonable overall, but consider tests.", STAGED, true);
        assertThat(prose.readable()).isFalse();
        assertThat(prose.findings()).isEmpty();
    }

    @Test
    void advisoryFindingsSaySo() {
        assertThat(StagedReview.parse("src/app.py:1: broken", STAGED, false).findings().get(0).render())
                .isEqualTo("src/app.py:1: broken (advisory)");
    }

    @Test
    void thePromptCarriesTheRulesAndTheDiffAndCutsAHugeDiff() {
        String huge = "diff --git a/x b/x\n" + "+line\n".repeat(StagedReview.MAX_DIFF_CHARS / 6 + 100);
        String prompt = StagedReview.prompt(new StagedChanges(List.of("x"), List.of(), huge, List.of()),
                List.of(new ConventionFiles.Document("AGENTS.md", "Never print secrets.\n")));

        assertThat(prompt).startsWith("Rules from AGENTS.md:\nNever print secrets.\n\nThe staged diff:\n```diff\n");
        assertThat(prompt).contains("[... the rest of the diff is cut: ");
        assertThat(prompt.length()).isLessThan(StagedReview.MAX_DIFF_CHARS + 1_000);
    }
}
