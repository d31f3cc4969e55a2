package dev.callscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import dev.callscribe.demo.SampleCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector on the demo's sample two-channel call (8 kHz mu-law, agent on channel 0, customer on 1), against
 * the turns its script lists.
 */
class RealCallSpeechTest {

    private static final VadOptions OPTIONS = VadOptions.defaults();

    @Test
    void shouldFindEveryListedTurnAndLittleElse() {
        // Given the call, decoded per channel, and its listed turns
        WavAudio call = WavReader.read(SampleCall.wavBytes());
        float[][] channels = call.decodeChannels();
        int rate = call.sampleRateHz();
        List<Turn> turns = readTurns(rate);
        long pad = new SampleClock(rate).samples(OPTIONS.speechPadMs());

        for (int channel = 0; channel < channels.length; channel++) {
            // When the channel is fed in 0.5 s chunks
            List<SpeechSpan> spans = detectInChunks(channels[channel], rate, rate / 2);

            // Then each of its turns overlaps a detected span, and the detected speech lies inside its turns
            List<Turn> own = turnsOf(turns, channel);
            for (Turn turn : own) {
                assertThat(spans).as("channel %d turn at %.2f s", channel, turn.start() / (double) rate)
                        .anySatisfy(span -> assertThat(span.overlapSamples(turn.start(), turn.end())).isPositive());
            }
            long detected = spans.stream().mapToLong(SpeechSpan::lengthSamples).sum();
            long insideTurns = spans.stream().mapToLong(span -> own.stream()
                    .mapToLong(turn -> span.overlapSamples(turn.start() - pad, turn.end() + pad)).sum()).sum();
            long turnSamples = own.stream().mapToLong(turn -> turn.end() - turn.start()).sum();
            long turnsCovered = own.stream().mapToLong(turn -> spans.stream()
                    .mapToLong(span -> span.overlapSamples(turn.start(), turn.end())).sum()).sum();
            System.out.printf("channel %d: %d turns, %d spans %s; detected %.2f s, %.1f%% inside turns +-%d ms;"
                    + " turns %.2f s, %.1f%% covered%n", channel, own.size(), spans.size(), seconds(spans, rate),
                    detected / (double) rate, 100.0 * insideTurns / detected, OPTIONS.speechPadMs(),
                    turnSamples / (double) rate, 100.0 * turnsCovered / turnSamples);
            assertThat((double) insideTurns / detected).isGreaterThanOrEqualTo(0.95);
            assertThat((double) turnsCovered / turnSamples).isGreaterThanOrEqualTo(0.9);
        }
    }

    private static List<SpeechSpan> detectInChunks(float[] samples, int rate, int chunk) {
        SpeechDetector detector = SpeechDetector.start(OPTIONS, rate);
        List<SpeechSpan> spans = new ArrayList<>();
        for (int offset = 0; offset < samples.length; offset += chunk) {
            spans.addAll(detector.accept(samples, offset, Math.min(chunk, samples.length - offset)).closedSpans());
        }
        spans.addAll(detector.flush().closedSpans());
        return spans;
    }

    private static List<Turn> readTurns(int rate) {
        List<Turn> turns = new ArrayList<>();
        List<String> lines = new String(SampleCall.scriptBytes(), StandardCharsets.UTF_8).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            turns.add(new Turn(Integer.parseInt(fields[2].trim()), Math.round(Double.parseDouble(fields[0]) * rate),
                    Math.round(Double.parseDouble(fields[1]) * rate)));
        }
        return turns;
    }

    private static List<Turn> turnsOf(List<Turn> turns, int channel) {
        return turns.stream().filter(turn -> turn.channel() == channel).toList();
    }

    private static String seconds(List<SpeechSpan> spans, int rate) {
        return spans.stream().map(span -> String.format("%.2f-%.2f", span.startSample() / (double) rate,
                span.endSample() / (double) rate)).toList().toString();
    }

    /** A listed turn, in samples. */
    private record Turn(int channel, long start, long end) {
    }
}
