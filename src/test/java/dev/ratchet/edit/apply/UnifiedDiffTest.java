package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.plan;
import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void dryRunDiffCoversUpdatesCreatesAndDeletesGitStyle() {
        MemoryRepo repo = new MemoryRepo()
                .put("src/a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n")
                .put("old.txt", "bye\n");

        Application result = new Applier().apply(plan(
                new FileChange.Update("src/a.txt", List.of(searchReplace("7", "seven"))),
                new FileChange.Create("n.txt", List.of("hi"), false),
                new FileChange.Delete("old.txt")), repo);

        assertThat(result.unifiedDiff()).isEqualTo("""
                --- a/src/a.txt
                +++ b/src/a.txt
                @@ -4,5 +4,5 @@
                 4
                 5
                 6
                -7
                +seven
                 8
                --- /dev/null
                +++ b/n.txt
                @@ -0,0 +1,1 @@
                +hi
                --- a/old.txt
                +++ /dev/null
                @@ -1,1 +0,0 @@
                -bye
                """);
        assertThat(result.diffs()).extracting(FileDiff::oldPath).containsExactly("src/a.txt", null, "old.txt");
    }

    @Test
    void pureRenameStillShowsItsHeader() {
        MemoryRepo repo = new MemoryRepo().put("a.txt", "same\n");

        Application result = new Applier().apply(plan(new FileChange.Update("a.txt", List.of(), "b.txt")), repo);

        assertThat(result.unifiedDiff()).isEqualTo("--- a/a.txt\n+++ b/b.txt\n");
    }
}
