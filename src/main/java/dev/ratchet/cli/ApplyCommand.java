package dev.ratchet.cli;

import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.edit.format.EditFormat;
import dev.ratchet.edit.format.EditFormats;
import dev.ratchet.edit.format.ParsedReply;
import dev.ratchet.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ratchet apply}: applies the edits in a model's reply to a directory, all or nothing. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Apply the edits in a model's reply to the files under a directory. The reply may mix prose, "
                + "code fences and edits in any of the four formats (unified diff, SEARCH/REPLACE blocks, "
                + "OpenAI's apply_patch/V4A, whole files). Either every edit applies or nothing on disk "
                + "changes, and each refusal says which file and hunk, why, and which lines in the file "
                + "come closest. Git is not needed and nothing is committed.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ratchet apply reply.md                      apply a saved reply in the current directory",
            "  pbpaste | ratchet apply --repo ~/src/app    read the reply from standard input",
            "  ratchet apply --dry-run reply.md > out.diff show what would change, write nothing",
            "  ratchet apply --format apply-patch --json patch.txt",
            "",
            "Exit codes: 0 every change applied; 1 something was refused (nothing changed);",
            "2 usage error (unknown format, missing file, not a directory, empty reply, no edit found)."
        })
final class ApplyCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Directory the reply's paths are relative to (default: the current directory).")
    Path repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Edit format of the reply: auto (default: detect every edit), udiff, "
                    + "search-replace, apply-patch, whole.")
    String format;

    @Option(names = "--dry-run", description = "Print the unified diff of what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON object: applied changes, refusals and reply problems.")
    boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "File holding the reply; '-' or nothing reads standard input.")
    String file;

    ApplyCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        EditFormat editFormat = editFormat();
        if (!Files.isDirectory(repo)) {
            throw new UsageException("--repo " + repo + " is not a directory; pass the root of the files the reply edits");
        }
        String reply = readReply();
        if (reply.isBlank()) {
            throw new UsageException("the reply " + replyName() + " is empty; pass the text the model answered");
        }
        ParsedReply parsed = editFormat.parse(reply);
        if (parsed.plan().isEmpty() && parsed.problems().isEmpty()) {
            throw new UsageException("no edit found in the reply " + replyName() + " (format " + editFormat.name() + "); "
                    + "it needs a unified diff, SEARCH/REPLACE blocks, a '*** Begin Patch' patch, or a path line "
                    + "followed by a fenced whole file" + (format.equals("auto") ? "" : ", or try --format auto"));
        }
        Workspace workspace = Workspace.open(repo);
        Application application = new Applier().apply(parsed.plan(), workspace);
        ApplyReport report = new ApplyReport(parsed.problems(), application, dryRun);
        boolean refused = !report.clean();
        if (!refused && !dryRun) {
            workspace.write(application.writes());
        }
        if (json) {
            ApplyJson.print(report, io.out());
        } else {
            report.printText(io.out(), io.err(), Colour.forTerminal(io));
        }
        return refused ? ExitCode.GAVE_UP : ExitCode.OK;
    }

    private EditFormat editFormat() {
        try {
            return EditFormats.named(format);
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(unknown.getMessage());
        }
    }

    private String readReply() throws IOException {
        if (file == null || file.equals("-")) {
            InputStream in = io.in();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new UsageException("reply file " + file + " does not exist; pass the file holding the model's "
                    + "reply, or '-' to read standard input");
        } catch (java.nio.charset.MalformedInputException notUtf8) {
            throw new UsageException("reply file " + file + " is not UTF-8 text");
        }
    }

    private String replyName() {
        return file == null || file.equals("-") ? "on standard input" : file;
    }
}
