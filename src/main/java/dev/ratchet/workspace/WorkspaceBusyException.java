package dev.ratchet.workspace;

import java.io.IOException;

/** Another ratchet process is writing to the same tree; the message names the lock file. */
public class WorkspaceBusyException extends IOException {
    public WorkspaceBusyException(String message) {
        super(message);
    }
}
