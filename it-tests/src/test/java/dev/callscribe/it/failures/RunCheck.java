package dev.callscribe.it.failures;

import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.WindowTranscript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run must show, against the run without failures: for every call exactly one FINAL per channel and one
 * combined, each with the text of the same recording's FINAL in the run without failures; each window once on
 * calls.windows and once on calls.window-transcripts, as many windows as then; no dead letter.
 */
final class RunCheck {

    /** The channels of the sample recordings, and -1 for the combined FINAL. */
    private static final List<Integer> FINAL_CHANNELS = List.of(0, 1, -1);

    /** What the run without failures gave for each recording: FINAL texts and windows per call. */
    record Baseline(Map<String, String> finalTexts, Map<Integer, Long> windowsPerRecording) {

        /** Reads the expected results off a run without failures whose calls replay {@code recordings} in turn. */
        static Baseline of(RunRecords run, int recordings) {
            Map<String, String> texts = new HashMap<>();
            Map<Integer, Long> windows = new HashMap<>();
            for (int call = 0; call < run.callIds().size(); call++) {
                String callId = run.callIds().get(call);
                int recording = call % recordings;
                run.finalsOf(callId).forEach((channel, finals) -> texts.put(recording + "/" + channel,
                        finals.get(0).getText()));
                windows.put(recording, run.windows().stream().filter(w -> w.getCallId().equals(callId)).count());
            }
            return new Baseline(Map.copyOf(texts), Map.copyOf(windows));
        }
    }

    private final Baseline baseline;
    private final int recordings;

    RunCheck(Baseline baseline, int recordings) {
        this.baseline = baseline;
        this.recordings = recordings;
    }

    /** Every way the run differs from what it must show; empty when it shows it all. */
    List<String> anomalies(RunRecords run) {
        List<String> anomalies = new ArrayList<>();
        for (int call = 0; call < run.callIds().size(); call++) {
            checkFinals(run, run.callIds().get(call), call % recordings, anomalies);
            checkWindowCount(run, run.callIds().get(call), call % recordings, anomalies);
        }
        duplicates("window", run.windows().stream().map(RunCheck::key).toList(), anomalies);
        duplicates("window transcript", run.windowTranscripts().stream().map(RunCheck::key).toList(), anomalies);
        if (!run.windows().stream().map(RunCheck::key).collect(Collectors.toSet())
                .equals(run.windowTranscripts().stream().map(RunCheck::key).collect(Collectors.toSet()))) {
            anomalies.add("the windows and the window transcripts are not of the same windows");
        }
        run.deadLetters().forEach(letter -> anomalies.add("dead letter " + letter.getReason() + " of call "
                + letter.getCallId() + ": " + letter.getMessage()));
        return anomalies;
    }

    /** The longest a window waited for its transcript ({@code transcribedAt - windowEmittedAt}). */
    static Duration longestWait(RunRecords run) {
        return run.windowTranscripts().stream()
                .map(t -> Duration.between(t.getWindowEmittedAt(), t.getTranscribedAt()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private void checkFinals(RunRecords run, String callId, int recording, List<String> anomalies) {
        Map<Integer, List<Transcript>> finals = run.finalsOf(callId);
        for (int channel : FINAL_CHANNELS) {
            List<Transcript> ofChannel = finals.getOrDefault(channel, List.of());
            if (ofChannel.size() != 1) {
                anomalies.add(callId + " channel " + channel + ": " + ofChannel.size() + " FINALs");
                continue;
            }
            String expected = baseline.finalTexts().get(recording + "/" + channel);
            if (!ofChannel.get(0).getText().equals(expected)) {
                anomalies.add(callId + " channel " + channel + ": FINAL \"" + ofChannel.get(0).getText()
                        + "\", without failures \"" + expected + "\"");
            }
        }
    }

    private void checkWindowCount(RunRecords run, String callId, int recording, List<String> anomalies) {
        long windows = run.windows().stream().filter(w -> w.getCallId().equals(callId)).count();
        long expected = baseline.windowsPerRecording().get(recording);
        if (windows != expected) {
            anomalies.add(callId + ": " + windows + " windows, without failures " + expected);
        }
    }

    private static void duplicates(String what, List<String> keys, List<String> anomalies) {
        keys.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()))
                .forEach((key, count) -> {
                    if (count > 1) {
                        anomalies.add(what + " " + key + " committed " + count + " times");
                    }
                });
    }

    private static String key(AudioWindow window) {
        return window.getCallId() + "/" + window.getChannel() + "/" + window.getWindowIndex();
    }

    private static String key(WindowTranscript transcript) {
        return transcript.getCallId() + "/" + transcript.getChannel() + "/" + transcript.getWindowIndex();
    }
}
