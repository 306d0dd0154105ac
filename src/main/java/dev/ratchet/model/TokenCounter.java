package dev.ratchet.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way GPT-4.1 does (o200k_base). jtokkit maps "gpt-4.1" to cl100k_base, which
 * is wrong, so the encoding is chosen here and not by model name. Loading the encoding costs about
 * 0.3 s, so build one counter per process and share it.
 */
public final class TokenCounter {
    private final Encoding encoding;

    public TokenCounter() {
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** Tokens in plain text, without any chat-message overhead. */
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
