package dev.ratchet.context;

import java.util.List;

/** The models a context's cost is estimated for; the model package's catalog will implement this. */
@FunctionalInterface
public interface ModelCatalog {
    List<ModelPrice> models();
}
