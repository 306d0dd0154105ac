package dev.ratchet.check;

import java.nio.file.Path;

/** No test command was given and none could be detected; the message says what was looked for and how to set one. */
public class NoTestCommandException extends RuntimeException {
    public NoTestCommandException(Path root) {
        super("no test command found in " + root + ": looked for " + TestCommandDetector.LOOKED_FOR
                + "; pass --test-cmd \"<command>\" or set test-cmd in .ratchet.yml");
    }
}
