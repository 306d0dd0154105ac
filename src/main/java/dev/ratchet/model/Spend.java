package dev.ratchet.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Tokens and dollars so far. {@code knownCost} sums the requests whose price is known;
 * {@code unpricedRequests} counts the others, so a total is only exact when that is zero.
 */
public record Spend(int requests, Usage usage, BigDecimal knownCost, int unpricedRequests) {
    public static final Spend NOTHING = new Spend(0, Usage.NONE, BigDecimal.ZERO, 0);

    /** The total cost, or empty when some request had no known price. */
    public Optional<BigDecimal> cost() {
        return unpricedRequests == 0 ? Optional.of(knownCost) : Optional.empty();
    }

    Spend plus(Usage more, Optional<BigDecimal> cost) {
        return new Spend(requests + 1, usage.plus(more), knownCost.add(cost.orElse(BigDecimal.ZERO)),
                unpricedRequests + (cost.isPresent() ? 0 : 1));
    }

    /** One line for people, e.g. "3 requests, 12,345 tokens in (10,240 cached), 678 out, $0.0123". */
    public String describe() {
        String money = cost().map(Money::format).orElseGet(() -> knownCost.signum() == 0 ? "cost unknown"
                : "at least " + Money.format(knownCost) + " (" + unpricedRequests + " request(s) with unknown price)");
        return String.format("%d request%s, %,d tokens in (%,d cached), %,d out%s, %s", requests,
                requests == 1 ? "" : "s", usage.promptTokens(), usage.cachedTokens(), usage.completionTokens(),
                usage.estimated() ? " (partly estimated)" : "", money);
    }
}
