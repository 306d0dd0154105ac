package dev.ratchet.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.model.ModelCatalog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The context's cost estimate uses the model package's catalog and OpenAI's cache granularity. */
class CostEstimateTest {
    private final ModelCatalog catalog = new ModelCatalog();

    @Test
    void aRepeatPaysTheCachedRateForTheStablePrefixInStepsOf128Tokens() {
        CostEstimate estimate = CostEstimate.of(100_000, 50_000, catalog.lookup("gpt-4.1"), 2_000);

        // 100,000 x $2.00/M; then 49,920 cached x $0.50/M + 50,080 x $2.00/M
        assertThat(estimate.firstRequest()).isEqualByComparingTo(new BigDecimal("0.20"));
        assertThat(estimate.cachedRepeat()).isEqualByComparingTo(new BigDecimal("0.12512"));
        assertThat(estimate.fits()).isTrue();
    }

    @Test
    void aPrefixUnderTheCacheMinimumIsNotCached() {
        CostEstimate estimate = CostEstimate.of(10_000, 1_000, catalog.lookup("gpt-4.1-nano"), 0);

        assertThat(estimate.cachedRepeat()).isEqualByComparingTo(estimate.firstRequest()).isEqualByComparingTo("0.001");
    }

    @Test
    void whatDoesNotLeaveRoomForTheAnswerDoesNotFit() {
        assertThat(CostEstimate.of(127_000, 0, catalog.lookup("gpt-4o"), 2_000).fits()).isFalse();
        assertThat(CostEstimate.of(1_045_576, 0, catalog.lookup("gpt-4.1-mini"), 2_000).fits()).isTrue();
    }
}
