package dev.ratchet.workspace;

import java.io.IOException;

/** ratchet will not work with the repository as it is; the message says what to do first. */
public class GitRefusalException extends IOException {
    public GitRefusalException(String message) {
        super(message);
    }

    public GitRefusalException(String message, Throwable cause) {
        super(message, cause);
    }
}
