package dev.ratchet.edit.format;

/** One way of writing edits in a reply: the parser that reads it and the instructions that teach it. */
public interface EditFormat {

    /** The name users pick the format by: "udiff", "search-replace", "apply-patch", "whole" or "auto". */
    String name();

    /** Reads every edit in a model reply; prose is skipped, malformed or truncated edits become problems. */
    ParsedReply parse(String reply);

    /** System-prompt text that teaches GPT-4.1 to write this format: firm rules and one worked example. */
    String instructions();
}
