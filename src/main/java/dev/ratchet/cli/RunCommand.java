package dev.ratchet.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ratchet run TASK}: the agent (edit loop or tool loop), the same as {@code ratchet TASK}. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Do a task in the repository: ratchet shows the model the task and the relevant code, applies the "
                + "edits it answers with, runs the tests, and sends failures back until the tests pass or a budget "
                + "runs out. Your uncommitted work is snapshotted first; 'ratchet undo' restores it exactly.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ratchet run \"make the parser accept trailing commas\"",
            "  ratchet \"fix the failing date tests\" -f src/dates.py --max-cost 0.50",
            "  ratchet \"add a --verbose flag\" --no-commit --output-format json",
            "  ratchet \"bump the timeout\" --test-cmd \"npm test -- --runInBand\" --branch ratchet/timeout",
            "  ratchet --mode tools \"the CSV export drops the last row\" --allow-command \"npm run lint\"",
            "",
            "Exit codes: 0 done, tests pass; 1 gave up (tests still fail, or edits refused); 2 usage or config;",
            "3 model/API error; 4 budget exhausted (--max-cost, --timeout); 130 interrupted."
        })
final class RunCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    RunOptions runOptions;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(arity = "1..*", paramLabel = "TASK", description = "What to change, in plain words (quote it).")
    List<String> task;

    RunCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        return new AgentRunner(io).run(String.join(" ", task), runOptions, modelOptions);
    }
}
