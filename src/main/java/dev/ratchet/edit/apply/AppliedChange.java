package dev.ratchet.edit.apply;

/**
 * One file-level change that applied: {@code action} is "create", "update", "delete", "move"
 * ({@code path} is then the new path) or "already-applied"; {@code hunks} counts the hunks it used.
 */
public record AppliedChange(String path, String action, int hunks) {
}
