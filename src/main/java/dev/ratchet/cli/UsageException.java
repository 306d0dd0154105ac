package dev.ratchet.cli;

/** Bad input the user can fix by changing the command line; maps to exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
