package dev.ratchet.context;

import java.util.List;

/** What the map needs from one source file: the symbols it defines and the names it uses. */
public record Outline(List<Symbol> symbols, List<String> references) {
    public static final Outline EMPTY = new Outline(List.of(), List.of());

    public Outline {
        symbols = List.copyOf(symbols);
        references = List.copyOf(references);
    }
}
