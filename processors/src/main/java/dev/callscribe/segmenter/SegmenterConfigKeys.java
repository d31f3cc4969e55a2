package dev.callscribe.segmenter;

import dev.callscribe.vad.VadOptions;
import dev.callscribe.windowing.WindowingOptions;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * The segmenter's window, VAD and call-handling keys, with defaults taken from {@link WindowingOptions#defaults()}
 * and {@link VadOptions#defaults()} so they live in one place.
 */
final class SegmenterConfigKeys {

    private static final WindowingOptions WINDOWING = WindowingOptions.defaults();
    private static final VadOptions VAD = VadOptions.defaults();

    private SegmenterConfigKeys() {
    }

    static ConfigDef defineAll(ConfigDef def) {
        return defineCalls(defineVad(defineWindows(def)));
    }

    private static ConfigDef defineWindows(ConfigDef def) {
        return def
                .define(SegmenterConfig.WINDOW_MODE_CONFIG, Type.STRING, SegmenterConfig.DEFAULT_WINDOW_MODE,
                        ValidString.in("utterance", "chunked"), Importance.HIGH, "How windows are cut: utterance "
                                + "(speech turns, packed until full or the latency budget runs out; live calls) or "
                                + "chunked (fixed overlapping windows, the Distil-Whisper long-form recipe; "
                                + "recordings).")
                .define(SegmenterConfig.MAX_WINDOW_MS_CONFIG, Type.INT, WINDOWING.maxWindowMs(), Range.between(1000,
                        Segmenter.LONGEST_WINDOW_MS), Importance.MEDIUM, "Longest window; the model takes at most "
                                + "30 s.")
                .define(SegmenterConfig.LATENCY_BUDGET_MS_CONFIG, Type.INT, WINDOWING.latencyBudgetMs(),
                        Range.atLeast(0), Importance.MEDIUM, "Utterance mode: how long a window's first speech "
                                + "may wait for more speech to join it. Longer fills windows better (GPU cost) and "
                                + "delays transcripts.")
                .define(SegmenterConfig.SPLIT_OVERLAP_MS_CONFIG, Type.INT, WINDOWING.splitOverlapMs(),
                        Range.atLeast(1), Importance.LOW, "Utterance mode: overlap of the windows a turn longer "
                                + "than the longest window is split into.")
                .define(SegmenterConfig.MIN_SPEECH_MS_CONFIG, Type.INT, WINDOWING.minSpeechMs(), Range.atLeast(0),
                        Importance.LOW, "Least speech a window needs to be transcribed.")
                .define(SegmenterConfig.CHUNK_LENGTH_S_CONFIG, Type.DOUBLE, WINDOWING.chunking().chunkLengthS(),
                        Range.between(1, Segmenter.LONGEST_WINDOW_MS / 1000), Importance.MEDIUM, "Chunked mode: "
                                + "window length in seconds (15 for "
                                + "distil-small.en, distil-medium.en, distil-large-v2; 25 for distil-large-v3).")
                .define(SegmenterConfig.CHUNK_STRIDE_S_CONFIG, Type.DOUBLE, -1.0, Importance.LOW,
                        "Chunked mode: overlap on each side of a window in seconds; -1 is a sixth of its length.");
    }

    private static ConfigDef defineVad(ConfigDef def) {
        return def
                .define(SegmenterConfig.VAD_FRAME_MS_CONFIG, Type.INT, VAD.frameMs(), Range.between(10, 100),
                        Importance.LOW, "Voice activity detection frame length.")
                .define(SegmenterConfig.VAD_ON_SCORE_CONFIG, Type.DOUBLE, VAD.speechOnScore(), Range.between(0, 1),
                        Importance.LOW, "Frame score at which speech starts.")
                .define(SegmenterConfig.VAD_OFF_SCORE_CONFIG, Type.DOUBLE, VAD.speechOffScore(),
                        Range.between(0, 1), Importance.LOW, "Frame score below which speech may end (hysteresis).")
                .define(SegmenterConfig.VAD_MIN_SPEECH_MS_CONFIG, Type.INT, VAD.minSpeechMs(), Range.atLeast(0),
                        Importance.LOW, "Shortest speech kept.")
                .define(SegmenterConfig.VAD_MIN_SILENCE_MS_CONFIG, Type.INT, VAD.minSilenceMs(), Range.atLeast(0),
                        Importance.LOW, "Silence that ends speech.")
                .define(SegmenterConfig.VAD_PAD_MS_CONFIG, Type.INT, VAD.speechPadMs(), Range.atLeast(0),
                        Importance.LOW, "Audio kept around speech.")
                .define(SegmenterConfig.VAD_ENERGY_FLOOR_DBFS_CONFIG, Type.DOUBLE, VAD.energyFloorDbfs(),
                        Importance.LOW, "Frames quieter than this are never speech.");
    }

    private static ConfigDef defineCalls(ConfigDef def) {
        return def
                .define(SegmenterConfig.GAP_TIMEOUT_MS_CONFIG, Type.LONG, SegmenterConfig.DEFAULT_GAP_TIMEOUT_MS,
                        Range.atLeast(0), Importance.MEDIUM, "How long a later chunk waits for a missing one "
                                + "before the call carries on with the gap filled with silence (and recorded).")
                .define(SegmenterConfig.MAX_EARLY_CHUNKS_CONFIG, Type.INT, SegmenterConfig.DEFAULT_MAX_EARLY_CHUNKS,
                        Range.atLeast(1), Importance.LOW, "Chunks of one call held while waiting for a missing "
                                + "one; beyond it the call carries on at once.")
                .define(SegmenterConfig.INACTIVITY_TIMEOUT_MS_CONFIG, Type.LONG,
                        SegmenterConfig.DEFAULT_INACTIVITY_TIMEOUT_MS, Range.atLeast(1), Importance.MEDIUM,
                        "Wall-clock time without a chunk after which a call that never sent its last chunk ends.")
                .define(SegmenterConfig.MAX_CHUNK_MS_CONFIG, Type.LONG, SegmenterConfig.DEFAULT_MAX_CHUNK_MS,
                        Range.atLeast(1), Importance.LOW, "Longest chunk accepted; longer ones are dead-lettered.")
                .define(SegmenterConfig.MAX_GAP_MS_CONFIG, Type.LONG, SegmenterConfig.DEFAULT_MAX_GAP_MS,
                        Range.atLeast(0), Importance.LOW, "Longest gap in a call's audio filled with silence; a "
                                + "chunk jumping further is dead-lettered.")
                .define(SegmenterConfig.MAX_CALL_MS_CONFIG, Type.LONG, SegmenterConfig.DEFAULT_MAX_CALL_MS,
                        Range.atLeast(1), Importance.LOW, "Longest call, in audio taken in: a call that reaches it "
                                + "is ended there, with its FINAL, and its later chunks are dead-lettered as "
                                + "LATE_CHUNK. It bounds a call's transcript, whose every revision repeats it.")
                .define(SegmenterConfig.MAX_CHANNELS_CONFIG, Type.INT, SegmenterConfig.DEFAULT_MAX_CHANNELS,
                        Range.between(1, 64), Importance.LOW, "Most channels a call may have.")
                .define(SegmenterConfig.DEFAULT_SPEAKERS_CONFIG, Type.LIST,
                        SegmenterConfig.DEFAULT_DEFAULT_SPEAKERS, Importance.LOW, "Speaker labels of channels 0, "
                                + "1, ... when a call's chunks give none; later channels are channel-N.")
                .define(SegmenterConfig.ENDED_CALL_RETENTION_MS_CONFIG, Type.LONG,
                        SegmenterConfig.DEFAULT_ENDED_CALL_RETENTION_MS, Range.atLeast(0), Importance.LOW,
                        "How long an ended call is remembered, so its late chunks are dead-lettered as late rather "
                                + "than start a new call.");
    }
}
