package dev.ratchet.edit.format;

import java.util.List;

/** The edit formats by name, as users choose them on the command line and in config files. */
public final class EditFormats {
    private static final List<String> NAMES = List.of("auto", "udiff", "search-replace", "apply-patch", "whole");

    private EditFormats() {
    }

    /** The format with this name (case and surrounding spaces ignored); throws IllegalArgumentException naming the valid choices otherwise. */
    public static EditFormat named(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> new AutoFormat();
            case "udiff" -> new UnifiedDiffFormat();
            case "search-replace" -> new SearchReplaceFormat();
            case "apply-patch" -> new ApplyPatchFormat();
            case "whole" -> new WholeFileFormat();
            default -> throw new IllegalArgumentException(
                    "unknown edit format '" + name + "'; use one of: " + String.join(", ", NAMES));
        };
    }

    /** Every name {@link #named} accepts, "auto" first. */
    public static List<String> names() {
        return NAMES;
    }
}
