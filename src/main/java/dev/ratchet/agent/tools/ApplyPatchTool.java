package dev.ratchet.agent.tools;

import dev.ratchet.edit.apply.AppliedChange;
import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.edit.apply.ClosestLine;
import dev.ratchet.edit.apply.Refusal;
import dev.ratchet.edit.format.EditFormat;
import dev.ratchet.edit.format.EditFormats;
import dev.ratchet.edit.format.ParseProblem;
import dev.ratchet.edit.format.ParsedReply;
import dev.ratchet.model.ToolSpec;
import dev.ratchet.workspace.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code apply_patch}: one V4A patch, parsed by the apply-patch format, applied by the one
 * {@link Applier}, written through the {@link Workspace}. The model reads back which files
 * changed, or why a hunk was refused with the closest lines of the file.
 */
public final class ApplyPatchTool implements Tool {
    private static final ParameterSchema SCHEMA = new ParameterSchema()
            .string("patch", "The whole patch in the V4A format, from \"*** Begin Patch\" to \"*** End Patch\".", true);

    private final Workspace files;
    private final Applier applier;
    private final EditFormat format = EditFormats.named("apply-patch");

    public ApplyPatchTool(Workspace files, Applier applier) {
        this.files = files;
        this.applier = applier;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("apply_patch", "Change files with one patch in the V4A format (rules and an example are in "
                + "the system prompt): add, update, delete or move files. A file whose hunks do not all match is left "
                + "unchanged and the reason comes back with the closest lines of the file; other files of the patch "
                + "still apply.", SCHEMA.node());
    }

    @Override
    public Set<String> parameters() {
        return SCHEMA.names();
    }

    @Override
    public String describe(ToolArguments arguments) {
        String patch = arguments.text("patch").orElse("");
        List<String> paths = patch.lines().filter(line -> line.startsWith("*** ") && line.contains(" File: "))
                .map(line -> line.substring(line.indexOf(" File: ") + 7).strip()).distinct().toList();
        return paths.isEmpty() ? "(no file)" : String.join(", ", paths);
    }

    @Override
    public ToolOutcome run(ToolArguments arguments) throws IOException {
        String patch = arguments.required("patch");
        ParsedReply parsed = format.parse(patch);
        if (parsed.plan().isEmpty()) {
            StringBuilder why = new StringBuilder("the patch holds no change");
            parsed.problems().forEach(problem -> why.append("; patch line ").append(problem.line()).append(": ").append(problem.message()));
            throw new ToolFailure(why + ". Send one V4A patch: \"*** Begin Patch\", then \"*** Update File: path\" with "
                    + "@@ hunks (or Add/Delete File), then \"*** End Patch\"");
        }
        Application application = applier.apply(parsed.plan(), files);
        files.write(application.writes());
        ToolOutcome.Effect effect = new ToolOutcome.Effect.Patched(application, parsed.problems());
        StringBuilder text = new StringBuilder();
        if (!application.applied().isEmpty()) {
            text.append(application.clean() && parsed.problems().isEmpty() ? "Patch applied. " : "Part of the patch applied. ")
                    .append("Changed: ").append(application.applied().stream().map(ApplyPatchTool::describe)
                            .collect(Collectors.joining(", "))).append(".\n");
        }
        if (application.clean() && parsed.problems().isEmpty()) {
            return new ToolOutcome(true, text.toString(), "applied: " + application.applied().stream()
                    .map(AppliedChange::path).distinct().collect(Collectors.joining(", ")), effect);
        }
        text.append(application.applied().isEmpty() ? "Patch NOT applied; no file was changed.\n"
                : "These parts were NOT applied; their files are unchanged:\n");
        for (ParseProblem problem : parsed.problems()) {
            text.append("- patch line ").append(problem.line()).append(": ").append(problem.message()).append('\n');
        }
        for (Refusal refusal : application.refused()) {
            text.append("- ").append(refusal.path()).append(refusal.hunk() > 0 ? ", hunk " + refusal.hunk() : "")
                    .append(": ").append(refusal.reason()).append('\n');
            if (!refusal.closest().isEmpty()) {
                text.append("  closest lines in ").append(refusal.path()).append(" now:\n");
                for (ClosestLine line : refusal.closest()) {
                    text.append("  ").append(line.line()).append(": ").append(line.text()).append('\n');
                }
            }
        }
        text.append("Read the lines again with read_file if needed, then send a corrected patch for the refused files only.");
        int refused = application.refused().size() + parsed.problems().size();
        return new ToolOutcome(false, text.toString(), "refused: " + refused + (refused == 1 ? " problem" : " problems")
                + (application.applied().isEmpty() ? "" : ", " + application.applied().size() + " applied"), effect);
    }

    private static String describe(AppliedChange change) {
        return change.action() + " " + change.path() + (change.hunks() > 0 ? " (" + change.hunks()
                + (change.hunks() == 1 ? " hunk)" : " hunks)") : "");
    }
}
