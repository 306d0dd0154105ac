package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static dev.ratchet.edit.apply.MemoryRepo.v4a;
import static dev.ratchet.edit.apply.MemoryRepo.v4aEndOfFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorAndOrderTest {
    private static final String TWO_CLASSES = """
            class Cat:
                def speak(self):
                    return "meow"

            class Dog:
                def speak(self):
                    return "meow"
            """;

    @Test
    void anchorChoosesBetweenIdenticalContexts() {
        MemoryRepo repo = new MemoryRepo().put("pets.py", TWO_CLASSES);

        Application result = repo.applyAndWrite(update("pets.py", v4a(List.of("class Dog:"),
                "    def speak(self):\n        return \"meow\"", "    def speak(self):\n        return \"woof\"")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("pets.py")).isEqualTo(TWO_CLASSES.replaceFirst("(?s)(class Dog:.*)\"meow\"", "$1\"woof\""));
    }

    @Test
    void stackedAnchorsNarrowInTurn() {
        String text = "class A:\n    def f(self):\n        x = 1\n    def g(self):\n        x = 1\n"
                + "class B:\n    def f(self):\n        x = 1\n    def g(self):\n        x = 1\n";
        MemoryRepo repo = new MemoryRepo().put("ab.py", text);

        Application result = repo.applyAndWrite(update("ab.py", v4a(List.of("class B:", "    def g(self):"), "        x = 1", "        x = 2")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("ab.py")).isEqualTo(text.substring(0, text.length() - "1\n".length()) + "2\n");
    }

    @Test
    void chunkThatRepeatsItsAnchorAsContextStillMatches() {
        MemoryRepo repo = new MemoryRepo().put("pets.py", TWO_CLASSES);

        Application result = repo.applyAndWrite(update("pets.py", v4a(List.of("class Dog:"),
                "class Dog:\n    def speak(self):\n        return \"meow\"", "class Dog:\n    def speak(self):\n        return \"woof\"")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("pets.py")).endsWith("class Dog:\n    def speak(self):\n        return \"woof\"\n");
    }

    @Test
    void anchorThatMatchesNoLineIsRefusedNotIgnored() {
        MemoryRepo repo = new MemoryRepo().put("pets.py", TWO_CLASSES);

        Application result = repo.applyAndWrite(update("pets.py", v4a(List.of("class Cow:"),
                "    def speak(self):\n        return \"meow\"", "    def speak(self):\n        return \"moo\"")));

        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).contains("@@ anchor 'class Cow:' matches no line");
            assertThat(refusal.closest()).isNotEmpty();
            assertThat(refusal.closest().get(0).text()).startsWith("class ");
        });
        assertThat(repo.text("pets.py")).isEqualTo(TWO_CLASSES);
    }

    @Test
    void anchorMayBeContainedInALongerLine() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def a(x, y):\n    pass\ndef b(x, y):\n    pass\n");

        Application result = repo.applyAndWrite(update("a.py", v4a(List.of("def b"), "    pass", "    return x")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("a.py")).isEqualTo("def a(x, y):\n    pass\ndef b(x, y):\n    return x\n");
    }

    @Test
    void containedAnchorDoesNotMatchInsideALongerName() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "def bar():\n    pass\ndef b(x):\n    pass\n");

        Application result = repo.applyAndWrite(update("a.py", v4a(List.of("def b"), "    pass", "    return x")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("a.py")).isEqualTo("def bar():\n    pass\ndef b(x):\n    return x\n");
        assertThat(AnchorLocator.containsAsWords("public void run() {", "void run")).isTrue();
        assertThat(AnchorLocator.containsAsWords("void running()", "void run")).isFalse();
    }

    @Test
    void pureInsertionGoesRightAfterItsAnchorNotAtTheEnd() {
        MemoryRepo repo = new MemoryRepo().put("c.py", "class C:\n    x = 1\n\nclass D:\n    y = 2\n");

        Application result = repo.applyAndWrite(update("c.py", v4a(List.of("class C:"), "", "    added = 0")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("c.py")).isEqualTo("class C:\n    added = 0\n    x = 1\n\nclass D:\n    y = 2\n");
    }

    @Test
    void endOfFileChunkMatchesOnlyAtTheEnd() {
        MemoryRepo repo = new MemoryRepo().put("e.txt", "tail\nmiddle\ntail\n");

        Application result = repo.applyAndWrite(update("e.txt", v4aEndOfFile("tail", "tail\nmore")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("e.txt")).isEqualTo("tail\nmiddle\ntail\nmore\n");
    }

    @Test
    void endOfFileChunkWhoseLinesAreNotAtTheEndIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("e.txt", "tail\nmiddle\nlast\n");

        Application result = repo.applyAndWrite(update("e.txt", v4aEndOfFile("tail", "tail2")));

        assertThat(result.refused().get(0).reason()).contains("at the end of the file");
    }

    @Test
    void pureInsertionAtEndOfFile() {
        MemoryRepo repo = new MemoryRepo().put("e.txt", "a\nb\n");

        Application result = repo.applyAndWrite(update("e.txt", v4aEndOfFile("", "c")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("e.txt")).isEqualTo("a\nb\nc\n");
    }

    @Test
    void udiffPureInsertionWithOnlyALineNumberIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("u.txt", "a\nb\n");

        Application result = repo.applyAndWrite(update("u.txt", udiff(2, "", "inserted")));

        assertThat(result.refused().get(0).reason()).contains("would be a guess from a line number")
                .contains("include a few unchanged lines");
        assertThat(repo.text("u.txt")).isEqualTo("a\nb\n");
    }

    @Test
    void orderedHunksUseThePreviousHunkToChooseBetweenRepeatedContext() {
        String text = "begin\nvalue = 0\nsep\nmarker\nvalue = 0\nend\n";
        MemoryRepo repo = new MemoryRepo().put("o.txt", text);

        Application result = repo.applyAndWrite(update("o.txt",
                udiff("sep\nmarker", "sep\nmarker2"),
                udiff("value = 0\nend", "value = 1\nend"),
                udiff("value = 0", "value = 5")));

        // hunk 3 has two places; after hunk 2 rewrote the second, only the first is left, so it is unique
        assertThat(result.clean()).as(result.refused().toString()).isTrue();
        assertThat(repo.text("o.txt")).isEqualTo("begin\nvalue = 5\nsep\nmarker2\nvalue = 1\nend\n");
    }

    @Test
    void hunksOutOfOrderStillApplyWhenEachIsUnique() {
        MemoryRepo repo = new MemoryRepo().put("o.txt", "one\ntwo\nthree\nfour\n");

        Application result = repo.applyAndWrite(update("o.txt", udiff("three\nfour", "three\nFOUR"), udiff("one\ntwo", "ONE\ntwo")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("o.txt")).isEqualTo("ONE\ntwo\nthree\nFOUR\n");
    }

    @Test
    void orderedHunkAfterTheCursorIsChosenWhenTheOtherPlaceIsBeforeIt() {
        String text = "x = 1\nhead\nbody\nx = 1\n";
        MemoryRepo repo = new MemoryRepo().put("o.py", text);

        Application result = repo.applyAndWrite(update("o.py", udiff("head\nbody", "head\nbody2"), udiff("x = 1", "x = 2")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("o.py")).isEqualTo("x = 1\nhead\nbody2\nx = 2\n");
    }

    @Test
    void overlappingHunksAreRefused() {
        MemoryRepo repo = new MemoryRepo().put("v.txt", "a\nb\nc\nd\n");

        Application result = repo.applyAndWrite(update("v.txt", udiff("a\nb\nc", "a\nB\nc"), udiff("b\nc\nd", "b\nC\nd")));

        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.hunk()).isEqualTo(2);
            assertThat(refusal.reason()).contains("overlaps an earlier hunk").contains("hunk 1 already changed");
        });
        assertThat(repo.text("v.txt")).isEqualTo("a\nb\nc\nd\n");
    }

    @Test
    void hunksSharingContextLinesOverlapAndAreRefused() {
        MemoryRepo repo = new MemoryRepo().put("v.txt", "a\nb\nc\nd\ne\n");

        Application result = repo.applyAndWrite(update("v.txt", udiff("a\nb\nc", "a\nB\nc"), udiff("c\nd\ne", "c\nD\ne")));

        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.hunk()).isEqualTo(2);
            assertThat(refusal.reason()).contains("overlaps hunk 1 of the same file").contains("merge them into one hunk");
        });
    }

    @Test
    void searchReplaceBlocksApplyInSequenceOnTheEditedText() {
        MemoryRepo repo = new MemoryRepo().put("s.py", "a = 1\n");

        Application result = repo.applyAndWrite(update("s.py",
                MemoryRepo.searchReplace("a = 1", "a = 1\nb = 2"),
                MemoryRepo.searchReplace("b = 2", "b = 3")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("s.py")).isEqualTo("a = 1\nb = 3\n");
    }

    @Test
    void emptySearchAppendsToAnExistingFile() {
        MemoryRepo repo = new MemoryRepo().put("s.py", "a = 1\n");

        Application result = repo.applyAndWrite(update("s.py", MemoryRepo.searchReplace("", "b = 2")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("s.py")).isEqualTo("a = 1\nb = 2\n");
    }

    @Test
    void closestLinesOfARefusalAreNumberedAsTheFileIsOnDisk() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "import os\n\ndef f():\n    return 1\n\ndef g():\n    return 2\n");

        // hunk 1 applies (two lines added above g); hunk 2 does not match, so nothing is written
        Application result = repo.applyAndWrite(MemoryRepo.update("a.py",
                MemoryRepo.v4a(List.of(), "import os", "import os\nimport re\nimport sys"),
                MemoryRepo.v4a(List.of(), "def g():\n    return 3", "def g():\n    return 4")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused()).singleElement().satisfies(refusal ->
                assertThat(refusal.closest().get(0)).satisfies(line -> {
                    assertThat(line.text()).isEqualTo("def g():");
                    assertThat(line.line()).as("line of the file on disk, not after hunk 1").isEqualTo(6);
                }));
        assertThat(repo.text("a.py")).startsWith("import os\n\ndef f");
    }

    @Test
    void closestLinesOfAnUnmatchedAnchorAreNumberedAsTheFileIsOnDisk() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "import os\n\ndef f():\n    return 1\n\ndef g():\n    return 2\n");

        Application result = repo.applyAndWrite(MemoryRepo.update("a.py",
                MemoryRepo.v4a(List.of(), "import os", "import os\nimport re\nimport sys"),
                MemoryRepo.v4a(List.of("def gg():"), "    return 2", "    return 4")));

        assertThat(result.refused()).singleElement().satisfies(refusal ->
                assertThat(refusal.closest().get(0).line()).isEqualTo(6));
    }
}
