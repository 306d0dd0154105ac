package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchTierTest {

    @Test
    void exactMatchReplacesOnlyTheMatchedLines() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def f():\n    return 1\n\ndef g():\n    return 2\n");

        Application result = repo.applyAndWrite(update("a.py", searchReplace("def g():\n    return 2", "def g():\n    return 3")));

        assertThat(result.clean()).isTrue();
        assertThat(result.applied()).containsExactly(new AppliedChange("a.py", "update", 1));
        assertThat(repo.text("a.py")).isEqualTo("def f():\n    return 1\n\ndef g():\n    return 3\n");
    }

    @Test
    void trailingWhitespaceDifferencesStillMatchAndContextKeepsTheFilesText() {
        MemoryRepo repo = new MemoryRepo().put("a.txt", "alpha   \nbeta\ngamma\t\n");

        Application result = repo.applyAndWrite(update("a.txt", udiff("alpha\nbeta\ngamma", "alpha\nBETA\ngamma")));

        assertThat(result.clean()).isTrue();
        // the context lines keep their trailing whitespace: only the changed line is rewritten
        assertThat(repo.text("a.txt")).isEqualTo("alpha   \nBETA\ngamma\t\n");
    }

    @Test
    void indentationDifferenceIsMatchedAndTheReplacementReindentedToTheFile() {
        MemoryRepo repo = new MemoryRepo().put("A.java", """
                class A {
                    void run() {
                        step();
                    }
                }
                """);

        // the model dropped one level of indentation
        Application result = repo.applyAndWrite(update("A.java", searchReplace(
                "void run() {\n    step();\n}",
                "void run() {\n    step();\n    if (done) {\n        stop();\n    }\n}")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("A.java")).isEqualTo("""
                class A {
                    void run() {
                        step();
                        if (done) {
                            stop();
                        }
                    }
                }
                """);
    }

    @Test
    void overIndentedBeforeIsMatchedAndTheExtraIndentRemoved() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "if x:\n    y = 1\n");

        Application result = repo.applyAndWrite(update("a.py", searchReplace(
                "        if x:\n            y = 1", "        if x:\n            y = 2\n            z = 3")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("a.py")).isEqualTo("if x:\n    y = 2\n    z = 3\n");
    }

    @Test
    void tabsInTheFileAndSpacesInTheHunkAreReconciledToTabs() {
        MemoryRepo repo = new MemoryRepo().put("main.go", "func main() {\n\tif ok {\n\t\trun()\n\t}\n}\n");

        Application result = repo.applyAndWrite(update("main.go", searchReplace(
                "    if ok {\n        run()\n    }",
                "    if ok {\n        run()\n        log()\n    }")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("main.go")).isEqualTo("func main() {\n\tif ok {\n\t\trun()\n\t\tlog()\n\t}\n}\n");
    }

    @Test
    void unevenIndentationDifferenceIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def f():\n    if x:\n        y()\n");
        var before = repo.snapshot();

        // 2-space indentation in the hunk against 4 in the file: not one uniform shift
        Application result = repo.applyAndWrite(update("a.py", searchReplace(
                "def f():\n  if x:\n    y()", "def f():\n  if x:\n    y()\n    z()")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("indented differently").contains("not by one uniform amount");
        assertThat(repo.sameAs(before)).isTrue();
    }

    @Test
    void typographicLookalikesAreNormalised() {
        MemoryRepo repo = new MemoryRepo().put("msg.py", "print(\"it's done - ok\")\nx\u00A0= 1\n");

        // the model wrote curly quotes, an en dash and a normal space
        Application result = repo.applyAndWrite(update("msg.py", searchReplace(
                "print(\u201Cit\u2019s done \u2013 ok\u201D)\nx = 1", "print(\"it's done - ok\")\nx = 2")));

        assertThat(result.clean()).isTrue();
        // the unchanged line keeps the file's own characters; the changed line is the model's
        assertThat(repo.text("msg.py")).isEqualTo("print(\"it's done - ok\")\nx = 2\n");
    }

    @Test
    void stricterTierWinsWhenALooserOneWouldBeAmbiguous() {
        // exact text appears once, the trimmed text twice: tier 1 decides
        MemoryRepo repo = new MemoryRepo().put("a.txt", "    item\nitem\n");

        Application result = repo.applyAndWrite(update("a.txt", searchReplace("item", "thing")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("a.txt")).isEqualTo("    item\nthing\n");
    }

    @Test
    void foldLookalikesCoversDashesSpacesAndQuotes() {
        assertThat(Normalisation.foldLookalikes("\u2018a\u2019 \u201Cb\u201D c\u2014d\u2212e\u2009f\u200Bg\u2026"))
                .isEqualTo("'a' \"b\" c-d-e fg...");
        assertThat(Normalisation.LOOKALIKES.apply("  x\u00A0 ")).isEqualTo("x");
    }
}
