package dev.ratchet.model;

/** The model settings cannot work (no key for OpenAI, record and replay together...); a usage error. */
public final class ModelSetupException extends RuntimeException {
    public ModelSetupException(String message) {
        super(message);
    }
}
