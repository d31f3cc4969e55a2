package dev.callscribe.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TailOptionsTest {

    @Test
    void shouldReadTheMetricsAndDeadLetterTopicsOnlyWhenAsked() {
        TailOptions options = TailOptions.defaults();

        assertThat(options.topicNames()).containsExactly("calls.transcripts");
        assertThat(options.withMetrics(true).topicNames()).containsExactly("calls.transcripts", "calls.metrics");
        assertThat(options.withDeadLetters(true).topicNames())
                .containsExactly("calls.transcripts", "calls.dead-letter");
        assertThat(options.withTopics(new TailOptions.FollowedTopics("t", "m", "d")).withMetrics(true)
                .withDeadLetters(true).topicNames()).containsExactly("t", "m", "d");
        assertThat(options.start()).isEqualTo(StartPosition.LATEST);
    }

    @Test
    void shouldGiveUpAfterAMinuteUnlessToldOtherwise() {
        assertThat(TailOptions.defaults().giveUpAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> TailOptions.defaults().withGiveUpAfter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
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
