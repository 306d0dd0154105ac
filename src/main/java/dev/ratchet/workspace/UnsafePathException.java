package dev.ratchet.workspace;

import java.io.IOException;

/** A path that an edit may not touch; the message names the path and the rule it breaks. */
public class UnsafePathException extends IOException {
    private final String path;

    public UnsafePathException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
