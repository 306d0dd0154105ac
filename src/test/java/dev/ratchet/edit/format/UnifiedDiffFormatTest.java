package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UnifiedDiffFormatTest {
    private final UnifiedDiffFormat format = new UnifiedDiffFormat();

    private static List<FileChange> changes(ParsedReply reply) {
        assertThat(reply.problems()).isEmpty();
        return reply.plan().changes();
    }

    private static FileChange.Update onlyUpdate(ParsedReply reply) {
        assertThat(changes(reply)).hasSize(1);
        return (FileChange.Update) reply.plan().changes().get(0);
    }

    @Test
    void readsAGitDiffInADiffFenceWithProseAround() {
        ParsedReply reply = format.parse("""
                The loop stops one element early. Here is the fix:

                ```diff
                diff --git a/src/sum.py b/src/sum.py
                index 3b18e51..a8c1f2d 100644
                --- a/src/sum.py
                +++ b/src/sum.py
                @@ -1,5 +1,5 @@ def total(values):
                 def total(values):
                     result = 0
                -    for i in range(len(values) - 1):
                +    for i in range(len(values)):
                         result += values[i]
                     return result
                ```

                After this change `total([1, 2, 3])` returns 6.
                """);

        FileChange.Update update = onlyUpdate(reply);
        assertThat(update.path()).isEqualTo("src/sum.py");
        assertThat(update.moveTo()).isNull();
        Hunk hunk = update.hunks().get(0);
        assertThat(hunk.before()).containsExactly("def total(values):", "    result = 0",
                "    for i in range(len(values) - 1):", "        result += values[i]", "    return result");
        assertThat(hunk.after()).containsExactly("def total(values):", "    result = 0",
                "    for i in range(len(values)):", "        result += values[i]", "    return result");
        assertThat(hunk.lineHint()).isEqualTo(OptionalInt.of(1));
        assertThat(hunk.source()).isEqualTo(Hunk.Source.UDIFF);
    }

    @Test
    void readsSeveralFilesAndSeveralHunksInOrder() {
        ParsedReply reply = format.parse("""
                ```diff
                --- a/src/a.py
                +++ b/src/a.py
                @@ -1,2 +1,2 @@
                -a = 1
                +a = 2
                 b = 1
                @@ -10,2 +10,2 @@
                 c = 1
                -d = 1
                +d = 2
                --- a/src/b.py
                +++ b/src/b.py
                @@ -3 +3 @@
                -x
                +y
                ```
                """);

        List<FileChange> changes = changes(reply);
        assertThat(changes).extracting(FileChange::path).containsExactly("src/a.py", "src/b.py");
        FileChange.Update first = (FileChange.Update) changes.get(0);
        assertThat(first.hunks()).extracting(Hunk::lineHint).containsExactly(OptionalInt.of(1), OptionalInt.of(10));
        assertThat(first.hunks().get(1).after()).containsExactly("c = 1", "d = 2");
        assertThat(((FileChange.Update) changes.get(1)).hunks().get(0).lineHint()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void newFileFromDevNullIsACreate() {
        FileChange change = changes(format.parse("""
                ```diff
                diff --git a/src/new_module.py b/src/new_module.py
                new file mode 100644
                index 0000000..e69de29
                --- /dev/null
                +++ b/src/new_module.py
                @@ -0,0 +1,2 @@
                +def hello():
                +    return "hello"
                ```
                """)).get(0);

        assertThat(change).isEqualTo(new FileChange.Create("src/new_module.py", List.of("def hello():", "    return \"hello\""), false));
    }

    @Test
    void deletedFileToDevNullIsADelete() {
        assertThat(changes(format.parse("""
                ```diff
                diff --git a/old.txt b/old.txt
                deleted file mode 100644
                --- a/old.txt
                +++ /dev/null
                @@ -1,2 +0,0 @@
                -one
                -two
                ```
                """))).containsExactly(new FileChange.Delete("old.txt"));
    }

    @Test
    void gitRenameWithoutHunksIsAMove() {
        assertThat(changes(format.parse("""
                ```diff
                diff --git a/src/old_name.py b/src/new_name.py
                similarity index 100%
                rename from src/old_name.py
                rename to src/new_name.py
                ```
                """))).containsExactly(new FileChange.Update("src/old_name.py", List.of(), "src/new_name.py"));
    }

    @Test
    void differingHeaderPathsAreAMoveWithHunks() {
        FileChange.Update update = onlyUpdate(format.parse("--- a/lib/old.rb\n+++ b/lib/new.rb\n@@ -1 +1 @@\n-a\n+b\n"));

        assertThat(update.path()).isEqualTo("lib/old.rb");
        assertThat(update.moveTo()).isEqualTo("lib/new.rb");
    }

    @Test
    void modeLinesAndTimestampsAreIgnored() {
        FileChange.Update update = onlyUpdate(format.parse("""
                diff --git a/run.sh b/run.sh
                old mode 100644
                new mode 100755
                --- run.sh\t2024-05-01 10:00:00.000000000 +0200
                +++ run.sh\t2024-05-01 10:05:00.000000000 +0200
                @@ -1 +1 @@
                -echo hi
                +echo hello
                """));

        assertThat(update.path()).isEqualTo("run.sh");
        assertThat(update.moveTo()).isNull();
    }

    @Test
    void stripsGitPrefixesOnlyWhenThePairSaysSo() {
        assertThat(onlyUpdate(format.parse("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-1\n+2\n")).path()).isEqualTo("x.py");
        FileChange.Update unprefixedPair = onlyUpdate(format.parse("--- a/x.py\n+++ a/x.py\n@@ -1 +1 @@\n-1\n+2\n"));
        assertThat(unprefixedPair.path()).isEqualTo("a/x.py");
        assertThat(unprefixedPair.moveTo()).isNull();
        assertThat(onlyUpdate(format.parse("--- b/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-1\n+2\n")).path()).isEqualTo("b/x.py");
        FileChange.Update oneSided = onlyUpdate(format.parse("--- a/x.py\n+++ x.py\n@@ -1 +1 @@\n-1\n+2\n"));
        assertThat(oneSided.path()).isEqualTo("x.py");
        assertThat(oneSided.moveTo()).isNull();
        assertThat(onlyUpdate(format.parse("--- x.py\n+++ b/x.py\n@@ -1 +1 @@\n-1\n+2\n")).moveTo()).isNull();
        assertThat(changes(format.parse("--- /dev/null\n+++ b/x.py\n@@ -0,0 +1 @@\n+1\n")))
                .containsExactly(new FileChange.Create("x.py", List.of("1"), false));
    }

    @Test
    void readsAiderStyleHeadersWithoutNumbers() {
        FileChange.Update update = onlyUpdate(format.parse("""
                ```diff
                --- src/app.py
                +++ src/app.py
                @@ ... @@
                 def main():
                -    run(debug=True)
                +    run(debug=False)
                @@ @@
                -VERSION = "1.0"
                +VERSION = "1.1"
                ```
                """));

        assertThat(update.path()).isEqualTo("src/app.py");
        assertThat(update.hunks()).hasSize(2);
        assertThat(update.hunks()).allSatisfy(hunk -> assertThat(hunk.lineHint()).isEmpty());
        assertThat(update.hunks().get(1).after()).containsExactly("VERSION = \"1.1\"");
    }

    @Test
    void anyAtLineInsideAFileSectionOpensAHunk() {
        FileChange.Update update = onlyUpdate(format.parse("""
                ```diff
                --- src/sum.py
                +++ src/sum.py
                @@ def total(values):
                     result = 0
                -    for i in range(len(values) - 1):
                +    for i in range(len(values)):
                @@ def mean(values):
                -    return total(values) / (len(values) - 1)
                +    return total(values) / len(values)
                ```
                """));

        assertThat(update.hunks()).hasSize(2);
        assertThat(update.hunks().get(0).before()).containsExactly("    result = 0", "    for i in range(len(values) - 1):");
        assertThat(update.hunks().get(1).after()).containsExactly("    return total(values) / len(values)");
        assertThat(update.hunks()).allSatisfy(hunk -> assertThat(hunk.anchors()).isEmpty());
    }

    @Test
    void headerlessDiffTakesTheOnePathNamedInTheProseAboveTheFence() {
        assertThat(onlyUpdate(format.parse("In `lib/calc.rb`, fix the sign:\n\n```diff\n@@ ... @@\n-  a - b\n+  a + b\n```\n")).path())
                .isEqualTo("lib/calc.rb");
    }

    @Test
    void headerlessDiffTakesAPathCommentJustAboveTheHunk() {
        assertThat(onlyUpdate(format.parse("```diff\n// src/App.java\n@@ -1 +1 @@\n-a\n+b\n```\n")).path())
                .isEqualTo("src/App.java");
    }

    @Test
    void headerlessDiffTakesTheFileNamedAboveTheFence() {
        FileChange.Update update = onlyUpdate(format.parse("""
                Update the config loader:

                `src/config.py`
                ```diff
                @@ -4,3 +4,3 @@
                 def load():
                -    return read("config.yml")
                +    return read("config.yaml")
                ```
                """));

        assertThat(update.path()).isEqualTo("src/config.py");
        assertThat(update.hunks().get(0).lineHint()).isEqualTo(OptionalInt.of(4));
    }

    @Test
    void headerlessDiffTakesTheFileNamedJustAboveTheHunk() {
        FileChange.Update update = onlyUpdate(format.parse("""
                ```diff
                src/config.py
                @@ -4,2 +4,2 @@
                -a
                +b
                ```
                """));

        assertThat(update.path()).isEqualTo("src/config.py");
    }

    @Test
    void headerlessHunkWithNoFileNamedIsAProblem() {
        ParsedReply reply = format.parse("Change this:\n\n```diff\n@@ -1 +1 @@\n-a\n+b\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("does not say which file").contains("--- a/path/to/file");
        });
    }

    @Test
    void contextLinesThatLostTheirLeadingSpaceAreContext() {
        Hunk hunk = onlyUpdate(format.parse("""
                ```diff
                --- a/Main.java
                +++ b/Main.java
                @@ -1,5 +1,5 @@
                class Main {
                     void run() {
                -        stop();
                +        start();
                     }
                }
                ```
                """)).hunks().get(0);

        assertThat(hunk.before()).containsExactly("class Main {", "    void run() {", "        stop();", "    }", "}");
        assertThat(hunk.after()).containsExactly("class Main {", "    void run() {", "        start();", "    }", "}");
    }

    @Test
    void anEmptyLineInsideAHunkIsAnEmptyContextLineAndTrailingBlanksAreDropped() {
        Hunk hunk = onlyUpdate(format.parse("```diff\n--- a/a.py\n+++ b/a.py\n@@ -1,3 +1,3 @@\n import os\n\n-x = 1\n+x = 2\n\n```\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("import os", "", "x = 1");
        assertThat(hunk.after()).containsExactly("import os", "", "x = 2");
    }

    @Test
    void trailingBlankContextIsKeptWhenTheHeaderCountsAskForIt() {
        Hunk hunk = onlyUpdate(format.parse("--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n-x = 1\n+x = 2\n\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("x = 1", "");
        assertThat(hunk.after()).containsExactly("x = 2", "");
    }

    @Test
    void noNewlineMarkerIsDropped() {
        Hunk hunk = onlyUpdate(format.parse("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("old");
        assertThat(hunk.after()).containsExactly("new");
    }

    @Test
    void wrongHeaderCountsDoNotCutTheHunkShort() {
        Hunk hunk = onlyUpdate(format.parse("```diff\n--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,1 @@\n a\n-b\n+c\n d\n e\n```\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("a", "b", "d", "e");
        assertThat(hunk.after()).containsExactly("a", "c", "d", "e");
    }

    @Test
    void anUnfencedDiffEndsWhereTheProseStarts() {
        ParsedReply reply = format.parse("""
                --- a/a.py
                +++ b/a.py
                @@ -1,2 +1,2 @@
                -x = 1
                +x = 2
                 y = 3

                This sets x to two.
                That is all.
                """);

        Hunk hunk = onlyUpdate(reply).hunks().get(0);
        assertThat(hunk.before()).containsExactly("x = 1", "y = 3");
        assertThat(hunk.after()).containsExactly("x = 2", "y = 3");
    }

    @Test
    void aDiffCutOffInsideItsFenceIsAProblemAndEarlierFilesStillCount() {
        ParsedReply reply = format.parse("""
                ```diff
                --- a/a.py
                +++ b/a.py
                @@ -1 +1 @@
                -a
                +b
                --- a/b.py
                +++ b/b.py
                @@ -1,3 +1,3 @@
                 one
                -two
                """);

        assertThat(reply.plan().changes()).extracting(FileChange::path).containsExactly("a.py");
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("cut off").contains("b.py");
        });
    }

    @Test
    void changedLinesRightAfterTheHeadersAreAHunkWithoutItsAtLine() {
        FileChange.Update update = onlyUpdate(format.parse("```diff\n--- a/a.py\n+++ b/a.py\n import os\n-x = 1\n+x = 2\n@@ ... @@\n-y\n+z\n```\n"));

        assertThat(update.hunks()).hasSize(2);
        assertThat(update.hunks().get(0).before()).containsExactly("import os", "x = 1");
        assertThat(update.hunks().get(0).lineHint()).isEmpty();
        assertThat(changes(format.parse("--- /dev/null\n+++ b/new.txt\n+hello\n")))
                .containsExactly(new FileChange.Create("new.txt", List.of("hello"), false));
    }

    @Test
    void removedAndAddedLinesThatLookLikeHeadersAreContentWhileTheCountsExpectThem() {
        ParsedReply reply = format.parse("""
                --- a/schema.sql
                +++ b/schema.sql
                @@ -1,3 +1,3 @@
                 CREATE TABLE t (
                --- old comment
                +++ new comment
                 );
                --- a/other.sql
                +++ b/other.sql
                @@ -1 +1 @@
                -a
                +b
                """);

        assertThat(changes(reply)).extracting(FileChange::path).containsExactly("schema.sql", "other.sql");
        FileChange.Update update = (FileChange.Update) reply.plan().changes().get(0);
        assertThat(update.hunks().get(0).before()).containsExactly("CREATE TABLE t (", "-- old comment", ");");
        assertThat(update.hunks().get(0).after()).containsExactly("CREATE TABLE t (", "++ new comment", ");");
    }

    @Test
    void headersWithoutHunksAreAProblem() {
        ParsedReply reply = format.parse("```diff\n--- a/a.py\n+++ b/a.py\n```\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no hunks"));
    }

    @Test
    void aMarkdownRuleIsNotAHeader() {
        ParsedReply reply = format.parse("Intro\n\n---\n\nMore prose about +++ operators.\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void readsCrlfReplies() {
        Hunk hunk = onlyUpdate(format.parse("```diff\r\n--- a/a.py\r\n+++ b/a.py\r\n@@ -1,2 +1,2 @@\r\n keep\r\n-old\r\n+new\r\n```\r\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("keep", "old");
        assertThat(hunk.after()).containsExactly("keep", "new");
    }

    @Test
    void tildeFencesAndSourceTagsWork() {
        assertThat(onlyUpdate(format.parse("~~~~diff\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-a\n+b\n~~~~\n")).path()).isEqualTo("a.py");
        assertThat(onlyUpdate(format.parse("<source>diff\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-a\n+b\n</source>\n")).path()).isEqualTo("a.py");
    }

    @Test
    void keepsAbsolutePathsAsWritten() {
        assertThat(onlyUpdate(format.parse("--- /etc/hosts\n+++ /etc/hosts\n@@ -1 +1 @@\n-a\n+b\n")).path()).isEqualTo("/etc/hosts");
    }
}
