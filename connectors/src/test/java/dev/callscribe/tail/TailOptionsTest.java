package dev.callscribe.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TailOptionsTest {

    @Test
    void shouldReadTheMetricsTopicOnlyWhenAsked() {
        TailOptions options = TailOptions.defaults();

        assertThat(options.topics()).containsExactly("calls.transcripts");
        assertThat(options.withMetrics(true).topics()).containsExactly("calls.transcripts", "calls.metrics");
        assertThat(options.withTopics("t", "m").withMetrics(true).topics()).containsExactly("t", "m");
        assertThat(options.start()).isEqualTo(StartPosition.LATEST);
    }

    @Test
    void shouldShowEveryCallOrOnlyTheChosenOne() {
        assertThat(TailOptions.defaults().shows("call-7")).isTrue();
        assertThat(TailOptions.defaults().withCallId("call-7").shows("call-7")).isTrue();
        assertThat(TailOptions.defaults().withCallId("call-7").shows("call-8")).isFalse();
        assertThat(TailOptions.defaults().withCallId("call-7").shows(null)).isFalse();
        assertThatThrownBy(() -> TailOptions.defaults().withCallId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the call id to follow must not be blank");
    }
}
