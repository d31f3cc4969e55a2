package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many windows one transaction may take before its inference would outlast the budget. */
class BatchBudgetTest {

    @Test
    void shouldTakeAWholeBatchThatFitsTheBudgetAtTheEstimate() {
        BatchBudget budget = new BatchBudget(new BatchingOptions(16, 50, 1_000, 30_000));

        assertThat(budget.windowsThatFit(16)).isEqualTo(16);
    }

    @Test
    void shouldSplitABatchWhoseEstimatedTimeExceedsTheBudget() {
        BatchBudget budget = new BatchBudget(new BatchingOptions(16, 50, 4_000, 30_000));

        assertThat(budget.windowsThatFit(16)).isEqualTo(7);
    }

    @Test
    void shouldAlwaysTakeAtLeastOneWindowSoTheWorkerProgresses() {
        BatchBudget budget = new BatchBudget(new BatchingOptions(16, 50, 60_000, 30_000));

        assertThat(budget.windowsThatFit(16)).isEqualTo(1);
    }

    @Test
    void shouldFollowMeasuredTimesWhenTheHardwareIsSlowerThanEstimated() {
        BatchBudget budget = new BatchBudget(new BatchingOptions(16, 50, 1_000, 30_000));

        for (int batch = 0; batch < 20; batch++) {
            budget.observe(16, 16 * 5_000.0);
        }

        assertThat(budget.millisPerWindow()).isBetween(4_900.0, 5_000.0);
        assertThat(budget.windowsThatFit(16)).isEqualTo(6);
    }

    @Test
    void shouldMoveTheEstimateByOneFifthOfTheDifferencePerBatch() {
        BatchBudget budget = new BatchBudget(new BatchingOptions(16, 50, 1_000, 30_000));

        budget.observe(4, 4 * 2_000.0);

        assertThat(budget.millisPerWindow()).isEqualTo(1_200.0);
    }

    @Test
    void shouldIgnoreAnEmptyBatch() {
        BatchBudget budget = new BatchBudget(new BatchingOptions(16, 50, 1_000, 30_000));

        budget.observe(0, 10.0);

        assertThat(budget.millisPerWindow()).isEqualTo(1_000.0);
    }
}
