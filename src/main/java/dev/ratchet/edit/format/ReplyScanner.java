package dev.ratchet.edit.format;

/** The reading half of a format: finds its edits in a reply, skipping lines another format already read. */
interface ReplyScanner {

    /** Reads every edit of this format from the unclaimed lines, claiming the lines it reads. */
    void scan(ReplyText text, Findings findings);

    /** Runs the scanner alone over a whole reply. */
    default ParsedReply parseAlone(String reply) {
        Findings findings = new Findings();
        ReplyText text = new ReplyText(reply);
        scan(text, findings);
        CutOffEnding.check(text, findings);
        return findings.toReply();
    }
}
