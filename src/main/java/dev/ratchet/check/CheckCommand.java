package dev.ratchet.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A command that checks the project (tests or lint): what to run, where, and why this command was
 * chosen, so the user can see "pom.xml found -> mvn -B -q test" and override it when it is wrong.
 */
public record CheckCommand(List<String> argv, Path workingDir, String reason) {
    public CheckCommand {
        argv = List.copyOf(argv);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(reason, "reason");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a check command needs at least a program name");
        }
    }

    /**
     * A command line the user wrote (from {@code --test-cmd}, {@code --lint-cmd} or
     * {@code .ratchet.yml}); it runs through {@code sh -c} so pipes, {@code &&} and variables work.
     *
     * @param origin where the string came from, e.g. "--test-cmd" or ".ratchet.yml test-cmd"
     */
    public static CheckCommand shell(String commandLine, Path workingDir, String origin) {
        if (commandLine == null || commandLine.isBlank()) {
            throw new IllegalArgumentException(origin + " is empty: give the command to run, e.g. \"make test\"");
        }
        return new CheckCommand(List.of("sh", "-c", commandLine), workingDir, origin + " -> " + commandLine);
    }

    /** A program with arguments, no shell involved. */
    public static CheckCommand of(Path workingDir, String reason, String... argv) {
        return new CheckCommand(List.of(argv), workingDir, reason);
    }

    /** The command as a person would type it. */
    public String commandLine() {
        if (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c")) {
            return argv.get(2);
        }
        return String.join(" ", argv);
    }
}
