package dev.ratchet.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Everything observable about a directory tree (names, contents, modes, links), for before/after comparisons. */
final class TreeState {

    private TreeState() {
    }

    /** Makes the tree (outside .git) exactly {@code state} again. */
    static void restore(Path root, Map<String, String> state) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                String name = root.relativize(path).toString();
                if (!path.equals(root) && !name.equals(".git") && !name.startsWith(".git/")) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> entry : state.entrySet()) {
            if (entry.getValue().equals("dir")) {
                Files.createDirectories(root.resolve(entry.getKey()));
            }
        }
        for (Map.Entry<String, String> entry : state.entrySet()) {
            String value = entry.getValue();
            Path file = root.resolve(entry.getKey());
            if (value.startsWith("link -> ")) {
                Files.createSymbolicLink(file, Path.of(value.substring("link -> ".length())));
            } else if (!value.equals("dir")) {
                Files.writeString(file, value.substring(10));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(value.substring(0, 9)));
            }
        }
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> !p.equals(root)).forEach(p -> {
                String name = root.relativize(p).toString();
                if (name.equals(".git") || name.startsWith(".git/")) {
                    return;
                }
                try {
                    if (Files.isSymbolicLink(p)) {
                        state.put(name, "link -> " + Files.readSymbolicLink(p));
                    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        state.put(name + "/", "dir");
                    } else {
                        state.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                                + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return state;
    }
}
