package dev.ratchet.agent.tools;

/** Asks a person whether a command the model wants to run may run; the terminal front end asks on stdin. */
@FunctionalInterface
public interface CommandApproval {
    /** Nobody to ask (CI, piped, JSON output): only the allow-list decides. */
    CommandApproval NOBODY = command -> false;

    boolean approve(String command);
}
