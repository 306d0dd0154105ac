package dev.ratchet.workspace;

import java.io.IOException;

/** A batch of writes that could not be carried out; the message names the file and the cause. */
public class WriteFailedException extends IOException {
    private final String path;

    public WriteFailedException(String path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    public WriteFailedException(String path, String reason) {
        this(path, reason, null);
    }

    /** The repository-relative path the failure is about. */
    public String path() {
        return path;
    }
}
