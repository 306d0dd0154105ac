/**
 * The edit formats a model writes its changes in, each a parser and the instructions that teach it,
 * side by side in one class: {@link dev.ratchet.edit.format.UnifiedDiffFormat},
 * {@link dev.ratchet.edit.format.SearchReplaceFormat}, {@link dev.ratchet.edit.format.ApplyPatchFormat}
 * (OpenAI's V4A) and {@link dev.ratchet.edit.format.WholeFileFormat}, plus
 * {@link dev.ratchet.edit.format.AutoFormat}, which reads any mix of them. Every format parses a reply
 * into the same {@link dev.ratchet.edit.EditPlan}; choose one by name with
 * {@link dev.ratchet.edit.format.EditFormats#named(String)}.
 */
package dev.ratchet.edit.format;
