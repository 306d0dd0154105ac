package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

    @TempDir
    Path dir;

    private static final String GREETER = """
            package demo;

            public class Greeter {
                public String greet(String name) {
                    return "Hi " + name;
                }
            }
            """;

    private Path write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    private static String searchReplace(String path, String search, String replace) {
        return path + "\n```java\n<<<<<<< SEARCH\n" + search + "=======\n" + replace + ">>>>>>> REPLACE\n```\n";
    }

    @Test
    void appliesSearchReplaceFromStandardInput() throws IOException {
        write("src/demo/Greeter.java", GREETER);
        String reply = "I'll change the greeting.\n\n"
                + searchReplace("src/demo/Greeter.java", "        return \"Hi \" + name;\n", "        return \"Hello, \" + name + \"!\";\n")
                + "\nThat should do it.\n";

        CliRun run = CliRun.run(reply, "apply", "--repo", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(read("src/demo/Greeter.java")).isEqualTo(GREETER.replace("\"Hi \" + name", "\"Hello, \" + name + \"!\""));
        assertThat(run.out()).contains("src/demo/Greeter.java").contains("1 file changed");
    }

    @Test
    void appliesV4aPatchFromAFileArgument() throws IOException {
        write("src/demo/Greeter.java", GREETER);
        Path patch = write("reply.txt", """
                *** Begin Patch
                *** Update File: src/demo/Greeter.java
                @@ public class Greeter {
                     public String greet(String name) {
                -        return "Hi " + name;
                +        return "Hey " + name;
                     }
                *** Add File: src/demo/Main.java
                +package demo;
                +
                +class Main {}
                *** End Patch
                """);

        CliRun run = CliRun.run("", "apply", "--repo", dir.toString(), patch.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(read("src/demo/Greeter.java")).contains("return \"Hey \" + name;");
        assertThat(read("src/demo/Main.java")).isEqualTo("package demo;\n\nclass Main {}\n");
    }

    @Test
    void refusalChangesNothingAndExplainsWhy() throws IOException {
        write("src/demo/Greeter.java", GREETER);
        write("src/demo/Other.java", "class Other {\n    int x = 1;\n}\n");
        String reply = searchReplace("src/demo/Other.java", "    int x = 1;\n", "    int x = 2;\n")
                + searchReplace("src/demo/Greeter.java", "        return \"Howdy \" + person;\n", "        return \"Hello \" + name;\n");

        CliRun run = CliRun.run(reply, "apply", "--repo", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.GAVE_UP);
        assertThat(read("src/demo/Other.java")).as("the edit that matched is not written either").contains("int x = 1;");
        assertThat(read("src/demo/Greeter.java")).isEqualTo(GREETER);
        assertThat(run.err()).contains("refused src/demo/Greeter.java, hunk 1")
                .contains("closest lines")
                .contains("return \"Hi \" + name;")
                .contains("nothing on disk was changed");
    }

    @Test
    void dryRunPrintsTheDiffAndWritesNothing() throws IOException {
        write("src/demo/Greeter.java", GREETER);
        String reply = searchReplace("src/demo/Greeter.java", "        return \"Hi \" + name;\n", "        return \"Yo \" + name;\n");

        CliRun run = CliRun.run(reply, "apply", "--dry-run", "--repo", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(read("src/demo/Greeter.java")).isEqualTo(GREETER);
        assertThat(run.out()).contains("--- a/src/demo/Greeter.java", "+++ b/src/demo/Greeter.java",
                "-        return \"Hi \" + name;", "+        return \"Yo \" + name;");
        assertThat(run.err()).contains("dry run");
    }

    @Test
    void jsonReportsAppliedAndRefused() throws IOException {
        write("a.txt", "one\ntwo\nthree\n");
        write("b.txt", "alpha\nbeta\n");
        String reply = searchReplace("a.txt", "two\n", "TWO\n") + searchReplace("b.txt", "betta\n", "BETA\n");

        CliRun run = CliRun.run(reply, "apply", "--json", "--repo", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.GAVE_UP);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("applied")).hasSize(1);
        assertThat(json.get("applied").get(0).get("path").asText()).isEqualTo("a.txt");
        assertThat(json.get("applied").get(0).get("action").asText()).isEqualTo("update");
        assertThat(json.get("applied").get(0).get("hunks").asInt()).isEqualTo(1);
        JsonNode refused = json.get("refused").get(0);
        assertThat(refused.get("path").asText()).isEqualTo("b.txt");
        assertThat(refused.get("hunk").asInt()).isEqualTo(1);
        assertThat(refused.get("reason").asText()).isNotBlank();
        assertThat(refused.get("closest").get(0).get("line").asInt()).isBetween(1, 2);
        assertThat(refused.get("closest").get(0).has("similarity")).isTrue();
        assertThat(read("a.txt")).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void applyingTheSameReplyTwiceReportsAlreadyApplied() throws IOException {
        write("a.txt", "one\ntwo\nthree\n");
        String reply = searchReplace("a.txt", "two\n", "TWO\n");

        assertThat(CliRun.run(reply, "apply", "--repo", dir.toString()).exitCode()).isZero();
        CliRun again = CliRun.run(reply, "apply", "--repo", dir.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already-applied").contains("1 already applied");
        assertThat(read("a.txt")).isEqualTo("one\nTWO\nthree\n");
    }

    @Test
    void pathsOutsideTheRootAreRefusedByName() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        String reply = "--- /dev/null\n+++ b/../escape.txt\n@@ -0,0 +1 @@\n+gotcha\n";

        CliRun run = CliRun.run(reply, "apply", "--repo", root.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.GAVE_UP);
        assertThat(run.err()).contains("../escape.txt");
        assertThat(dir.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwoWithOneLineSayingWhatToDo() throws IOException {
        write("a.txt", "x\n");
        String root = dir.toString();

        assertThat(CliRun.run("x", "apply", "--format", "ed", "--repo", root))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("unknown edit format 'ed'").contains("search-replace"));
        assertThat(CliRun.run("", "apply", "--repo", root, dir.resolve("missing.md").toString()))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("missing.md does not exist"));
        assertThat(CliRun.run("x", "apply", "--repo", dir.resolve("a.txt").toString()))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("is not a directory"));
        assertThat(CliRun.run("  \n", "apply", "--repo", root))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("is empty"));
        assertThat(CliRun.run("Sure! I think the code looks fine as it is.\n", "apply", "--repo", root))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("no edit found"));
        assertThat(read("a.txt")).isEqualTo("x\n");
    }

    @Test
    void helpTeachesTheFormatsAndExitCodes() {
        CliRun run = CliRun.run("", "apply", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dry-run", "--json", "--format", "search-replace", "apply-patch", "Examples", "Exit codes");
    }
}
