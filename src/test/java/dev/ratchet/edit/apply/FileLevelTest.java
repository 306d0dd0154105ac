package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.plan;
import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.workspace.FileWrite;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileLevelTest {

    @Test
    void createWritesANewFileWithLfAndFinalNewline() {
        MemoryRepo repo = new MemoryRepo();

        Application result = repo.applyAndWrite(plan(new FileChange.Create("src/new.py", List.of("a = 1", "b = 2"), false)));

        assertThat(result.applied()).containsExactly(new AppliedChange("src/new.py", "create", 0));
        assertThat(result.writes()).singleElement().isInstanceOfSatisfying(FileWrite.Put.class,
                put -> assertThat(put.keepModeOf()).isNull());
        assertThat(repo.text("src/new.py")).isEqualTo("a = 1\nb = 2\n");
    }

    @Test
    void updateOfAMissingFileWithOnlyEmptyBeforeCreatesIt() {
        MemoryRepo repo = new MemoryRepo();

        Application result = repo.applyAndWrite(update("n.txt", searchReplace("", "hello"), searchReplace("", "world")));

        assertThat(result.applied()).containsExactly(new AppliedChange("n.txt", "create", 2));
        assertThat(repo.text("n.txt")).isEqualTo("hello\nworld\n");
    }

    @Test
    void updateOfAMissingFileWithContextIsRefusedAsAWholeFile() {
        Application result = new MemoryRepo().applyAndWrite(update("gone.txt", udiff("a", "b")));

        assertThat(result.refused()).containsExactly(new Refusal("gone.txt", 0,
                "the file does not exist; to create it, send its whole content as a new file", List.of()));
    }

    @Test
    void createOverAnExistingFileIsRefusedUnlessIdentical() {
        MemoryRepo repo = new MemoryRepo().put("x.txt", "old\n");

        Application different = repo.applyAndWrite(plan(new FileChange.Create("x.txt", List.of("new"), false)));
        Application same = repo.applyAndWrite(plan(new FileChange.Create("x.txt", List.of("old"), false)));

        assertThat(different.refused().get(0).reason()).contains("already exists with different content");
        assertThat(same.applied()).containsExactly(new AppliedChange("x.txt", "already-applied", 0));
        assertThat(same.writes()).isEmpty();
    }

    @Test
    void wholeFileReplacementKeepsModeEndingsAndUnchangedLines() {
        MemoryRepo repo = new MemoryRepo().put("w.txt", "one\r\ntwo\r\nthree\r\n");

        Application result = repo.applyAndWrite(plan(new FileChange.Create("w.txt", List.of("one", "2", "three"), true)));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("w.txt")).isEqualTo("one\r\n2\r\nthree\r\n");
        assertThat(((FileWrite.Put) result.writes().get(0)).keepModeOf()).isEqualTo("w.txt");
    }

    @Test
    void wholeFileThatElidesCodeWithACommentIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("w.js", "a();\nb();\nc();\n");

        Application result = repo.applyAndWrite(plan(new FileChange.Create("w.js", List.of("a();", "// ... rest unchanged"), true)));

        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.hunk()).isZero();
            assertThat(refusal.reason()).contains("'// ... rest unchanged'");
        });
        assertThat(repo.text("w.js")).isEqualTo("a();\nb();\nc();\n");
    }

    @Test
    void strayCarriageReturnsOnNewLinesDoNotDoubleCrlf() {
        MemoryRepo repo = new MemoryRepo().put("c.txt", "a\r\nb\r\n");

        repo.applyAndWrite(update("c.txt", searchReplace("b", "b\r\nc\r")));

        assertThat(repo.text("c.txt")).isEqualTo("a\r\nb\r\nc\r\n");
    }

    @Test
    void deleteRemovesAndDeletingAMissingFileIsAlreadyApplied() {
        MemoryRepo repo = new MemoryRepo().put("d.txt", "x\n");

        Application first = repo.applyAndWrite(plan(new FileChange.Delete("d.txt")));
        Application second = repo.applyAndWrite(plan(new FileChange.Delete("d.txt")));

        assertThat(first.writes()).containsExactly(new FileWrite.Remove("d.txt"));
        assertThat(repo.exists("d.txt")).isFalse();
        assertThat(second.applied()).containsExactly(new AppliedChange("d.txt", "already-applied", 0));
        assertThat(second.writes()).isEmpty();
    }

    @Test
    void moveWithEditsIsARemoveAndAPutThatKeepsTheOldMode() {
        MemoryRepo repo = new MemoryRepo().put("old/A.java", "class A {}\n");

        Application result = repo.applyAndWrite(plan(new FileChange.Update("old/A.java",
                List.of(udiff("class A {}", "class B {}")), "new/B.java")));

        assertThat(result.applied()).containsExactly(new AppliedChange("new/B.java", "move", 1));
        assertThat(result.writes()).hasSize(2);
        assertThat(result.writes().get(0)).isEqualTo(new FileWrite.Remove("old/A.java"));
        assertThat(result.writes().get(1)).isInstanceOfSatisfying(FileWrite.Put.class, put -> {
            assertThat(put.path()).isEqualTo("new/B.java");
            assertThat(put.keepModeOf()).isEqualTo("old/A.java");
        });
        assertThat(repo.exists("old/A.java")).isFalse();
        assertThat(repo.text("new/B.java")).isEqualTo("class B {}\n");
        assertThat(result.unifiedDiff()).isEqualTo("""
                --- a/old/A.java
                +++ b/new/B.java
                @@ -1,1 +1,1 @@
                -class A {}
                +class B {}
                """);
    }

    @Test
    void moveOntoAnExistingFileIsRefusedAndNeitherFileIsWritten() {
        MemoryRepo repo = new MemoryRepo().put("a.txt", "a\n").put("b.txt", "b\n");
        var before = repo.snapshot();

        Application result = repo.applyAndWrite(plan(new FileChange.Update("a.txt", List.of(), "b.txt")));

        assertThat(result.refused().get(0).reason()).contains("cannot move to b.txt: a file already exists there");
        assertThat(result.writes()).isEmpty();
        assertThat(repo.sameAs(before)).isTrue();
    }

    @Test
    void aHunkThatChangesNothingWritesNothing() {
        MemoryRepo repo = new MemoryRepo().put("k.txt", "k\n");

        Application result = repo.applyAndWrite(update("k.txt", searchReplace("k", "k")));

        assertThat(result.writes()).isEmpty();
        assertThat(result.applied()).containsExactly(new AppliedChange("k.txt", "already-applied", 1));
    }

    @Test
    void aFileWithARefusedHunkIsLeftOutWhileOtherFilesKeepTheirWrites() {
        MemoryRepo repo = new MemoryRepo().put("good.txt", "g\n").put("bad.txt", "b1\nb2\n");
        var before = repo.snapshot();

        Application result = new Applier().apply(plan(
                new FileChange.Update("good.txt", List.of(searchReplace("g", "G"))),
                new FileChange.Update("bad.txt", List.of(searchReplace("b1", "B1"), searchReplace("nope", "x")))), repo);

        assertThat(result.clean()).isFalse();
        assertThat(result.refused()).extracting(Refusal::path, Refusal::hunk).containsExactly(org.assertj.core.groups.Tuple.tuple("bad.txt", 2));
        assertThat(result.applied()).containsExactly(new AppliedChange("good.txt", "update", 1));
        assertThat(result.writes()).extracting(FileWrite::path).containsExactly("good.txt");
        assertThat(result.diffs()).extracting(FileDiff::newPath).containsExactly("good.txt");
        assertThat(repo.sameAs(before)).as("the applier itself never writes").isTrue();
    }

    @Test
    void hunkNumbersCountAcrossSeveralChangesForOnePath() {
        MemoryRepo repo = new MemoryRepo().put("p.txt", "a\nb\n");

        Application result = new Applier().apply(plan(
                new FileChange.Update("p.txt", List.of(searchReplace("a", "A"))),
                new FileChange.Update("p.txt", List.of(searchReplace("zzz", "y")))), repo);

        assertThat(result.refused()).singleElement().extracting(Refusal::hunk).isEqualTo(2);
        assertThat(result.writes()).isEmpty();
    }

    @Test
    void severalChangesForOnePathApplyInSequence() {
        MemoryRepo repo = new MemoryRepo().put("p.txt", "a\nb\n");

        Application result = repo.applyAndWrite(plan(
                new FileChange.Update("p.txt", List.of(searchReplace("a", "A"))),
                new FileChange.Update("p.txt", List.of(searchReplace("A\nb", "A\nB")))));

        assertThat(result.clean()).isTrue();
        assertThat(result.writes()).hasSize(1);
        assertThat(repo.text("p.txt")).isEqualTo("A\nB\n");
    }

    @Test
    void unsafeAndUnreadablePathsAreRefusedNamingThePath() {
        MemoryRepo repo = new MemoryRepo().unsafe("../etc/passwd").unreadable("dir");

        Application result = repo.applyAndWrite(plan(
                new FileChange.Create("../etc/passwd", List.of("x"), false),
                new FileChange.Update("dir", List.of(searchReplace("a", "b")))));

        assertThat(result.refused()).hasSize(2);
        assertThat(result.refused().get(0).path()).isEqualTo("../etc/passwd");
        assertThat(result.refused().get(0).hunk()).isZero();
        assertThat(result.refused().get(0).reason()).contains("refused path: ../etc/passwd: is outside the repository");
        assertThat(result.refused().get(1).reason()).contains("cannot be read: dir: is a directory");
    }

    @Test
    void notFoundRefusalShowsTheClosestLinesWithNumbersAndSimilarity() {
        MemoryRepo repo = new MemoryRepo().put("c.py", "import os\n\ndef load(path):\n    with open(path) as f:\n        return f.read()\n");

        Application result = repo.applyAndWrite(update("c.py", searchReplace(
                "def load(file):\n    with open(file) as f:\n        return f.read()", "x")));

        Refusal refusal = result.refused().get(0);
        assertThat(refusal.reason()).contains("not in the file").contains("copy them exactly");
        assertThat(refusal.closest()).extracting(ClosestLine::line).containsExactly(3, 4, 5);
        assertThat(refusal.closest().get(0).text()).isEqualTo("def load(path):");
        assertThat(refusal.closest().get(0).similarity()).isBetween(0.7, 0.99);
        assertThat(refusal.closest().get(2).similarity()).isEqualTo(1.0);
        assertThat(refusal.describe()).contains("c.py hunk 1: the lines to replace are not in the file")
                .contains("     3 | def load(path):");
    }
}
