package dev.ratchet.check;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the stack frames in a trace that point into the repository's own source files (Java,
 * Python, JavaScript/TypeScript, Go, Rust and similar "path:line" forms), dropping frames in the
 * JDK, libraries, site-packages and node_modules, which the model cannot edit.
 */
final class RepoStackFrames {
    static final int MAX_LOCATIONS = 8;

    private static final Pattern JAVA_FRAME =
            Pattern.compile("at\\s+([\\w$.]+)\\.([\\w$<>\\-]+)\\(([\\w$\\-]+\\.(?:java|kt|scala|groovy)):(\\d+)\\)");
    private static final Pattern PYTHON_FRAME = Pattern.compile("File \"([^\"]+)\", line (\\d+)(?:, in (\\S+))?");
    private static final Pattern PATH_LINE = Pattern.compile(
            "(?:at\\s+(?:async\\s+)?([\\w$.<>\\[\\] ]+?)\\s+\\()?"
                    + "((?:file://)?[\\w./@\\-+~]*?[\\w\\-]+\\.(?:py|js|mjs|cjs|ts|tsx|jsx|mts|cts|go|rs|rb|c|cc|cpp|h|hpp|cs|php|swift)):(\\d+)");
    private static final Set<String> FOREIGN_DIRS = Set.of(
            "node_modules", "site-packages", "dist-packages", ".venv", "venv", ".git", ".cargo", ".rustup");
    private static final Set<String> UNINDEXED_DIRS = Set.of(
            ".git", "node_modules", ".venv", "venv", "__pycache__", "target", "build", "dist", ".gradle", ".idea");
    private static final int INDEX_DEPTH = 16;

    private final Path root;
    private final Path realRoot;
    private Map<String, List<String>> filesByName;

    RepoStackFrames(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    /** The repository locations named in {@code trace}, in order, without repeats, at most {@link #MAX_LOCATIONS}. */
    List<SourceLocation> locate(String trace) {
        Set<SourceLocation> found = new LinkedHashSet<>();
        for (String line : trace.split("\n")) {
            if (found.size() >= MAX_LOCATIONS) {
                break;
            }
            locateInLine(line, found);
        }
        return List.copyOf(found);
    }

    private void locateInLine(String line, Set<SourceLocation> found) {
        Matcher java = JAVA_FRAME.matcher(line);
        if (java.find()) {
            javaFrame(java).ifPresent(found::add);
            return;
        }
        Matcher python = PYTHON_FRAME.matcher(line);
        if (python.find()) {
            String function = python.group(3) == null ? "" : python.group(3);
            resolve(python.group(1)).ifPresent(path -> found.add(new SourceLocation(path, Integer.parseInt(python.group(2)), function)));
            return;
        }
        Matcher pathLine = PATH_LINE.matcher(line);
        while (pathLine.find()) {
            String function = pathLine.group(1) == null ? "" : pathLine.group(1).trim();
            int lineNumber = Integer.parseInt(pathLine.group(3));
            resolve(pathLine.group(2)).ifPresent(path -> found.add(new SourceLocation(path, lineNumber, function)));
        }
    }

    private Optional<SourceLocation> javaFrame(Matcher frame) {
        String className = frame.group(1);
        String file = frame.group(3);
        int lastDot = className.lastIndexOf('.');
        String packagePath = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
        String simpleClass = className.substring(lastDot + 1);
        int nested = simpleClass.indexOf('$');
        String outerClass = nested < 0 ? simpleClass : simpleClass.substring(0, nested);
        String suffix = packagePath + file;
        return index().getOrDefault(file, List.of()).stream()
                .filter(path -> path.equals(suffix) || path.endsWith("/" + suffix))
                .findFirst()
                .map(path -> new SourceLocation(path, Integer.parseInt(frame.group(4)), outerClass + "." + frame.group(2)));
    }

    /** The path relative to the root when it names one of the repository's own files. */
    private Optional<String> resolve(String rawPath) {
        String text = rawPath.startsWith("file://") ? rawPath.substring("file://".length()) : rawPath;
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (path.isAbsolute()) {
            Path normal = path.normalize();
            Path base = normal.startsWith(root) ? root : normal.startsWith(realRoot) ? realRoot : null;
            if (base == null) {
                return Optional.empty();
            }
            return ownFile(base.relativize(normal));
        }
        Optional<String> direct = ownFile(path.normalize());
        if (direct.isPresent()) {
            return direct;
        }
        // go test prints paths relative to the package directory: find the file by its trailing path
        String relative = slashes(path.normalize());
        return index().getOrDefault(path.getFileName().toString(), List.of()).stream()
                .filter(candidate -> candidate.endsWith("/" + relative))
                .findFirst();
    }

    private Optional<String> ownFile(Path relative) {
        if (relative.toString().isEmpty() || relative.startsWith("..")) {
            return Optional.empty();
        }
        for (Path part : relative) {
            if (FOREIGN_DIRS.contains(part.toString())) {
                return Optional.empty();
            }
        }
        return Files.isRegularFile(root.resolve(relative)) ? Optional.of(slashes(relative)) : Optional.empty();
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** File name -> relative paths of the repository's files with that name; built on first use. */
    private Map<String, List<String>> index() {
        if (filesByName == null) {
            Map<String, List<String>> byName = new HashMap<>();
            try {
                Files.walkFileTree(root, Set.of(), INDEX_DEPTH, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        boolean skip = !dir.equals(root) && UNINDEXED_DIRS.contains(dir.getFileName().toString());
                        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            byName.computeIfAbsent(file.getFileName().toString(), name -> new ArrayList<>())
                                    .add(slashes(root.relativize(file)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // an unreadable tree yields fewer locations, never a failed summary
            }
            filesByName = byName;
        }
        return filesByName;
    }
}
