package dev.ratchet.config;

import dev.ratchet.model.ModelSettings;

/** Everything configured for one run: the raw layered values and the typed settings built from them. */
public record Settings(ResolvedConfig values, ModelSettings model) {
}
