package dev.ratchet.workspace;

/** The pre-commit hook cannot be installed or removed as asked; the message says what to do. Exit code 2. */
public final class HookInstallException extends RuntimeException {
    public HookInstallException(String message) {
        super(message);
    }
}
