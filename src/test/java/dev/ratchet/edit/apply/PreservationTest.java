package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.plan;
import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.FileChange;
import dev.ratchet.workspace.FileWrite;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreservationTest {

    @Test
    void crlfFileStaysCrlfIncludingNewLines() {
        MemoryRepo repo = new MemoryRepo().put("w.cs", "a\r\nb\r\nc\r\n");

        repo.applyAndWrite(update("w.cs", udiff("a\nb\nc", "a\nb\nnew\nc")));

        assertThat(repo.text("w.cs")).isEqualTo("a\r\nb\r\nnew\r\nc\r\n");
    }

    @Test
    void mixedEndingsKeepUntouchedLinesByteIdenticalAndNewLinesTakeTheDominantEnding() {
        MemoryRepo repo = new MemoryRepo().put("m.txt", "a\r\nb\nc\r\nd\r\n");

        repo.applyAndWrite(update("m.txt", udiff("b\nc", "b\nx\nc")));

        assertThat(repo.text("m.txt")).isEqualTo("a\r\nb\nx\r\nc\r\nd\r\n");
    }

    @Test
    void missingFinalNewlineStaysMissing() {
        MemoryRepo repo = new MemoryRepo().put("n.txt", "a\nlast");

        repo.applyAndWrite(update("n.txt", udiff("a\nlast", "a\nlast2")));

        assertThat(repo.text("n.txt")).isEqualTo("a\nlast2");
    }

    @Test
    void appendingToAFileWithoutFinalNewlineTerminatesTheOldLastLineOnly() {
        MemoryRepo repo = new MemoryRepo().put("n.txt", "a\r\nb");

        repo.applyAndWrite(update("n.txt", searchReplace("", "c")));

        assertThat(repo.text("n.txt")).isEqualTo("a\r\nb\r\nc");
    }

    @Test
    void finalNewlineStaysWhenTheLastLineIsReplaced() {
        MemoryRepo repo = new MemoryRepo().put("n.txt", "a\nb\n");

        repo.applyAndWrite(update("n.txt", searchReplace("b", "c\nd")));

        assertThat(repo.text("n.txt")).isEqualTo("a\nc\nd\n");
    }

    @Test
    void utf8BomIsKept() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        MemoryRepo repo = new MemoryRepo().putBytes("b.txt", concat(bom, "h\u00e9llo\nworld\n".getBytes(StandardCharsets.UTF_8)));

        Application result = repo.applyAndWrite(update("b.txt", searchReplace("h\u00e9llo", "hall\u00f6")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.bytes("b.txt")).isEqualTo(concat(bom, "hall\u00f6\nworld\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bomLineIsMatchedWithoutTheBom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        MemoryRepo repo = new MemoryRepo().putBytes("b.txt", concat(bom, "first\n".getBytes(StandardCharsets.UTF_8)));

        repo.applyAndWrite(update("b.txt", searchReplace("first", "second")));

        assertThat(repo.bytes("b.txt")).isEqualTo(concat(bom, "second\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryFileIsRefusedWithTheOffsetOfTheNulByte() {
        MemoryRepo repo = new MemoryRepo().putBytes("img.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});

        Application result = repo.applyAndWrite(update("img.png", searchReplace("PNG", "JPG")));

        assertThat(result.refused()).containsExactly(Refusal.ofFile("img.png",
                "looks binary (NUL byte at offset 4); ratchet edits only UTF-8 text files, so change this file by hand"));
        assertThat(result.writes()).isEmpty();
    }

    @Test
    void invalidUtf8IsRefusedWithTheByteOffsetAndNeverRewritten() {
        byte[] latin1 = "caf\u00e9\nok\n".getBytes(StandardCharsets.ISO_8859_1);
        MemoryRepo repo = new MemoryRepo().putBytes("l.txt", latin1);

        Application result = repo.applyAndWrite(update("l.txt", searchReplace("ok", "ko")));

        assertThat(result.refused().get(0).reason()).startsWith("is not valid UTF-8 (bad byte at offset 3)");
        assertThat(repo.bytes("l.txt")).isEqualTo(latin1);
    }

    @Test
    void wholeFileReplacementOfABinaryFileIsRefused() {
        MemoryRepo repo = new MemoryRepo().putBytes("x.bin", new byte[] {1, 0, 2});

        Application result = repo.applyAndWrite(plan(new FileChange.Create("x.bin", List.of("text"), true)));

        assertThat(result.refused().get(0).reason()).startsWith("looks binary");
    }

    @Test
    void deletingABinaryFileIsAllowedAndDiffedAsBinary() {
        MemoryRepo repo = new MemoryRepo().putBytes("x.bin", new byte[] {1, 0, 2});

        Application result = repo.applyAndWrite(plan(new FileChange.Delete("x.bin")));

        assertThat(result.writes()).containsExactly(new FileWrite.Remove("x.bin"));
        assertThat(result.unifiedDiff()).contains("Binary file x.bin deleted");
    }

    @Test
    void updateKeepsTheModeOfTheSamePath() {
        MemoryRepo repo = new MemoryRepo().put("run.sh", "#!/bin/sh\necho hi\n");

        Application result = repo.applyAndWrite(update("run.sh", searchReplace("echo hi", "echo bye")));

        assertThat(result.writes()).singleElement().isInstanceOfSatisfying(FileWrite.Put.class,
                put -> assertThat(put.keepModeOf()).isEqualTo("run.sh"));
    }

    @Test
    void emptyFileTakesAnInsertionAndEndsWithANewline() {
        MemoryRepo repo = new MemoryRepo().put("e.txt", "");

        Application result = repo.applyAndWrite(update("e.txt", udiff(1, "", "first")));

        assertThat(result.clean()).isTrue();
        assertThat(repo.text("e.txt")).isEqualTo("first\n");
    }

    @Test
    void textFileRoundTripsByteForByte() throws Exception {
        String[] samples = {"", "a", "a\n", "a\r\n", "a\r\nb", "\n\n", "x\r\ny\nz", "tab\there\r", "\u00e9\u4e2d\n"};
        for (String sample : samples) {
            byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            assertThat(TextFile.decode(bytes).encode()).as(sample).isEqualTo(bytes);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
