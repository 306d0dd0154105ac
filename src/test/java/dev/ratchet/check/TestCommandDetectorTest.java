package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandDetectorTest {
    @TempDir
    Path root;

    private final TestCommandDetector detector = new TestCommandDetector();

    @Test
    void mavenProjectRunsMvnQuietlyInBatchMode() throws IOException {
        write("pom.xml", "<project/>");

        CheckCommand command = detect();

        assertThat(command.argv()).containsExactly("mvn", "-B", "-q", "test");
        assertThat(command.workingDir()).isEqualTo(root);
        assertThat(command.reason()).isEqualTo("pom.xml found -> mvn -B -q test");
    }

    @Test
    void mavenWrapperIsPreferredAndRunsThroughShWhenNotExecutable() throws IOException {
        write("pom.xml", "<project/>");
        write("mvnw", "#!/bin/sh\n");

        assertThat(detect().argv()).containsExactly("sh", "mvnw", "-B", "-q", "test");

        Files.setPosixFilePermissions(root.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        CheckCommand command = detect();
        assertThat(command.argv()).containsExactly("./mvnw", "-B", "-q", "test");
        assertThat(command.reason()).isEqualTo("pom.xml and mvnw found -> ./mvnw -B -q test");
    }

    @Test
    void gradleWrapperFirstThenGradle() throws IOException {
        write("build.gradle.kts", "plugins { java }");
        assertThat(detect().argv()).containsExactly("gradle", "test", "--console=plain");

        write("gradlew", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("gradlew"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(detect().argv()).containsExactly("./gradlew", "test", "--console=plain");
    }

    @Test
    void nodeTestScriptRunsWithThePackageManagerOfTheLockFile() throws IOException {
        write("package.json", "{\"scripts\": {\"test\": \"node --test\"}}");
        assertThat(detect().argv()).containsExactly("npm", "test");
        assertThat(detect().reason()).isEqualTo("package.json test script (node --test) found -> npm test");

        write("yarn.lock", "");
        assertThat(detect().argv()).containsExactly("yarn", "test");

        write("pnpm-lock.yaml", "");
        assertThat(detect().argv()).containsExactly("pnpm", "test");
    }

    @Test
    void npmsPlaceholderTestScriptIsNotATestCommand() throws IOException {
        write("package.json", "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}");
        assertThat(detector.detect(root)).isEmpty();

        write("package.json", "{\"scripts\": {\"build\": \"tsc\"}}");
        assertThat(detector.detect(root)).isEmpty();

        write("package.json", "{ not json");
        assertThat(detector.detect(root)).isEmpty();
    }

    @Test
    void pytestWhenConfigured() throws IOException {
        write("test_calc.py", "import unittest\n");
        write("pyproject.toml", "[project]\nname='x'\n\n[tool.pytest.ini_options]\naddopts='-q'\n");

        CheckCommand command = detect();

        assertThat(command.argv()).containsExactly("python3", "-m", "pytest");
        assertThat(command.reason()).isEqualTo("pyproject.toml has [tool.pytest] -> python3 -m pytest");
    }

    @Test
    void pytestWhenConftestOrPytestIniOrAnImport() throws IOException {
        write("conftest.py", "");
        assertThat(detect().reason()).startsWith("conftest.py found");
        Files.delete(root.resolve("conftest.py"));

        write("tests/test_calc.py", "import pytest\n\ndef test_add():\n    assert 1 + 1 == 2\n");
        assertThat(detect().argv()).containsExactly("python3", "-m", "pytest");
        assertThat(detect().reason()).isEqualTo("tests/test_calc.py imports pytest -> python3 -m pytest");
    }

    @Test
    void unittestDiscoverWhenTestFilesExist() throws IOException {
        write("calc.py", "");
        write("test_calc.py", "import unittest\n");

        CheckCommand command = detect();

        assertThat(command.argv()).containsExactly("python3", "-m", "unittest", "discover");
        assertThat(command.reason()).isEqualTo("test_calc.py found -> python3 -m unittest discover");
    }

    @Test
    void unittestStartsInTestsWhenItIsNotAPackage() throws IOException {
        write("calc.py", "");
        write("tests/test_calc.py", "import unittest\n");
        assertThat(detect().argv()).containsExactly("python3", "-m", "unittest", "discover", "-s", "tests");

        write("tests/__init__.py", "");
        assertThat(detect().argv()).containsExactly("python3", "-m", "unittest", "discover");
    }

    @Test
    void thePythonOfTheProjectsVirtualenvIsPreferred() throws IOException {
        write("test_calc.py", "import pytest\n");
        write(".venv/bin/python", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve(".venv/bin/python"), PosixFilePermissions.fromString("rwxr-xr-x"));

        CheckCommand command = detect();

        assertThat(command.argv()).containsExactly(".venv/bin/python", "-m", "pytest");
        assertThat(command.reason()).isEqualTo("test_calc.py imports pytest (the project's virtualenv) -> .venv/bin/python -m pytest");
    }

    @Test
    void pythonTestsInsideVirtualenvsAndNodeModulesDoNotCount() throws IOException {
        write(".venv/lib/test_x.py", "");
        write("node_modules/pkg/test_y.py", "");
        write("venv/test_z.py", "");

        assertThat(detector.detect(root)).isEmpty();
    }

    @Test
    void goCargoAndMake() throws IOException {
        write("go.mod", "module example.com/x\n");
        assertThat(detect().argv()).containsExactly("go", "test", "./...");
        Files.delete(root.resolve("go.mod"));

        write("Cargo.toml", "[package]\nname='x'\n");
        assertThat(detect().argv()).containsExactly("cargo", "test");
        Files.delete(root.resolve("Cargo.toml"));

        write("Makefile", "build:\n\tcc x.c\n\nunit test: build\n\t./run-tests\n");
        assertThat(detect().argv()).containsExactly("make", "test");
        assertThat(detect().reason()).isEqualTo("Makefile has a test target -> make test");
    }

    @Test
    void makefileWithoutATestTargetIsNotEnough() throws IOException {
        write("Makefile", ".PHONY: test\ntest_dir := out\ntests:\n\techo\n# test: commented out\n");

        assertThat(detector.detect(root)).isEmpty();
    }

    @Test
    void buildToolsWinOverHelperFiles() throws IOException {
        write("Makefile", "test:\n\tmvn test\n");
        write("package.json", "{\"scripts\": {\"test\": \"jest\"}}");
        write("pom.xml", "<project/>");

        assertThat(detect().argv().get(0)).isEqualTo("mvn");
    }

    @Test
    void theUsersCommandWinsAndRunsThroughTheShell() throws IOException {
        write("pom.xml", "<project/>");

        CheckCommand command = detector.resolve(root, Optional.of("make check && echo ok"), "--test-cmd");

        assertThat(command.argv()).isEqualTo(List.of("sh", "-c", "make check && echo ok"));
        assertThat(command.commandLine()).isEqualTo("make check && echo ok");
        assertThat(command.reason()).isEqualTo("--test-cmd -> make check && echo ok");
        assertThat(detector.resolve(root, Optional.empty(), "--test-cmd").commandLine()).isEqualTo("mvn -B -q test");
    }

    @Test
    void nothingToRunSaysWhatWasLookedForAndHowToSetIt() {
        assertThatThrownBy(() -> detector.resolve(root, Optional.empty(), "--test-cmd"))
                .isInstanceOf(NoTestCommandException.class)
                .hasMessageContaining("no test command found in " + root)
                .hasMessageContaining("pom.xml")
                .hasMessageContaining("--test-cmd")
                .hasMessageContaining(".ratchet.yml");
        assertThatThrownBy(() -> CheckCommand.shell("  ", root, "--lint-cmd"))
                .hasMessageStartingWith("--lint-cmd is empty");
    }

    private CheckCommand detect() {
        return detector.detect(root).orElseThrow();
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
