package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoFormatTest {
    private final AutoFormat format = new AutoFormat();

    private static List<FileChange> changes(ParsedReply reply) {
        assertThat(reply.problems()).isEmpty();
        return reply.plan().changes();
    }

    @Test
    void readsFourFormatsInOneReplyInReplyOrder() {
        List<FileChange> changes = changes(format.parse("""
                I'll fix the bug in four places, using whichever form is clearest.

                First, the loop bound:

                src/sum.py
                ```python
                <<<<<<< SEARCH
                    for i in range(len(values) - 1):
                =======
                    for i in range(len(values)):
                >>>>>>> REPLACE
                ```

                Then the config loader:

                ```diff
                --- a/src/config.py
                +++ b/src/config.py
                @@ -1,2 +1,2 @@
                 def load():
                -    return read("config.yml")
                +    return read("config.yaml")
                ```

                Then the patch for the CLI:

                ```
                *** Begin Patch
                *** Update File: src/cli.py
                @@ def main():
                -    run()
                +    run(verbose=True)
                *** End Patch
                ```

                Finally, the complete new version of the version file:

                src/version.py
                ```python
                VERSION = "1.2.0"
                ```

                After these changes the tests should pass.
                """));

        assertThat(changes).extracting(FileChange::path)
                .containsExactly("src/sum.py", "src/config.py", "src/cli.py", "src/version.py");
        assertThat(((FileChange.Update) changes.get(0)).hunks().get(0).source()).isEqualTo(Hunk.Source.SEARCH_REPLACE);
        assertThat(((FileChange.Update) changes.get(1)).hunks().get(0).source()).isEqualTo(Hunk.Source.UDIFF);
        assertThat(((FileChange.Update) changes.get(2)).hunks().get(0).source()).isEqualTo(Hunk.Source.APPLY_PATCH);
        assertThat(changes.get(3)).isEqualTo(new FileChange.Create("src/version.py", List.of("VERSION = \"1.2.0\""), true));
    }

    @Test
    void aPathLineAboveSearchReplaceIsNotAWholeFile() {
        List<FileChange> changes = changes(format.parse("src/app.py\n```python\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```\n"));

        assertThat(changes).singleElement().isInstanceOf(FileChange.Update.class);
    }

    @Test
    void aPathLineAboveAHeaderlessDiffIsNotAWholeFile() {
        List<FileChange> changes = changes(format.parse("src/app.py\n```diff\n@@ ... @@\n-a\n+b\n```\n"));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change).isInstanceOf(FileChange.Update.class);
            assertThat(change.path()).isEqualTo("src/app.py");
        });
    }

    @Test
    void aPatchInAFenceUnderAPathLineIsNotAWholeFile() {
        List<FileChange> changes = changes(format.parse(
                "src/app.py\n```\n*** Begin Patch\n*** Update File: src/app.py\n@@\n-a\n+b\n*** End Patch\n```\n"));

        assertThat(changes).singleElement().isInstanceOf(FileChange.Update.class);
    }

    @Test
    void aPatchInAHeredocIsRead() {
        List<FileChange> changes = changes(format.parse("""
                I'll apply the patch.

                ```bash
                apply_patch <<'EOF'
                *** Begin Patch
                *** Add File: docs/NOTES.md
                +# Notes
                *** End Patch
                EOF
                ```
                """));

        assertThat(changes).containsExactly(new FileChange.Create("docs/NOTES.md", List.of("# Notes"), false));
    }

    @Test
    void illustrationFencesAreNotEdits() {
        ParsedReply reply = format.parse("""
                The function is called like this:

                ```python
                total([1, 2, 3])
                ```

                and a unified diff looks like this in general:

                ```
                a line of text
                ```

                Nothing needs to change.
                """);

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void aReplyWithOnlyProseIsAnEmptyPlan() {
        ParsedReply reply = format.parse("The tests already pass; no change is needed.");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
        assertThat(format.parse("").plan().isEmpty()).isTrue();
    }

    @Test
    void problemsFromEveryFormatAreKeptWithTheirLines() {
        ParsedReply reply = format.parse("""
                a.py
                ```
                <<<<<<< SEARCH
                a
                >>>>>>> REPLACE
                ```
                b.py
                ```
                fine = True
                ```
                ```
                *** Begin Patch
                *** Update File: c.py
                @@
                -c
                """);

        assertThat(reply.plan().changes()).containsExactly(new FileChange.Create("b.py", List.of("fine = True"), true));
        assertThat(reply.problems()).extracting(ParseProblem::line).containsExactly(3, 12);
    }

    @Test
    void readsCrlfRepliesInEveryFormat() {
        String reply = String.join("\r\n",
                "src/a.py",
                "```",
                "<<<<<<< SEARCH",
                "a",
                "=======",
                "b",
                ">>>>>>> REPLACE",
                "```",
                "```diff",
                "--- a/src/b.py",
                "+++ b/src/b.py",
                "@@ -1 +1 @@",
                "-a",
                "+b",
                "```",
                "src/c.py",
                "```",
                "c",
                "```",
                "") ;

        List<FileChange> changes = changes(format.parse(reply));
        assertThat(changes).extracting(FileChange::path).containsExactly("src/a.py", "src/b.py", "src/c.py");
        assertThat(((FileChange.Update) changes.get(0)).hunks().get(0).after()).containsExactly("b");
        assertThat(((FileChange.Update) changes.get(1)).hunks().get(0).after()).containsExactly("b");
        assertThat(changes.get(2)).isEqualTo(new FileChange.Create("src/c.py", List.of("c"), true));
    }

    @Test
    void aSearchReplaceBlockMayQuoteAPatchAndAPatchMayQuoteBlocks() {
        List<FileChange> changes = changes(format.parse("""
                tests/fixtures/reply.txt
                ```
                <<<<<<< SEARCH
                *** Begin Patch
                *** Delete File: a.py
                *** End Patch
                =======
                *** Begin Patch
                *** Delete File: b.py
                *** End Patch
                >>>>>>> REPLACE
                ```

                ```
                *** Begin Patch
                *** Update File: docs/format.md
                @@
                 <<<<<<< SEARCH
                -=======
                +=======
                 >>>>>>> REPLACE
                *** End Patch
                ```
                """));

        assertThat(changes).extracting(FileChange::path).containsExactly("tests/fixtures/reply.txt", "docs/format.md");
        assertThat(((FileChange.Update) changes.get(0)).hunks().get(0).after())
                .containsExactly("*** Begin Patch", "*** Delete File: b.py", "*** End Patch");
        assertThat(((FileChange.Update) changes.get(1)).hunks().get(0).before())
                .containsExactly("<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE");
    }

    @Test
    void indentedMarkersAreNeitherABlockNorAWholeFile() {
        ParsedReply reply = format.parse("src/a.py\n```\n    <<<<<<< SEARCH\n    x\n    =======\n    y\n    >>>>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("src/a.py").contains("indented");
        });
    }

    @Test
    void aDiffUnderAPatchFilePathIsThatFilesWholeContent() {
        List<FileChange> changes = changes(format.parse("""
                Update the fixture:

                tests/fixtures/fix.patch
                ```diff
                --- a/src/app.py
                +++ b/src/app.py
                @@ -1 +1 @@
                -a
                +b
                ```
                """));

        assertThat(changes).containsExactly(new FileChange.Create("tests/fixtures/fix.patch",
                List.of("--- a/src/app.py", "+++ b/src/app.py", "@@ -1 +1 @@", "-a", "+b"), true));
        assertThat(new UnifiedDiffFormat().parse("tests/fixtures/fix.patch\n```diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n```\n")
                .plan().isEmpty()).isTrue();
    }

    @Test
    void teachesTheV4aFormat() {
        assertThat(format.instructions()).isEqualTo(new ApplyPatchFormat().instructions());
    }
}
