package dev.ratchet.cli;

import dev.ratchet.workspace.ScratchRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Not a user command: runs the common commands once, quietly, in one JVM on a scratch repository,
 * so that the launcher can archive every class they load for class-data sharing. One command alone
 * archives too little: `apply` never loads JGit, and reading `.ratchet.yml` loads ~500 Jackson classes.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("ratchet-training");
        try {
            Path source = Files.createDirectories(dir.resolve("source"));
            Files.writeString(source.resolve("notes.txt"), "one\ntwo\n");
            Files.writeString(source.resolve(".ratchet.yml"), "test_cmd: \"true\"\n");
            Path repo = ScratchRepository.create(source, dir.resolve("repo"));
            Path reply = Files.writeString(dir.resolve("reply.md"),
                    "notes.txt\n```\n<<<<<<< SEARCH\ntwo\n=======\nTWO\n>>>>>>> REPLACE\n```\n");
            Io quiet = new Io(InputStream.nullInputStream(), new PrintWriter(Writer.nullWriter()),
                    new PrintWriter(Writer.nullWriter()), Map.of(), false);
            run(quiet, "apply", "--repo", repo.toString(), reply.toString());
            run(quiet, "context", "make notes shout", "-C", repo.toString(), "--json");
            run(quiet, "log", "--repo", repo.toString());
            run(quiet, "hook", "run", "--repo", repo.toString(), "--review", "off");
        } finally {
            delete(dir);
        }
    }

    /** A command that fails here trains an archive of the wrong classes: fail, and the launcher keeps none. */
    private static void run(Io io, String... args) {
        int code = Main.run(io, args);
        if (code != ExitCode.OK) {
            throw new IllegalStateException("training run 'ratchet " + String.join(" ", args) + "' exited " + code);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
