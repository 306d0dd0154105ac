package dev.ratchet.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed call comes back as a precise error result; none throws. */
class MalformedCallTest {
    @TempDir
    Path temp;

    private Toolbox tools;

    @BeforeEach
    void repo() throws Exception {
        tools = ToolRepo.with(temp, "src/app.py", "print('hi')\n", ".env", "KEY=secret\n").toolbox();
    }

    private ToolOutcome call(String name, String arguments) {
        return tools.call(ToolRepo.call(name, arguments));
    }

    @Test
    void invalidJsonArgumentsSayWhatWasWrongAndShowTheText() {
        ToolOutcome outcome = call("read_file", "{\"path\": \"src/app.py\"");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.forModel()).startsWith("Error: the arguments of read_file are not valid JSON")
                .contains("{\"path\": \"src/app.py\"");
    }

    @Test
    void argumentsThatAreNotAnObjectAreRefused() {
        assertThat(call("read_file", "[\"src/app.py\"]").forModel()).contains("must be one JSON object");
    }

    @Test
    void anUnknownToolIsNamedWithTheToolsThereAre() {
        ToolOutcome outcome = call("open_file", "{\"path\": \"src/app.py\"}");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.forModel()).contains("no tool named \"open_file\"")
                .contains("list_files, read_file, search, apply_patch, run_tests, run_command");
    }

    @Test
    void anUnknownParameterIsNamedWithTheRealOnes() {
        assertThat(call("read_file", "{\"file\": \"src/app.py\"}").forModel())
                .contains("read_file has no parameter file").contains("end_line, path, start_line");
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        assertThat(call("read_file", "{}").forModel()).contains("read_file needs the string parameter \"path\"");
    }

    @Test
    void aParameterOfTheWrongTypeIsRefused() {
        assertThat(call("read_file", "{\"path\": \"src/app.py\", \"start_line\": \"two\"}").forModel())
                .contains("\"start_line\" must be a whole number, not \"two\"");
        assertThat(call("read_file", "{\"path\": \"src/app.py\", \"start_line\": 0}").forModel())
                .contains("\"start_line\" must be from 1");
    }

    @Test
    void pathsOutsideTheRepositoryOrIntoGitAreRefused() {
        assertThat(call("read_file", "{\"path\": \"../outside.txt\"}").forModel()).startsWith("Error: path refused")
                .contains("'..'");
        assertThat(call("read_file", "{\"path\": \"/etc/passwd\"}").forModel()).contains("is absolute");
        assertThat(call("read_file", "{\"path\": \".git/config\"}").forModel()).contains("inside .git/");
        assertThat(call("list_files", "{\"path\": \"../\"}").forModel()).startsWith("Error: path refused");
        assertThat(call("search", "{\"pattern\": \"x\", \"path\": \".git\"}").forModel()).startsWith("Error: path refused");
        assertThat(call("apply_patch", "{\"patch\": \"*** Begin Patch\\n*** Add File: ../evil.txt\\n+x\\n*** End Patch\"}").ok())
                .isFalse();
    }

    @Test
    void aBadRegularExpressionIsExplained() {
        ToolOutcome outcome = call("search", "{\"pattern\": \"loads(\"}");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.forModel()).contains("not a valid Java regular expression").contains("Unclosed group")
                .contains("escape special characters");
    }

    @Test
    void aSecretLookingFileIsNotShown() {
        assertThat(call("read_file", "{\"path\": \".env\"}").forModel()).contains("looks like a secret")
                .doesNotContain("KEY=secret");
    }

    @Test
    void anEmptyPatchIsAnError() {
        assertThat(call("apply_patch", "{\"patch\": \"I would change app.py\"}").forModel())
                .contains("the patch holds no change");
    }

    @Test
    void runTestsWithoutATestCommandSaysSo() {
        assertThat(call("run_tests", "{}").forModel()).contains("no test command");
    }
}
