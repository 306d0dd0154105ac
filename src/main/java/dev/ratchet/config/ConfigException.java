package dev.ratchet.config;

/** A setting is missing, unknown or malformed; the message names where it came from. Exit code 2. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
