package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a reply holds, reading it never throws: broken edits are problems, not exceptions. */
class MalformedReplyTest {
    private static final String[] PIECES = {
        "", " ", "\r", "```", "```diff", "~~~", "````python", "<source>", "</source>", "src/app.py", "**a.py**",
        "<<<<<<< SEARCH", ">>>>>>> SEARCH", "=======", ">>>>>>> REPLACE", "<<<<<<< REPLACE", "*** Begin Patch",
        "*** End Patch", "*** Update File: a.py", "*** Update File:", "*** Add File: b.py", "*** Delete File: c.py",
        "*** Move to: d.py", "*** Move to:", "*** End of File", "@@", "@@ def f():", "@@ -1,3 +1,4 @@", "@@ -0,0 +1 @@",
        "@@ -99999999999,1 +1 @@", "@@ ... @@", "--- a/a.py", "+++ b/a.py", "--- /dev/null", "+++ /dev/null",
        "diff --git a/a.py b/b.py", "rename from a.py", "rename to b.py", "new file mode 100644", "deleted file mode 100644",
        "index 0000000..e69de29", "\\ No newline at end of file", "-removed", "+added", " context", "prose line.",
        "apply_patch <<'EOF'", "EOF", "File:", "# ", "`", "``", "\"\"", "/", "..", "a/", "b/"};

    @Test
    void randomSoupsOfEditSyntaxNeverThrow() {
        Random random = new Random(7);
        for (int round = 0; round < 1000; round++) {
            StringBuilder reply = new StringBuilder();
            int lines = random.nextInt(30);
            for (int i = 0; i < lines; i++) {
                reply.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            String text = random.nextBoolean() ? reply.toString() : reply.toString().strip();
            for (String name : EditFormats.names()) {
                EditFormat format = EditFormats.named(name);
                assertThatCode(() -> format.parse(text)).as("%s on:%n%s", name, text).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyProblemLineIsALineOfTheReply() {
        Random random = new Random(11);
        for (int round = 0; round < 600; round++) {
            StringBuilder reply = new StringBuilder();
            int lines = 1 + random.nextInt(25);
            for (int i = 0; i < lines; i++) {
                reply.append(PIECES[random.nextInt(PIECES.length)]).append('\n');
            }
            int lineCount = new ReplyText(reply.toString()).size();
            for (String name : EditFormats.names()) {
                ParsedReply parsed = EditFormats.named(name).parse(reply.toString());
                assertThat(parsed.problems()).allSatisfy(problem -> {
                    assertThat(problem.line()).isBetween(1, Math.max(1, lineCount));
                    assertThat(problem.message()).isNotBlank();
                });
            }
        }
    }

    @Test
    void nullAndEmptyRepliesAreEmptyPlans() {
        for (String name : EditFormats.names()) {
            assertThat(EditFormats.named(name).parse("").plan().isEmpty()).isTrue();
            assertThat(EditFormats.named(name).parse(null).plan().isEmpty()).isTrue();
        }
    }
}
