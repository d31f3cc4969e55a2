package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.callscribe.codec.WavReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingResamplerTest {

    private static final int OUT = StreamingResampler.OUTPUT_RATE_HZ;

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000})
    void shouldGiveBitIdenticalOutputWhetherFedInChunksOrWhole(int rate) {
        // Given one second of noise
        float[] input = Signals.noise(rate, rate + 123, 0.5);
        float[] whole = StreamingResampler.resampleTo16kHz(input, rate);

        // When it is fed in random chunk sizes, empty and one-sample chunks included
        StreamingResampler resampler = StreamingResampler.to16kHz(rate);
        Random random = new Random(42);
        float[] chunked = new float[0];
        for (int start = 0; start < input.length;) {
            int size = Math.min(input.length - start, random.nextInt(4) == 0 ? random.nextInt(2) : random.nextInt(900));
            chunked = concat(chunked, resampler.process(Arrays.copyOfRange(input, start, start + size)));
            start += size;
        }
        chunked = concat(chunked, resampler.flush());

        // Then
        assertThat(chunked).isEqualTo(whole);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000})
    void shouldKeepTheAmplitudeFrequencyAndPhaseOfA1kHzSine(int rate) {
        // Given two seconds of a 1 kHz sine at amplitude 0.5
        float[] input = Signals.sine(1000.0, rate, 2 * rate, 0.5);

        // When
        float[] output = StreamingResampler.resampleTo16kHz(input, rate);

        // Then, away from the edges, it is the same sine at 16 kHz: within 0.1 dB, in phase (no delay)
        double[] tone = Signals.tone(output, 1000.0, OUT, OUT / 4, OUT * 7 / 4);
        assertThat(Signals.decibels(tone[0] / 0.5)).isCloseTo(0.0, within(0.1));
        assertThat(tone[1]).isCloseTo(0.0, within(1e-3));
        float[] expected = Signals.sine(1000.0, OUT, output.length, 0.5);
        double residual = Signals.rms(difference(output, expected), OUT / 4, OUT * 7 / 4);
        assertThat(Signals.decibels(residual / 0.5)).isLessThan(-60.0);
    }

    @ParameterizedTest(name = "{0} Hz tone")
    @ValueSource(doubles = {8_500.0, 9_000.0, 12_000.0, 20_000.0})
    void shouldAttenuateTonesAbove8kHzIn48kHzInputByAtLeast60dB(double frequencyHz) {
        // Given a full-scale tone above the output's Nyquist frequency
        float[] input = Signals.sine(frequencyHz, 48_000, 48_000, 1.0);

        // When
        float[] output = StreamingResampler.resampleTo16kHz(input, 48_000);

        // Then what aliases into the output is at least 60 dB down
        double level = Signals.decibels(Signals.rms(output, OUT / 4, OUT * 3 / 4) * Math.sqrt(2.0));
        System.out.printf("48 kHz input, %.0f Hz tone: %.1f dB after resampling%n", frequencyHz, level);
        assertThat(level).isLessThan(-60.0);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000})
    void shouldEmitTheRoundedOutputLengthOnceFlushed(int rate) {
        for (int length : new int[] {0, 1, 2, 3, 7, 100, 441, 1000, 12_345}) {
            // When
            float[] output = StreamingResampler.resampleTo16kHz(new float[length], rate);

            // Then
            long expected = Math.round(length * (double) OUT / rate);
            assertThat((long) output.length).as("output of %d samples", length).isCloseTo(expected, within(1L));
        }
    }

    @Test
    void shouldPass16kHzInputThroughUnchangedAndUndelayed() {
        // Given
        float[] input = Signals.noise(7, 1000, 0.9);
        StreamingResampler resampler = StreamingResampler.to16kHz(16_000);

        // When
        float[] output = resampler.process(input);

        // Then
        assertThat(resampler.lookaheadInputSamples()).isZero();
        assertThat(output).isEqualTo(input);
        assertThat(resampler.flush()).isEmpty();
    }

    @Test
    void shouldHoldBackOnlyTheLookaheadUntilFlushed() {
        // Given 8 kHz input, which becomes two output samples per input sample
        StreamingResampler resampler = StreamingResampler.to16kHz(8_000);
        int lookahead = resampler.lookaheadInputSamples();

        // When
        float[] early = resampler.process(new float[1000]);
        float[] tail = resampler.flush();

        // Then
        assertThat(lookahead).isEqualTo(64);
        assertThat(early).hasSize(2 * (1000 - lookahead));
        assertThat(tail).hasSize(2 * lookahead);
    }

    @Test
    void shouldWriteIntoTheCallersArrayWithinTheAnnouncedBound() {
        // Given
        StreamingResampler resampler = StreamingResampler.to16kHz(44_100);
        float[] input = Signals.noise(3, 5000, 0.5);
        float[] output = new float[resampler.maxOutputLength(input.length) + 10];
        Arrays.fill(output, Float.NaN);

        // When
        int written = resampler.process(input, 0, input.length, output, 10);

        // Then
        assertThat(written).isPositive().isLessThanOrEqualTo(output.length - 10);
        assertThat(Arrays.copyOfRange(output, 0, 10)).containsOnly(Float.NaN);
        assertThat(Arrays.copyOfRange(output, 10, 10 + written)).doesNotContain(Float.NaN);
    }

    @Test
    void shouldRejectAnOutputArrayWithTooLittleRoom() {
        StreamingResampler resampler = StreamingResampler.to16kHz(8_000);

        assertThatThrownBy(() -> resampler.process(new float[1000], 0, 1000, new float[10], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("room for 10");
    }

    @Test
    void shouldRejectAnUnsupportedInputRateNamingTheSupportedOnes() {
        assertThatThrownBy(() -> StreamingResampler.to16kHz(12_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12000 Hz")
                .hasMessageContaining("44100");
    }

    @Test
    void shouldRejectInputAfterFlushUntilReset() {
        // Given a flushed stream
        StreamingResampler resampler = StreamingResampler.to16kHz(48_000);
        float[] input = Signals.noise(11, 4800, 0.5);
        float[] first = concat(resampler.process(input), resampler.flush());

        // Then
        assertThatThrownBy(() -> resampler.process(input)).isInstanceOf(IllegalStateException.class);

        // And a reset starts a new stream that gives the same output
        resampler.reset();
        assertThat(concat(resampler.process(input), resampler.flush())).isEqualTo(first);
    }

    @Test
    void shouldMatchSoxResamplingOfTheDemoCallsAgentChannel() throws IOException {
        // Given the 8 kHz mu-law call and the 16 kHz file sox made from its agent channel
        float[] agent8k = WavReader.read(ReferenceFiles.path(ReferenceFiles.TWO_CHANNEL_CALL))
                .decodeChannels()[0];
        float[] sox16k = WavReader.read(ReferenceFiles.path(ReferenceFiles.AGENT_16K))
                .decodeChannels()[0];

        // When
        float[] ours = StreamingResampler.resampleTo16kHz(agent8k, 8_000);

        // Then the two agree sample by sample (time-aligned) far above the mu-law noise floor
        assertThat(ours.length).isCloseTo(sox16k.length, within(2));
        int length = Math.min(ours.length, sox16k.length);
        double snr = Signals.decibels(Signals.rms(sox16k, 0, length)
                / Signals.rms(difference(ours, sox16k), 0, length));
        System.out.printf("8 kHz -> 16 kHz vs sox: SNR %.1f dB%n", snr);
        assertThat(snr).isGreaterThan(30.0);
    }

    private static float[] difference(float[] a, float[] b) {
        float[] diff = new float[Math.min(a.length, b.length)];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = a[i] - b[i];
        }
        return diff;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
