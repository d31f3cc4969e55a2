package dev.callscribe.tail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptTextTest {

    @Test
    void shouldWriteTimesAsMinutesSecondsAndTenths() {
        assertThat(TranscriptText.clock(0)).isEqualTo("00:00.0");
        assertThat(TranscriptText.clock(3_549)).isEqualTo("00:03.5");
        assertThat(TranscriptText.clock(3_550)).isEqualTo("00:03.6");
        assertThat(TranscriptText.clock(754_300)).isEqualTo("12:34.3");
    }

    @Test
    void shouldRoundUpIntoTheNextMinuteRatherThanShowSixtySeconds() {
        assertThat(TranscriptText.clock(59_960)).isEqualTo("01:00.0");
    }

    @Test
    void shouldAddHoursFromAnHourOn() {
        assertThat(TranscriptText.clock(3_599_940)).isEqualTo("59:59.9");
        assertThat(TranscriptText.clock(3_723_400)).isEqualTo("1:02:03.4");
    }

    @Test
    void shouldMakeTextOneSafeLine() {
        assertThat(TranscriptText.clean("  two\n lines\tand\u0007 a bell ")).isEqualTo("two lines and a bell");
        assertThat(TranscriptText.clean(null)).isEmpty();
    }
}
