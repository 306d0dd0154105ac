package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepairTest {
    private static final String TWO_FUNCTIONS = """
            def a():
                return 1


            def b():
                return 2
            """;

    @Test
    void blankLinesMissingFromBeforeAreRepaired() {
        MemoryRepo repo = new MemoryRepo().put("m.py", TWO_FUNCTIONS);

        Application result = repo.applyAndWrite(update("m.py", udiff(
                "    return 1\ndef b():\n    return 2", "    return 1\ndef b():\n    return 22")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("m.py")).isEqualTo(TWO_FUNCTIONS.replace("return 2\n", "return 22\n"));
    }

    @Test
    void blankLinesDoubledInBeforeAreRepairedWithoutAddingBlankLines() {
        MemoryRepo repo = new MemoryRepo().put("m.py", "x = 1\n\ny = 2\n");

        Application result = repo.applyAndWrite(update("m.py", searchReplace(
                "x = 1\n\n\n\ny = 2", "x = 1\n\n\n\ny = 3")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("m.py")).isEqualTo("x = 1\n\ny = 3\n");
    }

    @Test
    void deletingAcrossABlankLineTheModelOmittedDeletesThatBlankLineToo() {
        MemoryRepo repo = new MemoryRepo().put("m.txt", "keep\nold1\n\nold2\nend\n");

        Application result = repo.applyAndWrite(update("m.txt", searchReplace("keep\nold1\nold2\nend", "keep\nend")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("m.txt")).isEqualTo("keep\nend\n");
    }

    @Test
    void elidedCodeInSearchIsMatchedAroundAndKeptWhenReplaceKeepsTheMarker() {
        MemoryRepo repo = new MemoryRepo().put("S.java", """
                class S {
                    int total(int[] xs) {
                        int sum = 0;
                        for (int x : xs) {
                            sum += x;
                        }
                        return sum;
                    }
                }
                """);

        Application result = repo.applyAndWrite(update("S.java", searchReplace("""
                    int total(int[] xs) {
                        // ...
                        return sum;
                    }""", """
                    long total(int[] xs) {
                        // ...
                        return (long) sum;
                    }""")));

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("S.java")).isEqualTo("""
                class S {
                    long total(int[] xs) {
                        int sum = 0;
                        for (int x : xs) {
                            sum += x;
                        }
                        return (long) sum;
                    }
                }
                """);
    }

    @Test
    void elidedEditAppliedTwiceIsAlreadyAppliedTheSecondTime() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def f():\n    a()\n    b()\n    return 1\n");
        var plan = update("a.py", searchReplace("def f():\n    ...\n    return 1", "def f():\n    ...\n    return 2"));

        repo.applyAndWrite(plan);
        Application second = repo.applyAndWrite(plan);

        assertThat(repo.text("a.py")).isEqualTo("def f():\n    a()\n    b()\n    return 2\n");
        assertThat(second.applied()).containsExactly(new AppliedChange("a.py", "already-applied", 1));
    }

    @Test
    void textAddedRightAfterAnElisionMarkerGoesAfterTheElidedCode() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def f():\n    a()\n    b()\n    c()\n    return 1\n");

        Application result = repo.applyAndWrite(update("a.py", searchReplace(
                "def f():\n    ...\n    return 1", "def f():\n    ...\n    d()\n    return 1")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("a.py")).isEqualTo("def f():\n    a()\n    b()\n    c()\n    d()\n    return 1\n");
    }

    @Test
    void elisionDroppedFromTheReplacementIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def f():\n    a()\n    b()\n    return 1\n");

        Application result = repo.applyAndWrite(update("a.py", searchReplace(
                "def f():\n    ...\n    return 1", "def f():\n    return 2")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("elide code with '...'").contains("write the lines out in full");
        assertThat(repo.text("a.py")).isEqualTo("def f():\n    a()\n    b()\n    return 1\n");
    }

    @Test
    void replacementThatElidesCodeWithACommentIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("a.js", "function f() {\n  a();\n  b();\n}\n");

        Application result = repo.applyAndWrite(update("a.js", searchReplace(
                "function f() {\n  a();\n  b();\n}", "function f() {\n  // ... existing code ...\n  c();\n}")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("'// ... existing code ...'").contains("write the full lines");
    }

    @Test
    void wrongLineNumbersDoNotMatterWhenTheContextIsUnique() {
        MemoryRepo repo = new MemoryRepo().put("w.txt", "a\nb\nc\nd\n");

        Application result = repo.applyAndWrite(update("w.txt", udiff(90, "c\nd", "c\nD")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("w.txt")).isEqualTo("a\nb\nc\nD\n");
    }

    @Test
    void inventedContextLineIsRefusedWithTheRealLinesShown() {
        MemoryRepo repo = new MemoryRepo().put("i.py", "def f():\n    a = 1\n    return a\n");

        Application result = repo.applyAndWrite(update("i.py", udiff(1,
                "def f():\n    a = 1\n    log(a)\n    return a", "def f():\n    a = 2\n    log(a)\n    return a")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).closest()).extracting(ClosestLine::text)
                .startsWith("def f():", "    a = 1", "    return a");
        assertThat(repo.text("i.py")).isEqualTo("def f():\n    a = 1\n    return a\n");
    }

    @Test
    void lineHintChoosesTheClearlyNearestOfEqualMatches() {
        String text = "start\nx = 1\nmid\nmid\nmid\nmid\nmid\nmid\nmid\nmid\nx = 1\nend\n";
        MemoryRepo repo = new MemoryRepo().put("h.py", text);

        Application result = repo.applyAndWrite(update("h.py", udiff(11, "x = 1", "x = 2")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("h.py")).isEqualTo(text.replace("mid\nx = 1\nend", "mid\nx = 2\nend"));
    }

    @Test
    void lineHintHalfwayBetweenTwoMatchesDoesNotChoose() {
        String text = "x = 1\na\nb\nc\nd\nx = 1\n";
        MemoryRepo repo = new MemoryRepo().put("h.py", text);

        Application result = repo.applyAndWrite(update("h.py", udiff(3, "x = 1", "x = 2")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("match 2 places (lines 1, 6)");
        assertThat(result.refused().get(0).closest()).extracting(ClosestLine::line).containsExactly(1, 6);
        assertThat(repo.text("h.py")).isEqualTo(text);
    }

    @Test
    void ambiguousMatchWithoutHintIsRefusedNamingEveryPlace() {
        MemoryRepo repo = new MemoryRepo().put("d.txt", "a\nsame\nb\nsame\nc\nsame\n");

        Application result = repo.applyAndWrite(update("d.txt", searchReplace("same", "other")));

        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.path()).isEqualTo("d.txt");
            assertThat(refusal.hunk()).isEqualTo(1);
            assertThat(refusal.reason()).contains("match 3 places (lines 2, 4, 6)").contains("include more unchanged lines");
        });
    }

    @Test
    void ambiguityOnlyVisibleIgnoringIndentationIsNamedWithItsTier() {
        MemoryRepo repo = new MemoryRepo().put("d.py", "  call()\n    call()\n");

        Application result = repo.applyAndWrite(update("d.py", searchReplace("call()", "run()")));

        assertThat(result.refused().get(0).reason()).contains("matching surrounding-whitespace");
    }
}
