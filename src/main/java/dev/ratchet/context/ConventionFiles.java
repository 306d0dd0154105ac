package dev.ratchet.context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the repository's instructions for agents: every {@code AGENTS.md} from the root down to the
 * directories of the files in play (the root's first, deeper ones later, so the nearest one has the
 * last word), then {@code CONVENTIONS.md} at the root, then the files the user listed to read.
 */
public final class ConventionFiles {
    /** One instruction file and its text. */
    public record Document(String path, String text) {
    }

    /**
     * The instruction files for a run that has no context of its own (the tool loop): every
     * {@code AGENTS.md} on the way to {@code filesInPlay}, {@code CONVENTIONS.md}, and {@code readFiles}.
     *
     * @throws ContextException when a file to read is missing, outside the repository, or binary
     */
    public List<Document> collect(Path workTree, Collection<String> filesInPlay, List<String> readFiles) {
        return collect(new WorkTreeFiles(workTree), filesInPlay, readFiles);
    }

    List<Document> collect(WorkTreeFiles tree, Collection<String> filesInPlay, List<String> readFiles) {
        Set<String> agents = new TreeSet<>((a, b) -> {
            int byDepth = Long.compare(a.chars().filter(c -> c == '/').count(), b.chars().filter(c -> c == '/').count());
            return byDepth != 0 ? byDepth : a.compareTo(b);
        });
        if (tree.exists("AGENTS.md")) {
            agents.add("AGENTS.md");
        }
        for (String file : filesInPlay) {
            String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
            while (!directory.isEmpty()) {
                String candidate = directory + "/AGENTS.md";
                if (tree.exists(candidate)) {
                    agents.add(candidate);
                }
                int slash = directory.lastIndexOf('/');
                directory = slash < 0 ? "" : directory.substring(0, slash);
            }
        }
        Set<String> ordered = new LinkedHashSet<>(agents);
        if (tree.exists("CONVENTIONS.md")) {
            ordered.add("CONVENTIONS.md");
        }
        for (String read : readFiles) {
            ordered.add(tree.relative(read, "the file to read"));
        }
        List<Document> documents = new ArrayList<>();
        for (String path : ordered) {
            documents.add(new Document(path, tree.read(path, "the file to read")));
        }
        return documents;
    }
}
