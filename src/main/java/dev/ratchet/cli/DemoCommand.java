package dev.ratchet.cli;

import dev.ratchet.workspace.ScratchRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ratchet demo [NAME]}: the whole loop on a copy of a project from testrepos/. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Run the full loop (context, model, edits, tests, feedback, commit) on a copy of a small project "
                + "from testrepos/ whose tests fail. Without an API key the model's answers are replayed from the "
                + "project's recorded conversation (cassette.jsonl, or cassette-tools.jsonl with --mode tools), and ratchet says so; with OPENAI_API_KEY set, "
                + "the live model is asked. Your own repositories are not touched: the copy lives in a new "
                + "temporary directory, which is kept so you can look at the result.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ratchet demo                 the default project (" + DemoCommand.DEFAULT + ")",
            "  ratchet demo --list          the projects there are",
            "  ratchet demo java-duration   a Maven/JUnit project",
            "  ratchet demo --mode tools    the tool loop: the model explores, patches and tests through function tools",
            "  ratchet demo --output-format stream-json python-ini"
        })
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT = "js-money";
    /** The default project for --mode tools: the one whose tool-loop cassette is the reference example. */
    static final String DEFAULT_TOOLS = "python-ini";
    static final String TOOLS_CASSETTE = "cassette-tools.jsonl";

    private final Io io;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Which project of testrepos/ (default " + DEFAULT
            + "; with --mode tools, " + DEFAULT_TOOLS + ").")
    String name;

    @Option(names = "--list", description = "List the demo projects and their tasks.")
    boolean list;

    @Option(names = "--testrepos", paramLabel = "DIR", description = "Where the demo projects are (default: found beside ratchet).")
    Path testrepos;

    @Mixin
    RunOptions runOptions;

    @Mixin
    ModelOptions modelOptions;

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Path projects = testrepos != null ? testrepos : findTestrepos();
        PrintWriter out = io.out();
        if (list) {
            for (Path project : projects(projects)) {
                out.println(project.getFileName() + "  " + firstLine(task(project)));
            }
            out.flush();
            return ExitCode.OK;
        }
        boolean tools = runOptions.mode != null && runOptions.mode.strip().equalsIgnoreCase("tools");
        if (name == null) {
            name = tools ? DEFAULT_TOOLS : DEFAULT;
        }
        Path project = projects.resolve(name);
        if (!Files.isDirectory(project.resolve("repo"))) {
            throw new UsageException("there is no demo project '" + name + "' in " + projects + "; choose one of: "
                    + String.join(", ", projects(projects).stream().map(p -> p.getFileName().toString()).toList()));
        }
        Path cassette = project.resolve(tools ? TOOLS_CASSETTE : "cassette.jsonl");
        boolean live = io.env("OPENAI_API_KEY") != null || modelOptions.baseUrl != null || modelOptions.replay != null;
        if (!live && !Files.isRegularFile(cassette)) {
            throw new UsageException("the demo project '" + name + "' has no recorded " + (tools ? "tool-loop " : "")
                    + "conversation (" + cassette.getFileName() + ") to replay; choose one of: " + String.join(", ",
                    projects(projects).stream().filter(p -> Files.isRegularFile(p.resolve(cassette.getFileName())))
                            .map(p -> p.getFileName().toString()).toList()) + ", or set OPENAI_API_KEY");
        }
        if (!live) {
            modelOptions.replay = cassette.toString();
        }
        Path target = Files.createTempDirectory("ratchet-demo-").resolve(name);
        ScratchRepository.create(project.resolve("repo"), target);
        runOptions.repo = target;
        if (runOptions.outputFormat == RunOptions.OutputFormat.TEXT) {
            io.err().println("ratchet demo: " + name + ", copied into " + target + " (a new git repository)");
            io.err().println(live
                    ? "ratchet demo: OPENAI_API_KEY is set, so the live model is asked; this costs real money (--max-cost limits it)"
                    : "ratchet demo: no API key, so the model's answers are replayed; they were written by the ratchet "
                            + "team in GPT-4.1's style for this demo, not recorded from a live model");
            io.err().flush();
        }
        int code = new AgentRunner(io).run(task(project), runOptions, modelOptions);
        if (runOptions.outputFormat == RunOptions.OutputFormat.TEXT) {
            io.err().println("ratchet demo: look at the result with: git -C " + target + " log -p -1");
            io.err().flush();
        }
        return code;
    }

    private static String task(Path project) throws IOException {
        return Files.readString(project.resolve("task.md"), StandardCharsets.UTF_8).strip();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static List<Path> projects(Path testrepos) throws IOException {
        try (Stream<Path> entries = Files.list(testrepos)) {
            return entries.filter(p -> Files.isDirectory(p.resolve("repo")) && Files.isRegularFile(p.resolve("task.md")))
                    .sorted().toList();
        }
    }

    /** $RATCHET_HOME/testrepos (the launcher sets it), else beside the jar's project, else ./testrepos. */
    private Path findTestrepos() {
        String home = io.env("RATCHET_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "testrepos"))) {
            return Path.of(home, "testrepos");
        }
        try {
            Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("testrepos"))) {
                    return dir.resolve("testrepos");
                }
            }
        } catch (URISyntaxException | SecurityException unknownLocation) {
            // fall through to the working directory
        }
        Path local = Path.of("testrepos");
        if (Files.isDirectory(local)) {
            return local;
        }
        throw new UsageException("cannot find the testrepos/ directory of the demo projects; run ratchet from its "
                + "checkout (scripts/ratchet demo) or pass --testrepos DIR");
    }
}
