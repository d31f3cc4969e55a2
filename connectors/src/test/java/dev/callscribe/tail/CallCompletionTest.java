package dev.callscribe.tail;

import static dev.callscribe.tail.Records.callMetric;
import static dev.callscribe.tail.Records.channel;
import static dev.callscribe.tail.Records.combined;
import static dev.callscribe.tail.Records.event;
import static dev.callscribe.tail.Records.windowMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.TranscriptKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a call counts as finished for a follower, and the stop condition that counts finished calls. */
class CallCompletionTest {

    @Test
    void shouldFinishACallAtItsCombinedFinalWhenMetricsAreNotFollowed() {
        CallCompletion completion = new CallCompletion(false);

        assertThat(completion.finishes(event(channel("call-7", TranscriptKind.FINAL, 2, 0, "agent", List.of()))))
                .isFalse();
        assertThat(completion.finishes(event(callMetric("call-7")))).isFalse();
        assertThat(completion.finishes(event(combined("call-7", List.of())))).isTrue();
        assertThat(completion.pendingCalls()).isZero();
    }

    @Test
    void shouldFinishACallWithMetricsOnlyOnceBothItsFinalAndItsCallMetricArrivedInEitherOrder() {
        CallCompletion completion = new CallCompletion(true);

        assertThat(completion.finishes(event(combined("call-7", List.of())))).isFalse();
        assertThat(completion.finishes(event(windowMetric("call-7")))).isFalse();
        assertThat(completion.finishes(event(callMetric("call-8")))).isFalse();
        assertThat(completion.finishes(event(callMetric("call-7")))).isTrue();
        assertThat(completion.finishes(event(combined("call-8", List.of())))).isTrue();
        assertThat(completion.pendingCalls()).isZero();
    }

    @Test
    void shouldForgetTheOldestHalfFinishedCallBeyondTheLimit() {
        CallCompletion completion = new CallCompletion(true);
        for (int call = 0; call <= CallCompletion.MAX_PENDING_CALLS; call++) {
            completion.finishes(event(combined("call-" + call, List.of())));
        }

        assertThat(completion.pendingCalls()).isEqualTo(CallCompletion.MAX_PENDING_CALLS);
        assertThat(completion.finishes(event(callMetric("call-1")))).isTrue();
        assertThat(completion.finishes(event(callMetric("call-0")))).isFalse();
    }

    @Test
    void shouldStopAfterTheGivenNumberOfFinishedCalls() {
        StopCondition afterTwo = StopCondition.afterCalls(2);

        assertThat(afterTwo.reached(new TailProgress(40, 1, 0))).isFalse();
        assertThat(afterTwo.reached(new TailProgress(80, 2, 0))).isTrue();
        assertThat(StopCondition.never().reached(new TailProgress(80, 2, 0))).isFalse();
        assertThatThrownBy(() -> StopCondition.afterCalls(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of calls to wait for must be at least 1, was 0");
    }
}
