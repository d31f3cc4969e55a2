package dev.callscribe.it.support;

import dev.callscribe.app.TopicCreator;
import dev.callscribe.app.TopicSpec;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.CallPublisher;
import dev.callscribe.publish.Pacing;
import dev.callscribe.publish.PublishClock;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.segmenter.Segmenter;
import dev.callscribe.segmenter.SegmenterConfig;
import dev.callscribe.stitcher.Stitcher;
import dev.callscribe.stitcher.StitcherConfig;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.TopicReader;
import dev.callscribe.transcriber.Transcriber;
import dev.callscribe.transcriber.TranscriberConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The three roles of the pipeline in this JVM against one broker, in the chunked window mode, with a fixture model's
 * engine: what the end-to-end tests publish calls into and read transcripts out of, whichever broker they start.
 */
public final class PipelineUnderTest implements AutoCloseable {

    private static final int PARTITIONS = 3;

    private final String bootstrapServers;
    private final Map<String, Object> serdes;
    private final Map<String, String> config = new HashMap<>();
    private final List<PipelineRole> roles = new ArrayList<>();

    /**
     * @param stateDir where the Streams roles keep their stores
     * @param chunks   the window length and strides the segmenter cuts
     */
    public PipelineUnderTest(String bootstrapServers, String registryUrl, Path stateDir, ChunkingOptions chunks) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = Map.of("schema.registry.url", registryUrl);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", registryUrl);
        config.put(SegmenterConfig.WINDOW_MODE_CONFIG, "chunked");
        config.put(SegmenterConfig.CHUNK_LENGTH_S_CONFIG, String.valueOf(chunks.chunkLengthS()));
        config.put(SegmenterConfig.STATE_DIR_CONFIG, stateDir.resolve("segmenter").toString());
        config.put(StitcherConfig.STATE_DIR_CONFIG, stateDir.resolve("stitcher").toString());
        config.put(TranscriberConfig.INSTANCE_ID_CONFIG, "e2e");
    }

    /** Creates the pipeline's topics, as {@code callscribe run} does, then starts the stitcher, transcriber, segmenter. */
    public void start(WhisperEngine engine, MeterRegistry meters) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            new TopicCreator(admin).createMissing(Topics.ALL.stream()
                    .map(topic -> new TopicSpec(topic.name(), PARTITIONS, (short) 1, Map.of())).toList());
        }
        roles.add(started(Stitcher.create(config, meters)));
        roles.add(started(new Transcriber(new TranscriberConfig(config), engine, meters)));
        roles.add(started(Segmenter.create(config, meters)));
    }

    /**
     * Publishes the calls as {@code callscribe publish} does: concurrently, each chunk sent when the chunks ending
     * earlier in their calls have been, as fast as the broker takes them.
     */
    public void publish(List<CallChunker> calls) throws InterruptedException {
        try (CallPublisher publisher = CallPublisher.connect(clientConfig(), Topics.AUDIO, PublishClock.system(),
                progress -> { })) {
            publisher.publish(calls, Pacing.AS_FAST_AS_POSSIBLE);
        }
    }

    /** What a Kafka client of this pipeline needs: its broker and its registry. */
    public Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", serdes.get("schema.registry.url"));
    }

    /** Waits until the calls' combined FINALs are committed; returns every committed transcript by then. */
    public CallTranscripts awaitCombinedFinals(int calls, Duration timeout) {
        List<Transcript> all = new ArrayList<>();
        Await.until("a combined FINAL for each of " + calls + " calls", timeout, () -> {
            all.clear();
            all.addAll(committed(Topics.TRANSCRIPTS, Duration.ofSeconds(10)));
            return all.stream().filter(t -> t.getKind() == TranscriptKind.FINAL && t.getChannel() == null)
                    .count() >= calls;
        });
        return new CallTranscripts(List.copyOf(all));
    }

    public List<LatencyMetric> committedMetrics(Duration timeout) {
        return committed(Topics.METRICS, timeout);
    }

    private <V extends SpecificRecord> List<V> committed(Topic<V> topic, Duration timeout) {
        return new TopicReader(bootstrapServers).allCommitted(topic.name(), new StringDeserializer(),
                topic.valueSerde(serdes).deserializer(), timeout).stream().map(ConsumerRecord::value).toList();
    }

    private static <R extends PipelineRole> R started(R role) {
        role.start();
        return role;
    }

    /** Closes the roles in the reverse order of their start. */
    @Override
    public void close() throws Exception {
        for (int i = roles.size() - 1; i >= 0; i--) {
            roles.get(i).close();
        }
    }
}
