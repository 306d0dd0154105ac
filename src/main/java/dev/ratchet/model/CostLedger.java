package dev.ratchet.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The session's running bill, and the optional budget it must stay within. Shared by every model
 * call of one run; safe to use from several threads.
 */
public final class CostLedger {
    private final ModelCatalog catalog;
    private final BigDecimal maxCost;
    private Spend spend = Spend.NOTHING;

    /** {@code maxCost} in dollars, or null for no budget. */
    public CostLedger(ModelCatalog catalog, BigDecimal maxCost) {
        this.catalog = catalog;
        this.maxCost = maxCost;
    }

    /** Records one finished request and returns its cost (empty when the price is unknown). */
    public synchronized Optional<BigDecimal> record(String model, Usage usage) {
        Optional<BigDecimal> cost = costOf(model, usage);
        spend = spend.plus(usage, cost);
        return cost;
    }

    /** What {@code usage} costs on {@code model}, without booking it (empty when the price is unknown). */
    public Optional<BigDecimal> costOf(String model, Usage usage) {
        return catalog.lookup(model).prices().map(prices -> prices.costOf(usage));
    }

    public synchronized Spend spend() {
        return spend;
    }

    public Optional<BigDecimal> maxCost() {
        return Optional.ofNullable(maxCost);
    }

    /** Refuses a request that could cost {@code estimate} when that is more than the budget has left. */
    public synchronized void checkAffordable(String model, Optional<BigDecimal> estimate, String estimateBasis) {
        if (maxCost == null) {
            return;
        }
        if (estimate.isEmpty()) {
            throw new BudgetExceededException("--max-cost " + Money.format(maxCost) + " cannot be enforced: the price of "
                    + model + " is unknown; set price.input and price.output in .ratchet.yml, or drop --max-cost");
        }
        BigDecimal spent = spend.knownCost();
        BigDecimal left = maxCost.subtract(spent);
        if (estimate.get().compareTo(left) > 0) {
            throw new BudgetExceededException("refusing the next request to " + model + ": it could cost up to "
                    + Money.format(estimate.get()) + " (" + estimateBasis + ") but only " + Money.format(left.max(BigDecimal.ZERO))
                    + " of --max-cost " + Money.format(maxCost) + " is left (spent " + Money.format(spent)
                    + "); raise --max-cost to continue");
        }
    }
}
