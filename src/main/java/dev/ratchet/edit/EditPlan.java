package dev.ratchet.edit;

import java.util.List;

/** Every change a model reply asks for, in the order it asked, whatever format it was written in. */
public record EditPlan(List<FileChange> changes) {
    public EditPlan {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
