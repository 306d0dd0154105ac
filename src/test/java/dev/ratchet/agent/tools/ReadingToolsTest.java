package dev.ratchet.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read_file paging and limits, search caps and ignore rules, list_files depth and globs. */
class ReadingToolsTest {
    @TempDir
    Path temp;

    private static String numbered(int lines) {
        return IntStream.rangeClosed(1, lines).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void readFileNumbersLinesAndPagesWithANoteHowToReadOn() throws Exception {
        Toolbox tools = ToolRepo.with(temp, "big.txt", numbered(250)).toolbox();

        ToolOutcome first = tools.call(ToolRepo.call("read_file", "{\"path\": \"big.txt\"}"));

        assertThat(first.forModel()).startsWith("big.txt, lines 1-100 of 250:\n")
                .contains("  1\tline 1\n").contains("100\tline 100\n").doesNotContain("line 101")
                .endsWith("[lines 101-250 not shown; call read_file with \"start_line\": 101 to read on]\n");
        ToolOutcome last = tools.call(ToolRepo.call("read_file", "{\"path\": \"big.txt\", \"start_line\": 201}"));
        assertThat(last.forModel()).startsWith("big.txt, lines 201-250 of 250:\n").contains("250\tline 250\n")
                .doesNotContain("not shown");
        ToolOutcome range = tools.call(ToolRepo.call("read_file", "{\"path\": \"big.txt\", \"start_line\": 10, \"end_line\": 12}"));
        assertThat(range.forModel()).isEqualTo("big.txt, lines 10-12 of 250:\n10\tline 10\n11\tline 11\n12\tline 12\n");
        assertThat(tools.call(ToolRepo.call("read_file", "{\"path\": \"big.txt\", \"start_line\": 251}")).forModel())
                .contains("big.txt has 250 lines; start_line 251 is past its end");
    }

    @Test
    void hugeBinaryMissingAndDirectoryFilesGetPreciseErrors() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, "data/huge.csv", "x,".repeat(40_000), "src/a.py", "a = 1\n");
        Files.write(repo.root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Toolbox tools = repo.toolbox();

        assertThat(tools.call(ToolRepo.call("read_file", "{\"path\": \"data/huge.csv\"}")).forModel())
                .contains("data/huge.csv is 80000 bytes, more than the 65536 bytes read_file reads");
        assertThat(tools.call(ToolRepo.call("read_file", "{\"path\": \"logo.png\"}")).forModel()).contains("is a binary file");
        assertThat(tools.call(ToolRepo.call("read_file", "{\"path\": \"src/b.py\"}")).forModel())
                .contains("there is no file src/b.py; use list_files or search");
        assertThat(tools.call(ToolRepo.call("read_file", "{\"path\": \"src\"}")).forModel())
                .contains("src is a directory; use list_files");
    }

    @Test
    void searchAnswersPathLineTextAndCapsTheResults() throws Exception {
        Toolbox tools = ToolRepo.with(temp, "a.py", "def loads(text):\n    return text\n", "b.py", numbered(20)).toolbox();

        ToolOutcome one = tools.call(ToolRepo.call("search", "{\"pattern\": \"def \\\\w+\\\\(\"}"));
        assertThat(one.forModel()).isEqualTo("a.py:1: def loads(text):\n");
        assertThat(one.summary()).isEqualTo("1 match in 1 file");

        ToolOutcome capped = tools.call(ToolRepo.call("search", "{\"pattern\": \"^line \", \"path\": \"b.py\"}"));
        assertThat(capped.forModel().lines().filter(line -> line.startsWith("b.py:"))).hasSize(5);
        assertThat(capped.forModel()).contains("[20 matching lines in 1 files; only the first 5 are shown");
    }

    @Test
    void searchAndListingHonourGitignoreAndLeaveOutSecrets() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, ".gitignore", "build-output/\n", "src/app.py", "TOKEN = 'x'\n");
        Files.createDirectories(repo.root.resolve("build-output"));
        Files.writeString(repo.root.resolve("build-output/gen.py"), "TOKEN = 'generated'\n");
        Files.writeString(repo.root.resolve("id_rsa"), "TOKEN private key\n");
        Toolbox tools = repo.toolbox();

        assertThat(tools.call(ToolRepo.call("search", "{\"pattern\": \"TOKEN\"}")).forModel()).isEqualTo("src/app.py:1: TOKEN = 'x'\n");
        assertThat(tools.call(ToolRepo.call("list_files", "{}")).forModel()).isEqualTo(".gitignore\nsrc/app.py\n");
    }

    @Test
    void aPatternThatBacktracksForeverIsStopped() throws Exception {
        ToolRepo repo = ToolRepo.with(temp, "a.txt", "a".repeat(40) + "!\n");
        Toolbox tools = new Toolbox(java.util.List.of(new SearchTool(repo.listing, 5, Duration.ofMillis(200))));

        long start = System.nanoTime();
        ToolOutcome outcome = tools.call(ToolRepo.call("search", "{\"pattern\": \"(.*a){12}!b\"}"));

        assertThat(outcome.forModel()).contains("took too long");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void listFilesFoldsDeepDirectoriesAndFiltersByGlob() throws Exception {
        Toolbox tools = ToolRepo.with(temp, "README.md", "r\n", "src/main/A.java", "a\n", "src/main/deep/B.java", "b\n",
                "src/main/deep/C.java", "c\n", "tests/test_a.py", "t\n").toolbox();

        assertThat(tools.call(ToolRepo.call("list_files", "{\"depth\": 2}")).forModel())
                .isEqualTo("README.md\nsrc/main/ (3 files)\ntests/test_a.py\n");
        assertThat(tools.call(ToolRepo.call("list_files", "{\"path\": \"src/main\", \"depth\": 1}")).forModel())
                .isEqualTo("src/main/A.java\nsrc/main/deep/ (2 files)\n");
        assertThat(tools.call(ToolRepo.call("list_files", "{\"glob\": \"*.java\"}")).forModel())
                .isEqualTo("src/main/A.java\nsrc/main/deep/B.java\nsrc/main/deep/C.java\n");
        assertThat(tools.call(ToolRepo.call("list_files", "{\"glob\": \"src/**/deep/*.java\"}")).summary()).isEqualTo("2 files");
        assertThat(tools.call(ToolRepo.call("list_files", "{\"path\": \"docs\"}")).forModel()).startsWith("No files in docs");
    }
}
