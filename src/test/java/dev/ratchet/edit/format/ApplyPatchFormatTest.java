package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.edit.Hunk;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyPatchFormatTest {
    private final ApplyPatchFormat format = new ApplyPatchFormat();

    private static List<FileChange> changes(ParsedReply reply) {
        assertThat(reply.problems()).isEmpty();
        return reply.plan().changes();
    }

    private static FileChange.Update onlyUpdate(ParsedReply reply) {
        assertThat(changes(reply)).hasSize(1);
        return (FileChange.Update) reply.plan().changes().get(0);
    }

    private static final String PATCH = """
            *** Begin Patch
            *** Update File: src/app.py
            @@ def greet():
            -    print("Hi")
            +    print("Hello")
            *** Add File: src/new.py
            +print("new")
            +
            +print("end")
            *** Delete File: src/old.py
            *** End Patch
            """;

    @Test
    void readsEveryFileOperationInAFence() {
        List<FileChange> changes = changes(format.parse("I'll update the greeting, add a module and remove the old one.\n\n```\n"
                + PATCH + "```\n\nLet me know if you want the tests updated too.\n"));

        assertThat(changes).hasSize(3);
        FileChange.Update update = (FileChange.Update) changes.get(0);
        assertThat(update.path()).isEqualTo("src/app.py");
        Hunk hunk = update.hunks().get(0);
        assertThat(hunk.anchors()).containsExactly("def greet():");
        assertThat(hunk.before()).containsExactly("    print(\"Hi\")");
        assertThat(hunk.after()).containsExactly("    print(\"Hello\")");
        assertThat(hunk.source()).isEqualTo(Hunk.Source.APPLY_PATCH);
        assertThat(hunk.lineHint()).isEmpty();
        assertThat(hunk.endOfFile()).isFalse();
        assertThat(changes.get(1)).isEqualTo(new FileChange.Create("src/new.py", List.of("print(\"new\")", "", "print(\"end\")"), false));
        assertThat(changes.get(2)).isEqualTo(new FileChange.Delete("src/old.py"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply_patch <<'EOF'", "apply_patch <<\"EOF\"", "apply_patch <<EOF", "%%bash\napply_patch <<\"EOF\"",
            "!apply_patch <<'EOF'", "$ apply_patch <<'PATCH'", "python3 apply_patch.py << 'EOF'", "cd /testbed && apply_patch <<-EOF"})
    void readsAPatchInAHeredoc(String opening) {
        String delimiter = opening.contains("PATCH") ? "PATCH" : "EOF";
        ParsedReply reply = format.parse("Applying the fix now.\n\n```bash\n" + opening + "\n" + PATCH + delimiter + "\n```\n\nDone!\n");

        assertThat(changes(reply)).extracting(FileChange::path).containsExactly("src/app.py", "src/new.py", "src/old.py");
    }

    @Test
    void readsAPatchInAnUnfencedHeredoc() {
        ParsedReply reply = format.parse("apply_patch <<'EOF'\n" + PATCH + "EOF\n");

        assertThat(changes(reply)).hasSize(3);
    }

    @Test
    void toleratesWhitespaceAroundMarkers() {
        ParsedReply reply = format.parse("""
                  *** Begin Patch
                ***Update File:   src/app.py\s\s
                @@ def greet():
                -    print("Hi")
                +    print("Hello")
                 ***  End Patch\s
                """);

        assertThat(onlyUpdate(reply).path()).isEqualTo("src/app.py");
    }

    @Test
    void firstChunkMayOmitTheAnchorAndLaterChunksSplitOnAt() {
        FileChange.Update update = onlyUpdate(format.parse("""
                *** Begin Patch
                *** Update File: lib/calc.rb
                 def add(a, b)
                -  a - b
                +  a + b
                 end
                @@ def mul(a, b)
                -  a + b
                +  a * b
                @@
                -VERSION = 1
                +VERSION = 2
                *** End Patch
                """));

        assertThat(update.hunks()).hasSize(3);
        assertThat(update.hunks().get(0).anchors()).isEmpty();
        assertThat(update.hunks().get(0).before()).containsExactly("def add(a, b)", "  a - b", "end");
        assertThat(update.hunks().get(0).after()).containsExactly("def add(a, b)", "  a + b", "end");
        assertThat(update.hunks().get(1).anchors()).containsExactly("def mul(a, b)");
        assertThat(update.hunks().get(2).anchors()).isEmpty();
        assertThat(update.hunks().get(2).after()).containsExactly("VERSION = 2");
    }

    @Test
    void consecutiveAnchorLinesNarrowOneChunkInOrder() {
        Hunk hunk = onlyUpdate(format.parse("""
                *** Begin Patch
                *** Update File: src/shapes.py
                @@ class BaseClass
                @@     def method():
                -        return 1
                +        return 2
                *** End Patch
                """)).hunks().get(0);

        assertThat(hunk.anchors()).containsExactly("class BaseClass", "    def method():");
        assertThat(hunk.before()).containsExactly("        return 1");
    }

    @Test
    void aChunkThatOnlyAddsLinesKeepsItsAnchorAndAnEmptyBefore() {
        Hunk hunk = onlyUpdate(format.parse("""
                *** Begin Patch
                *** Update File: src/app.py
                @@ def main():
                +    setup_logging()
                *** End Patch
                """)).hunks().get(0);

        assertThat(hunk.anchors()).containsExactly("def main():");
        assertThat(hunk.before()).isEmpty();
        assertThat(hunk.after()).containsExactly("    setup_logging()");
    }

    @Test
    void aBlankLineInsideAChunkIsAnEmptyContextLine() {
        Hunk hunk = onlyUpdate(format.parse("*** Begin Patch\n*** Update File: a.py\n@@\n import os\n\n-x = 1\n+x = 2\n*** End Patch\n"))
                .hunks().get(0);

        assertThat(hunk.before()).containsExactly("import os", "", "x = 1");
        assertThat(hunk.after()).containsExactly("import os", "", "x = 2");
    }

    @Test
    void blankLinesBetweenAChunkAndTheNextMarkerAreLayout() {
        List<FileChange> changes = changes(format.parse(
                "*** Begin Patch\n*** Update File: a.py\n\n@@ x\n-x = 1\n+x = 2\n\n*** Add File: b.py\n+b\n\n*** End Patch\n"));

        Hunk hunk = ((FileChange.Update) changes.get(0)).hunks().get(0);
        assertThat(hunk.before()).containsExactly("x = 1");
        assertThat(hunk.after()).containsExactly("x = 2");
        assertThat(changes.get(1)).isEqualTo(new FileChange.Create("b.py", List.of("b"), false));
    }

    @Test
    void endOfFilePinsTheChunk() {
        Hunk hunk = onlyUpdate(format.parse("""
                *** Begin Patch
                *** Update File: README.md
                @@
                 ## License
                -MIT
                +Apache-2.0
                *** End of File
                *** End Patch
                """)).hunks().get(0);

        assertThat(hunk.endOfFile()).isTrue();
        assertThat(hunk.after()).containsExactly("## License", "Apache-2.0");
    }

    @Test
    void moveToRenamesTheUpdatedFile() {
        FileChange.Update update = onlyUpdate(format.parse("""
                *** Begin Patch
                *** Update File: src/old_name.py
                *** Move to: src/new_name.py
                @@ def f():
                -    return 1
                +    return 2
                *** End Patch
                """));

        assertThat(update.path()).isEqualTo("src/old_name.py");
        assertThat(update.moveTo()).isEqualTo("src/new_name.py");
        assertThat(update.hunks()).hasSize(1);
    }

    @Test
    void twoUpdatesOfOneFileStayTwoChangesSoEachKeepsItsOwnOrder() {
        List<FileChange> changes = changes(format.parse(
                "*** Begin Patch\n*** Update File: a.py\n@@\n-x\n+y\n*** Update File: a.py\n@@\n-p\n+q\n*** End Patch\n"));

        assertThat(changes).hasSize(2).allSatisfy(change -> assertThat(change.path()).isEqualTo("a.py"));
    }

    @Test
    void aMoveWithoutChangesIsARename() {
        assertThat(changes(format.parse("*** Begin Patch\n*** Update File: a.py\n*** Move to: b.py\n*** End Patch\n")))
                .containsExactly(new FileChange.Update("a.py", List.of(), "b.py"));
    }

    @Test
    void aMissingEndPatchAtTheEndOfTheReplyIsATruncationAndDropsOnlyTheUnfinishedFile() {
        ParsedReply reply = format.parse("""
                ```
                *** Begin Patch
                *** Delete File: src/legacy.py
                *** Update File: src/a.py
                @@ def a():
                -    return 1
                +    return 2
                *** Update File: src/b.py
                @@ def b():
                -    return 1
                """);

        assertThat(reply.plan().changes()).extracting(FileChange::path).containsExactly("src/legacy.py", "src/a.py");
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("cut off").contains("*** End Patch").contains("src/b.py");
        });
    }

    @Test
    void aMissingEndPatchBeforeTheClosingFenceIsAProblemButTheEditsAreComplete() {
        ParsedReply reply = format.parse("```\n*** Begin Patch\n*** Update File: a.py\n@@\n-a\n+b\n```\n\nDone.\n");

        assertThat(reply.plan().changes()).extracting(FileChange::path).containsExactly("a.py");
        assertThat(reply.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no *** End Patch"));
    }

    @Test
    void aLineWithoutAPrefixBreaksOnlyItsFile() {
        ParsedReply reply = format.parse("""
                *** Begin Patch
                *** Update File: a.py
                @@ def a():
                -    return 1
                return 2
                *** Update File: b.py
                @@ def b():
                -    return 1
                +    return 2
                *** End Patch
                """);

        assertThat(reply.plan().changes()).extracting(FileChange::path).containsExactly("b.py");
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("return 2").contains("a.py").contains("space (context)");
        });
    }

    @Test
    void anAnchorWithNoChunkLinesIsAProblem() {
        ParsedReply reply = format.parse("*** Begin Patch\n*** Update File: a.py\n@@ def a():\n*** End Patch\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("no lines to change");
        });
    }

    @Test
    void anUpdateWithoutChangesIsAProblem() {
        ParsedReply reply = format.parse("*** Begin Patch\n*** Update File: a.py\n*** End Patch\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("has no changes"));
    }

    @Test
    void anAddFileLineWithoutPlusIsAProblem() {
        ParsedReply reply = format.parse("*** Begin Patch\n*** Add File: a.py\n+ok\nnot ok\n*** End Patch\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("starts with +"));
    }

    @Test
    void udiffStyleNumbersAfterAtAreNotAnAnchor() {
        Hunk hunk = onlyUpdate(format.parse("*** Begin Patch\n*** Update File: a.py\n@@ -3,2 +3,2 @@\n-a\n+b\n*** End Patch\n"))
                .hunks().get(0);

        assertThat(hunk.anchors()).isEmpty();
    }

    @Test
    void aPatchWithoutBeginPatchIsStillRead() {
        ParsedReply reply = format.parse("Here you go:\n\n*** Update File: a.py\n@@ def a():\n-x\n+y\n\nThat should do it.\n");

        assertThat(onlyUpdate(reply).hunks().get(0).after()).containsExactly("y");
    }

    @Test
    void keepsPathsAsWrittenAndNormalisesBackslashes() {
        List<FileChange> changes = changes(format.parse(
                "*** Begin Patch\n*** Delete File: /etc/passwd\n*** Delete File: ../x.txt\n*** Delete File: src\\win\\a.cs\n*** Delete File: `quoted.py`\n*** End Patch\n"));

        assertThat(changes).extracting(FileChange::path).containsExactly("/etc/passwd", "../x.txt", "src/win/a.cs", "quoted.py");
    }

    @Test
    void readsCrlfReplies() {
        Hunk hunk = onlyUpdate(format.parse(PATCH.lines().limit(5).map(line -> line + "\r\n").reduce("", String::concat)
                + "*** End Patch\r\n")).hunks().get(0);

        assertThat(hunk.before()).containsExactly("    print(\"Hi\")");
        assertThat(hunk.anchors()).containsExactly("def greet():");
    }

    @Test
    void proseIsNotAPatch() {
        ParsedReply reply = format.parse("The **important** part is *here*. See `apply_patch` for details.\n");

        assertThat(reply.plan().isEmpty()).isTrue();
        assertThat(reply.problems()).isEmpty();
    }
}
