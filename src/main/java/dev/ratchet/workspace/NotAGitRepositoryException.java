package dev.ratchet.workspace;

/** The directory is not inside a git repository; the message offers {@code git init} or {@code --no-git}. */
public class NotAGitRepositoryException extends GitRefusalException {
    public NotAGitRepositoryException(String message) {
        super(message);
    }
}
