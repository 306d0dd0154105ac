package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import org.junit.jupiter.api.Test;

/** Replies an output limit cut off between two edits, drifted new files, and whole Markdown files with fences inside. */
class CutOffReplyTest {
    private final EditFormat auto = EditFormats.named("auto");

    @Test
    void aReplyEndingOnABarePathIsCutOff() {
        ParsedReply parsed = auto.parse("""
                src/a.py
                ```python
                <<<<<<< SEARCH
                x = 1
                =======
                x = 2
                >>>>>>> REPLACE
                ```

                src/mod""");

        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("ends with the path src/mod", "cut off");
        });
    }

    @Test
    void aReplyThatEndsByListingTheFilesItChangedIsNotCutOff() {
        String edit = """
                src/a.py
                ```python
                <<<<<<< SEARCH
                x = 1
                =======
                x = 2
                >>>>>>> REPLACE
                ```

                """;

        assertThat(auto.parse(edit + "Files changed:\n- src/a.py").problems()).isEmpty();
        assertThat(auto.parse(edit + "src/a.py\n").problems()).as("a complete last line").isEmpty();
        assertThat(auto.parse(edit + "src/a.py").problems()).as("cut mid-line").hasSize(1);
    }

    @Test
    void aReplyEndingOnAHalfWrittenMarkerIsCutOff() {
        ParsedReply parsed = EditFormats.named("search-replace").parse("""
                src/a.py
                ```python
                <<<<<<< SEARCH
                x = 1
                =======
                x = 2
                >>>>>>> REPLACE
                <<<<<<<""");

        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("cut off"));
    }

    @Test
    void aFinalFenceLeftOpenAfterACompleteBlockIsNotAProblem() {
        ParsedReply parsed = auto.parse("""
                src/a.py
                ```python
                <<<<<<< SEARCH
                x = 1
                =======
                x = 2
                >>>>>>> REPLACE
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.plan().changes()).hasSize(1);
    }

    @Test
    void udiffHeadersThatDifferWithNothingAfterThemAreCutOffNotARename() {
        ParsedReply parsed = auto.parse("""
                ```diff
                --- a/src/store/types.ts
                +++ b/src/st""");

        assertThat(parsed.plan().changes()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no hunks", "rename from"));
    }

    @Test
    void aNewFileInADiffWithEveryLineIndentedIsAProblem() {
        ParsedReply parsed = auto.parse("""
                ```diff
                --- /dev/null
                +++ b/src/new.py
                @@ -0,0 +1,2 @@
                +  def f():
                +      return 1
                ```
                """);

        assertThat(parsed.plan().changes()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("2 spaces"));
    }

    @Test
    void aWholeMarkdownFileKeepsTheFencesInsideIt() {
        ParsedReply parsed = auto.parse("""
                docs/README.md
                ```md
                # Tool

                ```sh
                make install
                ```

                Done.
                ```
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.plan().changes()).singleElement().isInstanceOfSatisfying(FileChange.Create.class,
                create -> assertThat(create.lines()).containsExactly("# Tool", "", "```sh", "make install", "```", "", "Done."));
    }

    @Test
    void aWholeMarkdownFileCutOffInsideAnInnerFenceIsAProblem() {
        ParsedReply parsed = auto.parse("""
                docs/README.md
                ```md
                # Tool

                ```sh
                make install
                ```

                ## Usage
                """);

        assertThat(parsed.plan().changes()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("cut off"));
    }
}
