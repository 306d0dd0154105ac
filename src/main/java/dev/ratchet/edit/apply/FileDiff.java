package dev.ratchet.edit.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/**
 * The change to one file as text: {@code oldPath} is null for a created file, {@code newPath} null
 * for a deleted one, and they differ for a move. Lines carry no terminators. {@code binary} marks a
 * deleted file whose bytes were never decoded (its lines are then empty).
 */
public record FileDiff(String oldPath, String newPath, List<String> oldLines, List<String> newLines, boolean binary) {
    private static final int CONTEXT = 3;

    public FileDiff {
        oldLines = List.copyOf(oldLines);
        newLines = List.copyOf(newLines);
    }

    /** This change as a git-style unified diff ({@code --- a/x}, {@code +++ b/x}, /dev/null for a missing side). */
    public String unified() {
        String from = oldPath == null ? "/dev/null" : "a/" + oldPath;
        String to = newPath == null ? "/dev/null" : "b/" + newPath;
        StringBuilder out = new StringBuilder();
        if (binary) {
            return out.append("--- ").append(from).append('\n')
                    .append("+++ ").append(to).append('\n')
                    .append("Binary file ").append(oldPath).append(" deleted\n").toString();
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(
                from, to, oldLines, DiffUtils.diff(oldLines, newLines), CONTEXT);
        if (lines.isEmpty()) {
            // diff-utils writes nothing when the text is equal: a pure rename still deserves its header
            return out.append("--- ").append(from).append('\n').append("+++ ").append(to).append('\n').toString();
        }
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
