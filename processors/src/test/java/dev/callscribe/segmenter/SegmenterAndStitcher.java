package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DecodingInfo;
import dev.callscribe.avro.InferenceTimings;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.WindowToken;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.pipeline.JsonSerde;
import dev.callscribe.pipeline.StreamsApp;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.stitcher.StitcherConfig;
import dev.callscribe.stitcher.StitcherTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The segmenter and the stitcher on two TopologyTestDrivers, joined by a stand-in transcriber that turns each window
 * into a window transcript at once (a window with audio reads as one word, {@code w<index>}, over its length), so a
 * test can follow a call from its chunks to its combined FINAL. Both drivers share one {@code mock://} registry
 * scope, dropped on {@link #close()}.
 */
final class SegmenterAndStitcher implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final String scope;
    private final TopologyTestDriver segmenter;
    private final TopologyTestDriver stitcher;
    private final TestInputTopic<String, byte[]> audio;
    private final TestOutputTopic<String, AudioWindow> windows;
    private final TestOutputTopic<String, DeadLetter> segmenterDeadLetters;
    private final TestInputTopic<String, byte[]> windowTranscripts;
    private final TestOutputTopic<String, Transcript> transcripts;
    private final TestOutputTopic<String, DeadLetter> stitcherDeadLetters;
    private final List<AudioWindow> allWindows = new ArrayList<>();
    private final List<Transcript> allTranscripts = new ArrayList<>();
    private final List<DeadLetter> allDeadLetters = new ArrayList<>();

    SegmenterAndStitcher(String scope, Map<String, String> segmenterOverrides) {
        this.scope = scope;
        SchemaRegistryClient registry = MockSchemaRegistry.forScope(scope);
        Map<String, Object> settings = new HashMap<>(segmenterOverrides);
        settings.put("schema.registry.url", "mock://" + scope);
        SegmenterConfig segmenterConfig = new SegmenterConfig(settings);
        Properties segmenterProperties = Segmenter.streamsProperties(segmenterConfig);
        segmenterProperties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir("segmenter"));
        segmenter = new TopologyTestDriver(SegmenterTopology.build(segmenterConfig, registry,
                new SimpleMeterRegistry()), segmenterProperties, START);
        StitcherConfig stitcherConfig = new StitcherConfig(Map.of("schema.registry.url", "mock://" + scope));
        Properties stitcherProperties = StreamsApp.properties(stitcherConfig, "stitcher", "catalogue-stitcher",
                stateDir("stitcher"), 1);
        stitcher = new TopologyTestDriver(StitcherTopology.build(stitcherConfig, registry,
                new SimpleMeterRegistry()), stitcherProperties, START);
        audio = segmenter.createInputTopic(Topics.AUDIO.name(), new StringSerializer(), new ByteArraySerializer());
        windows = segmenter.createOutputTopic(Topics.WINDOWS.name(), new StringDeserializer(),
                Topics.WINDOWS.valueSerde(serdes()).deserializer());
        segmenterDeadLetters = segmenter.createOutputTopic(Topics.DEAD_LETTER.name(), new StringDeserializer(),
                Topics.DEAD_LETTER.valueSerde(serdes()).deserializer());
        windowTranscripts = stitcher.createInputTopic(Topics.WINDOW_TRANSCRIPTS.name(), new StringSerializer(),
                new ByteArraySerializer());
        transcripts = stitcher.createOutputTopic(Topics.TRANSCRIPTS.name(), new StringDeserializer(),
                Topics.TRANSCRIPTS.valueSerde(serdes()).deserializer());
        stitcherDeadLetters = stitcher.createOutputTopic(Topics.DEAD_LETTER.name(), new StringDeserializer(),
                Topics.DEAD_LETTER.valueSerde(serdes()).deserializer());
    }

    Map<String, Object> serdes() {
        return Map.of("schema.registry.url", "mock://" + scope);
    }

    /** Serializes a chunk as a producer with the current AudioChunk schema would. */
    byte[] serialize(AudioChunk chunk) {
        return Topics.AUDIO.valueSerde(serdes()).serializer().serialize(Topics.AUDIO.name(), chunk);
    }

    void sendAll(List<AudioChunk> chunks) {
        chunks.forEach(this::send);
    }

    void send(AudioChunk chunk) {
        send(chunk.getCallId(), serialize(chunk));
    }

    /** Sends any value under any key to calls.audio, then passes what comes out on to the stitcher. */
    void send(String key, byte[] value) {
        audio.pipeInput(key, value);
        pump();
    }

    /** Advances both drivers' wall clocks, firing their punctuators. */
    void advance(Duration duration) {
        segmenter.advanceWallClockTime(duration);
        pump();
        stitcher.advanceWallClockTime(duration);
        pump();
    }

    List<AudioWindow> windows(String callId) {
        return allWindows.stream().filter(window -> window.getCallId().equals(callId)).toList();
    }

    List<DeadLetter> deadLetters() {
        pump();
        return List.copyOf(allDeadLetters);
    }

    /** The call's combined FINAL, if it has one. */
    List<Transcript> combinedFinals(String callId) {
        return allTranscripts.stream().filter(transcript -> transcript.getCallId().equals(callId)
                && transcript.getKind() == TranscriptKind.FINAL && transcript.getChannel() == null).toList();
    }

    <V> KeyValueStore<String, V> store(String name) {
        return segmenter.getKeyValueStore(name);
    }

    /** The entries in a segmenter store, counted (RocksDB's own count is an estimate). */
    long entries(String store) {
        return storeSizes().get(store)[0];
    }

    /** Entries and bytes (keys and values, as stored) of each segmenter store. */
    Map<String, long[]> storeSizes() {
        Map<String, long[]> sizes = new HashMap<>();
        JsonSerde<CallState> calls = new JsonSerde<>(CallState.class);
        sizes.put(SegmenterStores.CALLS, size(store(SegmenterStores.CALLS),
                (CallState value) -> calls.serializer().serialize("", value).length));
        sizes.put(SegmenterStores.EARLY, size(store(SegmenterStores.EARLY), (byte[] value) -> value.length));
        sizes.put(SegmenterStores.AUDIO, size(store(SegmenterStores.AUDIO), (byte[] value) -> value.length));
        sizes.put(SegmenterStores.ENDED, size(store(SegmenterStores.ENDED), (Long value) -> Long.BYTES));
        return sizes;
    }

    private static <V> long[] size(KeyValueStore<String, V> store, java.util.function.ToIntFunction<V> bytes) {
        long entries = 0;
        long total = 0;
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                entries++;
                total += entry.key.getBytes(StandardCharsets.UTF_8).length + bytes.applyAsInt(entry.value);
            }
        }
        return new long[] {entries, total};
    }

    private void pump() {
        allDeadLetters.addAll(segmenterDeadLetters.readValuesToList());
        for (AudioWindow window : windows.readValuesToList()) {
            allWindows.add(window);
            windowTranscripts.pipeInput(window.getCallId(), Topics.WINDOW_TRANSCRIPTS.valueSerde(serdes())
                    .serializer().serialize(Topics.WINDOW_TRANSCRIPTS.name(), transcribe(window)));
        }
        allTranscripts.addAll(transcripts.readValuesToList());
        allDeadLetters.addAll(stitcherDeadLetters.readValuesToList());
    }

    /** The stand-in transcriber: one word per window with audio, none for a window without. */
    static WindowTranscript transcribe(AudioWindow window) {
        boolean speech = window.getPayload().remaining() > 0;
        String word = " w" + window.getWindowIndex();
        List<WindowToken> tokens = speech ? List.of(
                new WindowToken(50_000, ByteBuffer.allocate(0), 0, 0f),
                new WindowToken(1_000 + (int) window.getWindowIndex(),
                        ByteBuffer.wrap(word.getBytes(StandardCharsets.UTF_8)), null, -0.1f),
                new WindowToken(50_001, ByteBuffer.allocate(0), window.getDurationMs(), 0f)) : List.of();
        return WindowTranscript.newBuilder()
                .setCallId(window.getCallId()).setChannel(window.getChannel()).setChannels(window.getChannels())
                .setSpeaker(window.getSpeaker()).setWindowIndex(window.getWindowIndex()).setMode(window.getMode())
                .setStartMs(window.getStartMs()).setDurationMs(window.getDurationMs())
                .setStrideLeftMs(window.getStrideLeftMs()).setStrideRightMs(window.getStrideRightMs())
                .setSpeechMs(window.getSpeechMs()).setLast(window.getLast())
                .setText(speech ? word : "").setTokens(tokens).setSegments(List.of()).setLanguage("en")
                .setAvgLogProb(-0.1).setNoSpeechProb(0.01).setCompressionRatio(1.0).setNoSpeech(!speech)
                .setDecoding(new DecodingInfo("stand-in", "transcribe", 0.0, true, 0))
                .setTimings(new InferenceTimings(speech ? 1 : 0, 0L, 0.0, 0.0, 0.0, 0))
                .setCapturedAt(window.getCapturedAt()).setWindowEmittedAt(window.getEmittedAt())
                .setTranscribedAt(window.getEmittedAt())
                .build();
    }

    private static String stateDir(String role) {
        return System.getProperty("java.io.tmpdir") + "/catalogue-" + role + "-" + System.nanoTime();
    }

    @Override
    public void close() {
        segmenter.close();
        stitcher.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
