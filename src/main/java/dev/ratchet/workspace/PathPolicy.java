package dev.ratchet.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a repository-relative path may be read or written, and where it really points.
 * Every refusal names the path and the rule, because the path usually came from a model and the
 * user has to see why it was not touched.
 */
final class PathPolicy {
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path realRoot;

    /** {@code realRoot} must already be a real path (symlinks resolved), or the containment check lies. */
    PathPolicy(Path realRoot) {
        this.realRoot = realRoot;
    }

    /** A path that passed every rule: where it points after following symlinks inside the root. */
    record Resolved(String given, Path absolute, String relative) {
    }

    Resolved resolve(String path) throws IOException {
        List<String> components = checkSpelling(path);
        Path current = realRoot;
        for (String component : components) {
            Path next = current.resolve(component);
            if (Files.isSymbolicLink(next)) {
                current = followLink(path, next);
            } else {
                current = next;
            }
        }
        String relative = realRoot.relativize(current).toString().replace('\\', '/');
        if (relative.isEmpty()) {
            throw new UnsafePathException(path, "names the repository root itself, not a file in it");
        }
        for (String component : relative.split("/")) {
            if (component.equalsIgnoreCase(".git")) {
                throw new UnsafePathException(path, "resolves through a symlink into .git/ (" + relative
                        + "); ratchet never touches git's own files");
            }
        }
        return new Resolved(path, current, relative);
    }

    /**
     * As {@link #resolve}, and also refuses paths inside a nested repository or submodule: reading
     * them is harmless, but a write there is invisible to this repository's snapshots and undo.
     */
    Resolved resolveForWrite(String path) throws IOException {
        Resolved resolved = resolve(path);
        Path current = resolved.absolute();
        for (Path dir = current.getParent(); dir != null && !dir.equals(realRoot) && dir.startsWith(realRoot);
                dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                String nested = realRoot.relativize(dir).toString().replace('\\', '/');
                throw new UnsafePathException(path, "is inside " + nested + "/, a nested git repository or submodule "
                        + "whose changes this repository cannot snapshot or undo; run ratchet in " + nested + " instead");
            }
        }
        return resolved;
    }

    private Path followLink(String path, Path link) throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException dangling) {
            Path pointsTo = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            throw new UnsafePathException(path, "goes through the symlink " + realRoot.relativize(link)
                    + " whose target " + pointsTo + " does not exist; fix or remove the link");
        }
        if (!target.startsWith(realRoot)) {
            throw new UnsafePathException(path, "goes through the symlink " + realRoot.relativize(link)
                    + ", which points outside the repository (to " + target + ")");
        }
        return target;
    }

    /** The rules that need only the string: no file system access. */
    private static List<String> checkSpelling(String path) throws UnsafePathException {
        if (path == null || path.isBlank()) {
            throw new UnsafePathException(String.valueOf(path), "empty path");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new UnsafePathException(printable(path),
                        "contains a control character (code " + (int) c + ") at position " + i);
            }
        }
        if (path.startsWith("/") || path.startsWith("\\") || WINDOWS_DRIVE.matcher(path).matches()) {
            throw new UnsafePathException(path, "is absolute; paths must be relative to the repository root");
        }
        if (path.indexOf('\\') >= 0) {
            throw new UnsafePathException(path, "contains a backslash; write paths with forward slashes");
        }
        List<String> components = new ArrayList<>();
        for (String component : path.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw new UnsafePathException(path, "contains '..'; write the path from the repository root without it");
            }
            if (component.equalsIgnoreCase(".git")) {
                throw new UnsafePathException(path, "is inside .git/; ratchet never touches git's own files");
            }
            components.add(component);
        }
        if (components.isEmpty()) {
            throw new UnsafePathException(path, "names no file (only '.' and '/')");
        }
        return components;
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
