package dev.ratchet.agent.tools;

import dev.ratchet.check.CheckRunner;
import dev.ratchet.check.FailureSummarizer;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.model.TokenCounter;
import dev.ratchet.model.ToolCall;
import dev.ratchet.workspace.ScratchRepository;
import dev.ratchet.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A small git repository in a temp directory and a toolbox over it, with limits small enough to test. */
final class ToolRepo {
    final Path root;
    final Workspace files;
    final RepoListing listing;

    private ToolRepo(Path root) throws IOException {
        this.root = root;
        this.files = Workspace.open(root);
        this.listing = new RepoListing(files, files.root());
    }

    /** Writes {@code pathsAndTexts} (path, text, path, text…) and commits them as a fresh repository. */
    static ToolRepo with(Path temp, String... pathsAndTexts) throws IOException {
        Path source = Files.createDirectories(temp.resolve("source"));
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path file = source.resolve(pathsAndTexts[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndTexts[i + 1]);
        }
        return new ToolRepo(ScratchRepository.create(source, temp.resolve("repo")));
    }

    Toolbox toolbox(CommandAllowList allowList, CommandApproval approval) {
        return new Toolbox(List.of(
                new ListFilesTool(listing, 50),
                new ReadFileTool(listing, 100, 64 * 1024),
                new SearchTool(listing, 5, Duration.ofSeconds(2)),
                new ApplyPatchTool(files, new Applier()),
                new RunTestsTool(null, new CheckRunner(), new FailureSummarizer(new TokenCounter()), root, 2_000,
                        () -> Duration.ofSeconds(30)),
                new RunCommandTool(files.root(), new CheckRunner(), allowList, approval, () -> Duration.ofSeconds(30))));
    }

    Toolbox toolbox() {
        return toolbox(CommandAllowList.none(), CommandApproval.NOBODY);
    }

    static ToolCall call(String name, String arguments) {
        return new ToolCall("call_1", name, arguments);
    }
}
