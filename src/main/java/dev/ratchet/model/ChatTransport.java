package dev.ratchet.model;

import java.io.IOException;

/**
 * Carries one raw HTTP exchange: over the network ({@link OkHttpTransport}), into a cassette
 * ({@link CassetteRecorder}) or out of one ({@link CassettePlayer}). Everything above it, parsing
 * and retries included, is the same code for live and replayed replies.
 */
public interface ChatTransport {

    /** Sends the request; the caller closes the reply. Throws IOException when the connection fails. */
    RawReply send(RawRequest request, Cancellation cancellation) throws IOException;
}
