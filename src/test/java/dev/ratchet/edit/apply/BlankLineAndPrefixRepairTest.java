package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.plan;
import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repairs for blank lines, drifted blank-line whitespace, lost udiff context prefixes and git path prefixes. */
class BlankLineAndPrefixRepairTest {

    private static final String TWO_METHODS = """
            class M {
                int a() {
                    return 1;
                }

                int c() {
                    return 3;
                }
            }
            """;

    private static final String THREE_METHODS = """
            class M {
                int a() {
                    return 1;
                }

                int b() {
                    return 2;
                }

                int c() {
                    return 3;
                }
            }
            """;

    @Test
    void aMethodInsertedWhereTheModelLeftOutTheBlankLineKeepsOneBlankLineOnEachSide() {
        MemoryRepo repo = new MemoryRepo().put("M.java", TWO_METHODS);

        Application result = repo.applyAndWrite(update("M.java", udiff("""
                        return 1;
                    }
                    int c() {""", """
                        return 1;
                    }
                    int b() {
                        return 2;
                    }

                    int c() {""")));

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("M.java")).isEqualTo(THREE_METHODS);
    }

    @Test
    void aMethodInsertedWhereTheModelDoubledTheBlankLineKeepsOneBlankLineOnEachSide() {
        MemoryRepo repo = new MemoryRepo().put("M.java", TWO_METHODS);

        Application result = repo.applyAndWrite(update("M.java", searchReplace("""
                        return 1;
                    }


                    int c() {""", """
                        return 1;
                    }


                    int b() {
                        return 2;
                    }

                    int c() {""")));

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("M.java")).isEqualTo(THREE_METHODS);
    }

    @Test
    void linesThatCouldGoOnEitherSideOfAnOmittedBlankLineAreRefused() {
        MemoryRepo repo = new MemoryRepo().put("S.java", "package p;\n\nimport java.util.List;\n");

        Application result = repo.applyAndWrite(update("S.java", udiff(
                "package p;\nimport java.util.List;", "package p;\nimport java.util.Map;\nimport java.util.List;")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("either side of it");
        assertThat(repo.text("S.java")).isEqualTo("package p;\n\nimport java.util.List;\n");
    }

    @Test
    void aDoubledBlankLineWhoseExtraCopyDecidesWhereNewLinesGoIsRefused() {
        String file = "def a():\n    return 1\n\n\nclass B:\n    pass\n";
        MemoryRepo repo = new MemoryRepo().put("m.py", file);

        Application result = repo.applyAndWrite(update("m.py", searchReplace(
                "    return 1\n\n\n\nclass B:", "    return 1\n\n\ndef c():\n    return 3\n\n\nclass B:")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("which one is extra");
        assertThat(repo.text("m.py")).isEqualTo(file);
    }

    @Test
    void blankNewLinesLoseTheWhitespaceADriftedHunkPutOnThem() {
        String file = "func a() {\n\tx := 1\n}\n";
        MemoryRepo repo = new MemoryRepo().put("a.go", file);

        Application result = repo.applyAndWrite(update("a.go", udiff(
                "  func a() {\n  \tx := 1\n  }", "  func a() {\n  \tx := 1\n  }\n  \n  func b() {}")));

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("a.go")).isEqualTo(file + "\nfunc b() {}\n");
    }

    @Test
    void udiffContextThatLostItsLeadingSpaceDoesNotPushAddedLinesOneColumnRight() {
        String file = "class C:\n    def a(self):\n        return 1\n";
        MemoryRepo repo = new MemoryRepo().put("c.py", file);

        // each context line lost the space that prefixes it; the added lines kept their '+'
        Application result = repo.applyAndWrite(update("c.py", udiff(
                "   def a(self):\n       return 1",
                "   def a(self):\n       return 1\n\n    def b(self):\n        return 2")));

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("c.py")).isEqualTo(file + "\n    def b(self):\n        return 2\n");
    }

    @Test
    void udiffContextThatLostItsLeadingSpaceTakesTheIndentationOfTheRemovedLines() {
        String file = "class C:\n    def a(self):\n        return 1\n";
        MemoryRepo repo = new MemoryRepo().put("c.py", file);

        Application result = repo.applyAndWrite(update("c.py", udiff(
                "   def a(self):\n        return 1", "   def a(self):\n        return 2")));

        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("c.py")).isEqualTo("class C:\n    def a(self):\n        return 2\n");
    }

    @Test
    void aWholeFileUnderGitsPrefixReplacesTheFileWithoutIt() {
        MemoryRepo repo = new MemoryRepo().put("src/app.py", "x = 1\n");

        Application result = repo.applyAndWrite(plan(new FileChange.Create("a/src/app.py", List.of("x = 2"), true)));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("src/app.py")).isEqualTo("x = 2\n");
        assertThat(repo.exists("a/src/app.py")).isFalse();
    }

    @Test
    void aNewFileUnderGitsPrefixLosesItOnlyWhenAnotherPathOfTheReplyShowsThePrefixIsGits() {
        MemoryRepo repo = new MemoryRepo().put("src/app.py", "x = 1\n");

        repo.applyAndWrite(plan(
                new FileChange.Update("a/src/app.py", List.of(Hunk.of(List.of("x = 1"), List.of("x = 2"), Hunk.Source.APPLY_PATCH))),
                new FileChange.Create("b/src/util.py", List.of("y = 1"), true)));
        MemoryRepo alone = new MemoryRepo();
        alone.applyAndWrite(plan(new FileChange.Create("b/notes.txt", List.of("kept where it was asked"), true)));

        assertThat(repo.text("src/app.py")).isEqualTo("x = 2\n");
        assertThat(repo.text("src/util.py")).isEqualTo("y = 1\n");
        assertThat(alone.text("b/notes.txt")).isEqualTo("kept where it was asked\n");
    }

    @Test
    void aRealTopLevelDirectoryNamedAIsNeverStripped() {
        MemoryRepo repo = new MemoryRepo().put("a/src/app.py", "x = 1\n").put("src/app.py", "x = 1\n");

        repo.applyAndWrite(plan(new FileChange.Create("a/src/app.py", List.of("x = 2"), true)));

        assertThat(repo.text("a/src/app.py")).isEqualTo("x = 2\n");
        assertThat(repo.text("src/app.py")).isEqualTo("x = 1\n");
    }
}
