package dev.ratchet.context;

import java.util.List;

/**
 * A ranker's answer: every path best first, and the few it picked as worth sending whole
 * ({@code picker} says who picked them, for the report; null when nothing was picked).
 */
public record Ranking(List<String> order, List<String> picked, String picker) {
    public Ranking {
        order = List.copyOf(order);
        picked = List.copyOf(picked);
    }

    /** An order alone, with no picks. */
    public static Ranking of(List<String> order) {
        return new Ranking(order, List.of(), null);
    }
}
