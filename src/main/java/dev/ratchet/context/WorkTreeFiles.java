package dev.ratchet.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads files the user named, by repository-relative path, refusing anything outside the work tree or in .git. */
final class WorkTreeFiles {
    private final Path root;

    WorkTreeFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The path as a clean repository-relative path with forward slashes. */
    String relative(String path, String what) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new ContextException(what + " " + path + " is outside the repository " + root + "; name files inside it");
        }
        String relative = root.relativize(resolved).toString().replace('\\', '/');
        if (relative.equals(".git") || relative.startsWith(".git/")) {
            throw new ContextException(what + " " + path + " is inside .git; ratchet never sends git's own files");
        }
        return relative;
    }

    /**
     * The text of a named file; a precise error when it is missing, a directory, or a link out of the
     * repo. Binary content is sent too, since the user asked for it by name (often it is UTF-16 text,
     * which NUL sniffing takes for binary): UTF-16 with a byte-order mark is decoded as such, anything
     * else as UTF-8.
     */
    String read(String relative, String what) {
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new ContextException(what + " " + relative + " does not exist in " + root + "; check the path");
        }
        if (Files.isDirectory(file)) {
            throw new ContextException(what + " " + relative + " is a directory; name the files in it instead");
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw new ContextException(what + " " + relative + " is a link to a file outside the repository; name the target inside it");
            }
            byte[] bytes = Files.readAllBytes(file);
            boolean utf16 = bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                    || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE);
            return utf16 ? new String(bytes, StandardCharsets.UTF_16) : FileAnalyzer.decode(bytes);
        } catch (IOException e) {
            throw new ContextException("cannot read " + what + " " + relative + ": " + e.getMessage(), e);
        }
    }

    boolean exists(String relative) {
        return Files.isRegularFile(root.resolve(relative));
    }
}
