package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SearchReplaceFormatTest {
    private final SearchReplaceFormat format = new SearchReplaceFormat();

    private static FileChange.Update onlyUpdate(ParsedReply reply) {
        assertThat(reply.problems()).isEmpty();
        assertThat(reply.plan().changes()).hasSize(1);
        return (FileChange.Update) reply.plan().changes().get(0);
    }

    @Test
    void readsABlockWithProseAroundIt() {
        ParsedReply reply = format.parse("""
                The greeting is missing its punctuation. I'll fix it in `greet`.

                src/greeting.py
                ```python
                <<<<<<< SEARCH
                def greet(name):
                    print("Hi " + name)
                =======
                def greet(name):
                    print(f"Hello, {name}!")
                >>>>>>> REPLACE
                ```

                This makes the greeting friendlier. Run the tests to confirm.
                """);

        FileChange.Update update = onlyUpdate(reply);
        assertThat(update.path()).isEqualTo("src/greeting.py");
        assertThat(update.moveTo()).isNull();
        Hunk hunk = update.hunks().get(0);
        assertThat(hunk.before()).containsExactly("def greet(name):", "    print(\"Hi \" + name)");
        assertThat(hunk.after()).containsExactly("def greet(name):", "    print(f\"Hello, {name}!\")");
        assertThat(hunk.source()).isEqualTo(Hunk.Source.SEARCH_REPLACE);
        assertThat(hunk.anchors()).isEmpty();
        assertThat(hunk.lineHint()).isEmpty();
    }

    @Test
    void acceptsReversedMarkersAsInThePublishedGpt41Example() {
        FileChange.Update update = onlyUpdate(format.parse("""
                path/to/file.py
                ```
                >>>>>>> SEARCH
                x = 1
                =======
                x = 2
                <<<<<<< REPLACE
                ```
                """));

        assertThat(update.hunks().get(0).before()).containsExactly("x = 1");
        assertThat(update.hunks().get(0).after()).containsExactly("x = 2");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6, 7, 8, 9})
    void acceptsMarkersOfFiveToNineCharacters(int width) {
        String reply = "app.js\n```js\n" + "<".repeat(width) + " SEARCH\nlet a = 1;\n" + "=".repeat(width)
                + "\nlet a = 2;\n" + ">".repeat(width) + " REPLACE\n```\n";

        assertThat(onlyUpdate(format.parse(reply)).hunks().get(0).after()).containsExactly("let a = 2;");
    }

    @Test
    void fourMarkerCharactersAreNotABlock() {
        ParsedReply reply = format.parse("app.js\n```\n<<<< SEARCH\na\n====\nb\n>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"```", "````", "~~~", "~~~~~", "```python", "~~~ python", "<source>python", "<source>"})
    void acceptsAnyFence(String opening) {
        String closing = opening.startsWith("<") ? "</source>" : opening.replaceAll("[^`~]", "");
        String reply = "Here is the change.\n\nsrc/app.py\n" + opening + "\n<<<<<<< SEARCH\nold()\n=======\nnew()\n"
                + ">>>>>>> REPLACE\n" + closing + "\n\nDone.\n";

        FileChange.Update update = onlyUpdate(format.parse(reply));
        assertThat(update.path()).isEqualTo("src/app.py");
        assertThat(update.hunks().get(0).before()).containsExactly("old()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/app.py", "**src/app.py**", "# src/app.py", "### src/app.py", "File: src/app.py",
            "`src/app.py`", "**`src/app.py`**", "`src/app.py`:", "\"src/app.py\"", "**File:** `src/app.py`",
            "src\\app.py", "- src/app.py"})
    void toleratesDecoratedPathLinesAboveTheFence(String pathLine) {
        String reply = pathLine + "\n```python\n<<<<<<< SEARCH\nold()\n=======\nnew()\n>>>>>>> REPLACE\n```\n";

        assertThat(onlyUpdate(format.parse(reply)).path()).isEqualTo("src/app.py");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/app.py", "# src/app.py", "// src/app.py", "// File: src/app.py", "# file: src/app.py",
            "File: src/app.py", "**src/app.py**", "<!-- src/app.py -->", "/* src/app.py */", "-- src/app.py"})
    void readsThePathInsideTheFenceJustAboveSearch(String pathLine) {
        String reply = "Change this:\n```python\n" + pathLine
                + "\n<<<<<<< SEARCH\nold()\n=======\nnew()\n>>>>>>> REPLACE\n```\n";

        assertThat(onlyUpdate(format.parse(reply)).path()).isEqualTo("src/app.py");
    }

    @Test
    void takesTheOnePathNamedInTheProseLineAboveTheFence() {
        FileChange.Update update = onlyUpdate(format.parse("""
                To fix this, update `src/app.py` as follows:

                ```python
                <<<<<<< SEARCH
                import os
                =======
                import os
                import sys
                >>>>>>> REPLACE
                ```
                """));

        assertThat(update.path()).isEqualTo("src/app.py");
    }

    @Test
    void readsABlockIndentedWithItsFenceInAMarkdownList() {
        FileChange.Update update = onlyUpdate(format.parse("""
                Two steps:

                1. Update `src/app.py`:

                   ```python
                   <<<<<<< SEARCH
                   def main():
                       run()
                   =======
                   def main():
                       run(verbose=True)
                   >>>>>>> REPLACE
                   ```

                2. Run the tests.
                """));

        assertThat(update.path()).isEqualTo("src/app.py");
        assertThat(update.hunks().get(0).before()).containsExactly("def main():", "    run()");
        assertThat(update.hunks().get(0).after()).containsExactly("def main():", "    run(verbose=True)");
    }

    @Test
    void markersIndentedDeeperThanTheirFenceAreContent() {
        ParsedReply reply = format.parse("a.py\n```\n    <<<<<<< SEARCH\n    x\n    =======\n    y\n    >>>>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void takesTheOnePathNamedInTheProseLineJustAboveAnUnfencedBlock() {
        FileChange.Update update = onlyUpdate(format.parse("Change `lib/a.rb`:\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n"));

        assertThat(update.path()).isEqualTo("lib/a.rb");
    }

    @Test
    void aProseLineNamingTwoPathsDoesNotChooseOne() {
        ParsedReply reply = format.parse("Move the call from `a.py` to `b.py`:\n```\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not say which file"));
    }

    @Test
    void readsThePathInTheFenceInfoString() {
        FileChange.Update update = onlyUpdate(format.parse(
                "```python:src/app.py\n<<<<<<< SEARCH\nold()\n=======\nnew()\n>>>>>>> REPLACE\n```\n"));

        assertThat(update.path()).isEqualTo("src/app.py");
    }

    @Test
    void keepsSeveralBlocksAfterOnePathLineInReplyOrder() {
        ParsedReply reply = format.parse("""
                I'll make two changes in the same file.

                src/main/java/com/example/Calc.java
                ```java
                <<<<<<< SEARCH
                    int add(int a, int b) {
                        return a - b;
                =======
                    int add(int a, int b) {
                        return a + b;
                >>>>>>> REPLACE
                <<<<<<< SEARCH
                    int mul(int a, int b) {
                        return a + b;
                =======
                    int mul(int a, int b) {
                        return a * b;
                >>>>>>> REPLACE
                ```

                And a third one in its own fence, for the same file:

                ```java
                <<<<<<< SEARCH
                    int neg(int a) {
                =======
                    int negate(int a) {
                >>>>>>> REPLACE
                ```
                """);

        FileChange.Update update = onlyUpdate(reply);
        assertThat(update.path()).isEqualTo("src/main/java/com/example/Calc.java");
        assertThat(update.hunks()).extracting(h -> h.after().get(h.after().size() - 1).strip())
                .containsExactly("return a + b;", "return a * b;", "int negate(int a) {");
    }

    @Test
    void blocksForDifferentFilesStaySeparate() {
        ParsedReply reply = format.parse("""
                a.py
                ```
                <<<<<<< SEARCH
                a = 1
                =======
                a = 2
                >>>>>>> REPLACE
                ```
                b.py
                ```
                <<<<<<< SEARCH
                b = 1
                =======
                b = 2
                >>>>>>> REPLACE
                ```
                """);

        assertThat(reply.problems()).isEmpty();
        assertThat(reply.plan().changes()).extracting(FileChange::path).containsExactly("a.py", "b.py");
    }

    @Test
    void emptySearchIsAnInsertionHunkInsideAnUpdate() {
        FileChange.Update update = onlyUpdate(format.parse("""
                I'll create the new module.

                src/util/strings.py
                ```python
                <<<<<<< SEARCH
                =======
                def shout(text):
                    return text.upper()
                >>>>>>> REPLACE
                ```
                """));

        assertThat(update.path()).isEqualTo("src/util/strings.py");
        assertThat(update.hunks().get(0).before()).isEmpty();
        assertThat(update.hunks().get(0).after()).containsExactly("def shout(text):", "    return text.upper()");
    }

    @Test
    void emptyReplaceDeletesLines() {
        Hunk hunk = onlyUpdate(format.parse("a.py\n```\n<<<<<<< SEARCH\nimport os\n=======\n>>>>>>> REPLACE\n```\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("import os");
        assertThat(hunk.after()).isEmpty();
    }

    @Test
    void keepsAnElisionLineInSearchForTheApplierToRepair() {
        Hunk hunk = onlyUpdate(format.parse("""
                a.py
                ```
                <<<<<<< SEARCH
                def f():
                ...
                    return 1
                =======
                def f():
                    return 2
                >>>>>>> REPLACE
                ```
                """)).hunks().get(0);

        assertThat(hunk.before()).containsExactly("def f():", "...", "    return 1");
    }

    @Test
    void keepsBlankAndIndentedLinesExactly() {
        Hunk hunk = onlyUpdate(format.parse("a.py\n```\n<<<<<<< SEARCH\n\tx = 1\n\n  y = 2  \n=======\n\tx = 3\n>>>>>>> REPLACE\n```\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("\tx = 1", "", "  y = 2  ");
        assertThat(hunk.after()).containsExactly("\tx = 3");
    }

    @Test
    void aDividerLineOfAnotherLengthIsContent() {
        Hunk hunk = onlyUpdate(format.parse("docs/index.rst\n```\n<<<<<<< SEARCH\nIntro\n=====\n=======\nOverview\n========\n>>>>>>> REPLACE\n```\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("Intro", "=====");
        assertThat(hunk.after()).containsExactly("Overview", "========");
    }

    @Test
    void twoDividerLinesOfTheMarkersLengthAreAmbiguousAndNothingIsGuessed() {
        ParsedReply reply = format.parse("notes.md\n```\n<<<<<<< SEARCH\nTitle\n=======\nTitle\n=======\n>>>>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("several =======").contains("lines 5, 7");
        });
    }

    @Test
    void aTruncatedBlockIsAProblemAndTheCompleteBlocksStillCount() {
        ParsedReply reply = format.parse("""
                src/a.py
                ```python
                <<<<<<< SEARCH
                a = 1
                =======
                a = 2
                >>>>>>> REPLACE
                ```

                src/b.py
                ```python
                <<<<<<< SEARCH
                b = 1
                =======
                b = 2
                """);

        assertThat(reply.plan().changes()).extracting(FileChange::path).containsExactly("src/a.py");
        assertThat(reply.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(12);
            assertThat(problem.message()).contains("cut off").contains(">>>>>>> REPLACE");
        });
    }

    @Test
    void aBlockWhoseFenceClosesBeforeItsReplaceMarkerIsAProblemAndTheReplyReadsOn() {
        ParsedReply reply = format.parse("""
                a.py
                ```
                <<<<<<< SEARCH
                a = 1
                =======
                a = 2
                ```

                b.py
                ```
                <<<<<<< SEARCH
                b = 1
                =======
                b = 2
                >>>>>>> REPLACE
                ```
                """);

        assertThat(onlyPaths(reply)).containsExactly("b.py");
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("no >>>>>>> REPLACE line before its fence closes at line 7");
        });
    }

    @Test
    void aBlockWithoutADividerIsAProblem() {
        ParsedReply reply = format.parse("a.py\n```\n<<<<<<< SEARCH\na = 1\n>>>>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("no =======");
        });
    }

    @Test
    void aBlockThatRunsIntoTheNextSearchIsAProblem() {
        ParsedReply reply = format.parse("""
                a.py
                ```
                <<<<<<< SEARCH
                a = 1
                =======
                a = 2
                <<<<<<< SEARCH
                b = 1
                =======
                b = 2
                >>>>>>> REPLACE
                ```
                """);

        assertThat(reply.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
        assertThat(onlyPaths(reply)).containsExactly("a.py");
        assertThat(((FileChange.Update) reply.plan().changes().get(0)).hunks().get(0).before()).containsExactly("b = 1");
    }

    @Test
    void aBlockWithNoPathAnywhereIsAProblemNamingTheFix() {
        ParsedReply reply = format.parse("Replace this:\n\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("does not say which file").contains("path on its own line");
        });
    }

    @Test
    void keepsAbsoluteAndParentPathsAsWrittenForTheWorkspaceToRefuse() {
        ParsedReply reply = format.parse("""
                /etc/passwd
                ```
                <<<<<<< SEARCH
                =======
                x
                >>>>>>> REPLACE
                ```
                ../outside.txt
                ```
                <<<<<<< SEARCH
                =======
                y
                >>>>>>> REPLACE
                ```
                """);

        assertThat(onlyPaths(reply)).containsExactly("/etc/passwd", "../outside.txt");
    }

    @Test
    void readsCrlfReplies() {
        String reply = "Fix:\r\n\r\nsrc/app.py\r\n```python\r\n<<<<<<< SEARCH\r\nold()\r\n=======\r\nnew()\r\n>>>>>>> REPLACE\r\n```\r\n";

        Hunk hunk = onlyUpdate(format.parse(reply)).hunks().get(0);
        assertThat(hunk.before()).containsExactly("old()");
        assertThat(hunk.after()).containsExactly("new()");
    }

    @Test
    void proseWithoutBlocksIsAnEmptyPlanWithoutProblems() {
        ParsedReply reply = format.parse("I looked at `src/app.py` and it is already correct.\n\n```python\nprint('hi')\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    private static List<String> onlyPaths(ParsedReply reply) {
        return reply.plan().changes().stream().map(FileChange::path).toList();
    }
}
