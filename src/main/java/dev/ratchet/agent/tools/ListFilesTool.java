package dev.ratchet.agent.tools;

import dev.ratchet.context.RepoFile;
import dev.ratchet.model.ToolSpec;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code list_files}: the repository's files under a directory, to a depth, optionally filtered by a glob. */
public final class ListFilesTool implements Tool {
    static final int DEFAULT_DEPTH = 3;
    private static final ParameterSchema SCHEMA = new ParameterSchema()
            .string("path", "Directory to list, relative to the repository root (default: the root).", false)
            .integer("depth", "How many directory levels below path to show (default " + DEFAULT_DEPTH
                    + "); deeper directories are summarised with their file count.", 1, 20)
            .string("glob", "Only files whose repository-relative path matches this glob, e.g. \"**/*.py\" or "
                    + "\"src/**/Test*.java\"; a glob without '/' matches file names at any depth. Depth is ignored with a glob.", false);

    private final RepoListing listing;
    private final int maxEntries;

    public ListFilesTool(RepoListing listing, int maxEntries) {
        this.listing = listing;
        this.maxEntries = maxEntries;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("list_files", "List the files of the repository (as git sees them: ignored, generated and "
                + "secret-looking files are left out), one repository-relative path per line. Use it first to find "
                + "your way around; then read_file or search.", SCHEMA.node());
    }

    @Override
    public Set<String> parameters() {
        return SCHEMA.names();
    }

    @Override
    public String describe(ToolArguments arguments) {
        return arguments.text("path").orElse(".") + arguments.text("glob").map(glob -> " " + glob).orElse("");
    }

    @Override
    public ToolOutcome run(ToolArguments arguments) throws IOException {
        String prefix = listing.prefix(arguments.text("path").orElse(""));
        int depth = arguments.integer("depth", 1, 20).orElse(DEFAULT_DEPTH);
        PathMatcher glob = arguments.text("glob").map(ListFilesTool::matcher).orElse(null);
        List<String> shown = new ArrayList<>();
        Map<String, Integer> folded = new TreeMap<>();
        int matching = 0;
        for (RepoFile file : listing.files()) {
            String path = file.path();
            if (!RepoListing.under(path, prefix)) {
                continue;
            }
            if (glob != null) {
                if (!glob.matches(Path.of(path)) && !(globHasNoSlash(arguments) && glob.matches(Path.of(path).getFileName()))) {
                    continue;
                }
                matching++;
                shown.add(path);
                continue;
            }
            matching++;
            String rest = prefix.isEmpty() ? path : path.equals(prefix) ? path.substring(path.lastIndexOf('/') + 1)
                    : path.substring(prefix.length() + 1);
            String[] parts = rest.split("/");
            if (parts.length <= depth) {
                shown.add(path);
            } else {
                String directory = (prefix.isEmpty() ? "" : prefix + "/") + String.join("/", List.of(parts).subList(0, depth)) + "/";
                folded.merge(directory, 1, Integer::sum);
            }
        }
        if (matching == 0) {
            String where = prefix.isEmpty() ? "the repository" : prefix;
            return ToolOutcome.done("No files in " + where + (glob == null ? "" : " match " + arguments.text("glob").orElse(""))
                    + ". Ignored, generated and secret-looking files are not listed.", "no files");
        }
        List<String> lines = new ArrayList<>(shown);
        folded.forEach((directory, count) -> lines.add(directory + " (" + count + (count == 1 ? " file)" : " files)")));
        lines.sort(String::compareTo);
        StringBuilder text = new StringBuilder();
        int entries = Math.min(lines.size(), maxEntries);
        lines.subList(0, entries).forEach(line -> text.append(line).append('\n'));
        if (lines.size() > entries) {
            text.append("[").append(lines.size() - entries).append(" more entries not shown; list a subdirectory, "
                    + "or pass a smaller depth or a glob]\n");
        }
        return ToolOutcome.done(text.toString(), matching + (matching == 1 ? " file" : " files"));
    }

    private static boolean globHasNoSlash(ToolArguments arguments) {
        return arguments.text("glob").map(glob -> !glob.contains("/")).orElse(false);
    }

    static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException invalid) {
            throw new ToolFailure("the glob " + glob + " is not valid: " + invalid.getMessage());
        }
    }
}
