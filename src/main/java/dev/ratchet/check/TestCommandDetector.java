package dev.ratchet.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the command that runs a project's tests from the files at its root.
 *
 * <p>Detection order (the first match wins): Maven ({@code ./mvnw} before {@code mvn}), Gradle
 * ({@code ./gradlew} before {@code gradle}), a {@code package.json} "test" script (pnpm, yarn or
 * npm by lock file), pytest (when configured or imported), {@code python3 -m unittest discover}
 * (when test_*.py files exist; both with the project's .venv or venv interpreter when there is one), {@code go test ./...}, {@code cargo test}, {@code make test}.
 * Build tools come first because a repository with a pom.xml and a helper Makefile is a Maven
 * project; a user who disagrees passes {@code --test-cmd}.
 */
public final class TestCommandDetector {
    static final String LOOKED_FOR = "pom.xml, build.gradle(.kts), package.json with a \"test\" script, "
            + "pytest configuration or test_*.py files, go.mod, Cargo.toml, a Makefile with a test target";

    private static final Set<String> SKIPPED_DIRS = Set.of(
            "node_modules", "venv", "site-packages", "__pycache__", "target", "build", "dist");
    private static final int PYTHON_SEARCH_DEPTH = 4;
    private static final Pattern MAKE_TEST_TARGET =
            Pattern.compile("(?m)^(?:[^\\s:#=]+[ \\t]+)*test(?:[ \\t]+[^\\s:#=]+)*[ \\t]*:(?!=)");
    private static final Pattern PYTEST_IMPORT = Pattern.compile("(?m)^\\s*(?:import pytest|from pytest\\b)");

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The user's command when there is one, else the detected one.
     *
     * @param userCommand a shell command line from --test-cmd or .ratchet.yml
     * @param origin where userCommand came from, shown in the reason ("--test-cmd")
     * @throws NoTestCommandException when there is neither
     */
    public CheckCommand resolve(Path root, Optional<String> userCommand, String origin) {
        if (userCommand.isPresent()) {
            return CheckCommand.shell(userCommand.get(), root, origin);
        }
        return detect(root).orElseThrow(() -> new NoTestCommandException(root));
    }

    /** The project's test command, with the reason it was chosen, or empty when nothing matches. */
    public Optional<CheckCommand> detect(Path root) {
        return maven(root)
                .or(() -> gradle(root))
                .or(() -> node(root))
                .or(() -> python(root))
                .or(() -> marker(root, "go.mod", "go", "test", "./..."))
                .or(() -> marker(root, "Cargo.toml", "cargo", "test"))
                .or(() -> make(root));
    }

    private Optional<CheckCommand> maven(Path root) {
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            return Optional.empty();
        }
        return Optional.of(wrapperOrTool(root, "pom.xml", "mvnw", "mvn", "-B", "-q", "test"));
    }

    private Optional<CheckCommand> gradle(Path root) {
        Optional<String> buildFile = Stream.of("build.gradle.kts", "build.gradle", "settings.gradle.kts", "settings.gradle")
                .filter(name -> Files.isRegularFile(root.resolve(name)))
                .findFirst();
        return buildFile.map(file -> wrapperOrTool(root, file, "gradlew", "gradle", "test", "--console=plain"));
    }

    private static CheckCommand wrapperOrTool(Path root, String marker, String wrapper, String tool, String... args) {
        Path wrapperScript = root.resolve(wrapper);
        List<String> argv = new ArrayList<>();
        String found = marker + " found";
        if (Files.isRegularFile(wrapperScript)) {
            found = marker + " and " + wrapper + " found";
            if (Files.isExecutable(wrapperScript)) {
                argv.add("./" + wrapper);
            } else {
                // a wrapper checked out without its executable bit still runs through sh
                argv.add("sh");
                argv.add(wrapper);
            }
        } else {
            argv.add(tool);
        }
        argv.addAll(List.of(args));
        return new CheckCommand(argv, root, found + " -> " + String.join(" ", argv));
    }

    private Optional<CheckCommand> node(Path root) {
        Path packageJson = root.resolve("package.json");
        if (!Files.isRegularFile(packageJson)) {
            return Optional.empty();
        }
        JsonNode script;
        try {
            script = json.readTree(packageJson.toFile()).path("scripts").path("test");
        } catch (IOException e) {
            // a broken package.json is the project's problem; other detectors may still match
            return Optional.empty();
        }
        if (!script.isTextual() || script.asText().isBlank() || script.asText().contains("no test specified")) {
            return Optional.empty();
        }
        String manager;
        String lockNote;
        if (Files.isRegularFile(root.resolve("pnpm-lock.yaml"))) {
            manager = "pnpm";
            lockNote = " and pnpm-lock.yaml";
        } else if (Files.isRegularFile(root.resolve("yarn.lock"))) {
            manager = "yarn";
            lockNote = " and yarn.lock";
        } else {
            manager = "npm";
            lockNote = "";
        }
        String reason = "package.json test script (" + script.asText() + ")" + lockNote + " found -> " + manager + " test";
        return Optional.of(CheckCommand.of(root, reason, manager, "test"));
    }

    private Optional<CheckCommand> python(Path root) {
        Optional<String> pytestConfig = pytestConfig(root);
        List<Path> testFiles = pythonTestFiles(root);
        Optional<String> why = pytestConfig.or(() -> testFiles.stream()
                .filter(TestCommandDetector::importsPytest)
                .findFirst()
                .map(file -> slashes(root.relativize(file)) + " imports pytest"));
        String python = pythonInterpreter(root);
        if (why.isPresent()) {
            return Optional.of(python(root, why.get(), python, "-m", "pytest"));
        }
        if (testFiles.isEmpty()) {
            return Optional.empty();
        }
        String example = slashes(root.relativize(testFiles.get(0))) + " found";
        // unittest discovery only descends into packages; tests/ without __init__.py must be the start dir
        Optional<String> startDir = Stream.of("tests", "test")
                .filter(dir -> testFiles.stream().anyMatch(f -> f.getParent().equals(root.resolve(dir))))
                .filter(dir -> !Files.exists(root.resolve(dir).resolve("__init__.py")))
                .filter(dir -> testFiles.stream().noneMatch(f -> f.getParent().equals(root)))
                .findFirst();
        if (startDir.isPresent()) {
            return Optional.of(python(root, example, python, "-m", "unittest", "discover", "-s", startDir.get()));
        }
        return Optional.of(python(root, example, python, "-m", "unittest", "discover"));
    }

    private static CheckCommand python(Path root, String why, String... argv) {
        String via = argv[0].equals("python3") ? "" : " (the project's virtualenv)";
        return new CheckCommand(List.of(argv), root, why + via + " -> " + String.join(" ", argv));
    }

    /** The project's own virtualenv has its test dependencies; the system python3 may not. */
    private static String pythonInterpreter(Path root) {
        return Stream.of(".venv/bin/python", "venv/bin/python")
                .filter(candidate -> Files.isExecutable(root.resolve(candidate)))
                .findFirst()
                .orElse("python3");
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static Optional<String> pytestConfig(Path root) {
        if (Files.isRegularFile(root.resolve("pytest.ini"))) {
            return Optional.of("pytest.ini found");
        }
        if (Files.isRegularFile(root.resolve("conftest.py"))) {
            return Optional.of("conftest.py found");
        }
        if (contains(root.resolve("pyproject.toml"), "[tool.pytest")) {
            return Optional.of("pyproject.toml has [tool.pytest]");
        }
        if (contains(root.resolve("setup.cfg"), "[tool:pytest]")) {
            return Optional.of("setup.cfg has [tool:pytest]");
        }
        if (contains(root.resolve("tox.ini"), "[pytest]")) {
            return Optional.of("tox.ini has [pytest]");
        }
        return Optional.empty();
    }

    private static List<Path> pythonTestFiles(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), PYTHON_SEARCH_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRS.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && name.startsWith("test_") && name.endsWith(".py")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + " while looking for Python tests: " + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    private static boolean importsPytest(Path file) {
        try {
            return PYTEST_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static Optional<CheckCommand> marker(Path root, String marker, String... argv) {
        if (!Files.isRegularFile(root.resolve(marker))) {
            return Optional.empty();
        }
        return Optional.of(CheckCommand.of(root, marker + " found -> " + String.join(" ", argv), argv));
    }

    private static Optional<CheckCommand> make(Path root) {
        return Stream.of("GNUmakefile", "makefile", "Makefile")
                .map(root::resolve)
                .filter(file -> Files.isRegularFile(file) && matches(file, MAKE_TEST_TARGET))
                .findFirst()
                .map(file -> CheckCommand.of(root, file.getFileName() + " has a test target -> make test", "make", "test"));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean matches(Path file, Pattern pattern) {
        try {
            return pattern.matcher(Files.readString(file)).find();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
