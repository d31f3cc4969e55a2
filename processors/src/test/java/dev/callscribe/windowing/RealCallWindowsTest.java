package dev.callscribe.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.codec.WavAudio;
import dev.callscribe.codec.WavReader;
import dev.callscribe.demo.SampleCall;
import dev.callscribe.vad.SpeechDetector;
import dev.callscribe.vad.VadOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows cut from the demo's sample two-channel call with the defaults. */
class RealCallWindowsTest {


    @Test
    void shouldCutEachChannelsTurnsIntoWindowsThatFitTheModelAndReportTheirFill() {
        // Given the call, one channel per speaker
        WavAudio call = WavReader.read(SampleCall.wavBytes());
        float[][] channels = call.decodeChannels();
        int rate = call.sampleRateHz();

        for (WindowMode mode : WindowMode.values()) {
            for (int channel = 0; channel < channels.length; channel++) {
                // When it is fed in 1 s chunks through detector and cutter
                List<WindowPlan> plans = plan(channels[channel], rate, WindowingOptions.defaults().withMode(mode));

                // Then windows fit the model, the last plan is marked, and speech was found
                List<WindowPlan> withAudio = plans.stream().filter(plan -> !plan.speechless()).toList();
                double speech = withAudio.stream().mapToLong(WindowPlan::speechSamples).sum() / (double) rate;
                double sent = withAudio.stream().mapToLong(WindowPlan::lengthSamples).sum() / (double) rate;
                System.out.printf("%s channel %d: %d plans, %d with audio %s; %.2f s speech in %.2f s sent"
                        + " (fill %.2f; speech per 30 s encoder input %.2f)%n", mode, channel, plans.size(),
                        withAudio.size(), ranges(withAudio, rate), speech, sent, speech / sent,
                        speech / (30.0 * withAudio.size()));
                assertThat(plans).allSatisfy(plan -> assertThat(plan.lengthSamples())
                        .isLessThanOrEqualTo(30L * rate));
                assertThat(plans.get(plans.size() - 1).last()).isTrue();
                assertThat(speech).isGreaterThan(5.0);
            }
        }
    }

    private static List<WindowPlan> plan(float[] samples, int rate, WindowingOptions options) {
        SpeechDetector detector = SpeechDetector.start(VadOptions.defaults(), rate);
        WindowCutter cutter = WindowCutter.start(options, rate);
        List<WindowPlan> plans = new ArrayList<>();
        for (int offset = 0; offset < samples.length; offset += rate) {
            plans.addAll(cutter.accept(detector.accept(samples, offset, Math.min(rate, samples.length - offset))));
        }
        plans.addAll(cutter.finish(detector.flush()));
        return plans;
    }

    private static String ranges(List<WindowPlan> plans, int rate) {
        return plans.stream().map(plan -> String.format("%.2f-%.2f", plan.startSample() / (double) rate,
                plan.endSample() / (double) rate)).toList().toString();
    }
}
