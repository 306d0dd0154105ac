package dev.ratchet.model;

/** The request was cancelled (Ctrl-C) before the model finished. */
public final class ChatCancelledException extends ModelException {
    public ChatCancelledException() {
        super(Kind.CANCELLED, "cancelled: the request to the model was stopped before it finished");
    }
}
