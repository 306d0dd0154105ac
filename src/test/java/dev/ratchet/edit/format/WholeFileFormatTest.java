package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WholeFileFormatTest {
    private final WholeFileFormat format = new WholeFileFormat();

    private static List<FileChange> changes(ParsedReply reply) {
        assertThat(reply.problems()).isEmpty();
        return reply.plan().changes();
    }

    @Test
    void readsAPathLineAndItsFenceAsTheWholeNewFile() {
        List<FileChange> changes = changes(format.parse("""
                Here is the complete updated file.

                src/greeting.py
                ```python
                def greet(name):

                    print(f"Hello, {name}!")
                ```

                And the new test:

                tests/test_greeting.py
                ```python
                from src.greeting import greet
                ```
                """));

        assertThat(changes).containsExactly(
                new FileChange.Create("src/greeting.py", List.of("def greet(name):", "", "    print(f\"Hello, {name}!\")"), true),
                new FileChange.Create("tests/test_greeting.py", List.of("from src.greeting import greet"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"**src/app.py**", "### src/app.py", "File: src/app.py", "`src/app.py`", "`src/app.py`:", "Makefile"})
    void toleratesDecoratedPathLines(String pathLine) {
        List<FileChange> changes = changes(format.parse(pathLine + "\n\n```\nall: build\n```\n"));

        assertThat(changes).singleElement().satisfies(change ->
                assertThat(change.path()).isEqualTo(pathLine.equals("Makefile") ? "Makefile" : "src/app.py"));
    }

    @Test
    void acceptsLongerBacktickTildeAndSourceFences() {
        assertThat(changes(format.parse("README.md\n````markdown\n# Title\n```bash\nmake\n```\n````\n")))
                .containsExactly(new FileChange.Create("README.md", List.of("# Title", "```bash", "make", "```"), true));
        assertThat(changes(format.parse("a.txt\n~~~\nx\n~~~\n"))).containsExactly(new FileChange.Create("a.txt", List.of("x"), true));
        assertThat(changes(format.parse("a.txt\n<source>text\nx\n</source>\n"))).containsExactly(new FileChange.Create("a.txt", List.of("x"), true));
    }

    @Test
    void anEmptyFenceEmptiesTheFile() {
        assertThat(changes(format.parse("src/__init__.py\n```python\n```\n")))
                .containsExactly(new FileChange.Create("src/__init__.py", List.of(), true));
    }

    @Test
    void fencesWithoutAPlausiblePathAreIllustrations() {
        ParsedReply reply = format.parse("""
                You can run it like this:

                ```bash
                python -m app
                ```

                The output is:
                ```
                Hello
                ```
                """);

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void aFenceHoldingAnotherFormatIsNotAWholeFile() {
        ParsedReply reply = format.parse("""
                src/app.py
                ```python
                <<<<<<< SEARCH
                a
                =======
                b
                >>>>>>> REPLACE
                ```
                src/b.py
                ```
                --- a/src/b.py
                +++ b/src/b.py
                @@ -1 +1 @@
                -a
                +b
                ```
                src/c.py
                ```diff
                 x
                ```
                src/d.py
                ```
                *** Begin Patch
                *** End Patch
                ```
                """);

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void commandsAndOutputUnderAPathLineAreNotFileContent() {
        ParsedReply reply = format.parse("""
                tests/test_sum.py
                ```console
                E   AssertionError: assert 5 == 6
                ```
                src/app.py
                ```bash
                python src/app.py --verbose
                ```
                """);

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void aShellFenceUnderAScriptPathIsTheScript() {
        assertThat(changes(format.parse("scripts/build.sh\n```bash\nset -e\nmvn -q package\n```\n")))
                .containsExactly(new FileChange.Create("scripts/build.sh", List.of("set -e", "mvn -q package"), true));
        assertThat(changes(format.parse("bin/ratchet\n```sh\nexec java -jar ratchet.jar\n```\n")))
                .extracting(FileChange::path).containsExactly("bin/ratchet");
    }

    @Test
    void anUnclosedFenceIsATruncationProblem() {
        ParsedReply reply = format.parse("a.py\n```\nx = 1\n```\n\nb.py\n```python\ny = 2\n");

        assertThat(reply.plan().changes()).containsExactly(new FileChange.Create("a.py", List.of("x = 1"), true));
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("b.py").contains("cut off").contains("closing fence");
        });
    }

    @Test
    void thePathMayStandInTheFenceInfoString() {
        assertThat(changes(format.parse("```python src/app.py\nprint(1)\n```\n")))
                .containsExactly(new FileChange.Create("src/app.py", List.of("print(1)"), true));
    }

    @Test
    void readsCrlfReplies() {
        assertThat(changes(format.parse("a.py\r\n```\r\nx = 1\r\ny = 2\r\n```\r\n")))
                .containsExactly(new FileChange.Create("a.py", List.of("x = 1", "y = 2"), true));
    }
}
