package dev.ratchet.edit.format;

import java.util.List;

/**
 * Reads a reply written in any of the four formats, or in several at once. The readers run in turn,
 * each skipping the lines an earlier one read: SEARCH/REPLACE blocks first (their column-0 markers
 * never occur inside a diff or patch line, while a block may quote a patch), then V4A patches,
 * unified diffs, and whole files last, so a fence that holds another format's edit is never taken for
 * a whole file. It teaches the V4A format, the one GPT-4.1 was trained to write.
 */
public final class AutoFormat implements EditFormat {
    private final ApplyPatchFormat taught = new ApplyPatchFormat();
    private final List<ReplyScanner> scanners =
            List.of(new SearchReplaceFormat(), taught, new UnifiedDiffFormat(), new WholeFileFormat());

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public ParsedReply parse(String reply) {
        ReplyText text = new ReplyText(reply);
        Findings findings = new Findings();
        for (ReplyScanner scanner : scanners) {
            scanner.scan(text, findings);
        }
        CutOffEnding.check(text, findings);
        return findings.toReply();
    }

    @Override
    public String instructions() {
        return taught.instructions();
    }
}
