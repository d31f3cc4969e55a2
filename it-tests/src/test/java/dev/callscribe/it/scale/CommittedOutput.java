package dev.callscribe.it.scale;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.it.support.CallTranscripts;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What one pipeline committed, read as its consumers read it ({@code read_committed}, from the beginning, no group):
 * its call transcripts and its window transcripts, values decoded through the shared Schema Registry.
 */
public final class CommittedOutput {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final Map<String, Object> serdeConfig;

    public CommittedOutput(String bootstrapServers, String registryUrl) {
        this.reader = new TopicReader(bootstrapServers);
        this.serdeConfig = Map.of(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
    }

    /**
     * Waits until each of the calls has its combined FINAL (the stitcher's last word on a call) committed.
     *
     * @throws AssertionError naming the calls still without one when {@code timeout} runs out
     */
    public void awaitCombinedFinals(Collection<String> callIds, Duration timeout) {
        List<String> missing = new ArrayList<>(callIds);
        try {
            Await.until("a combined FINAL for each of " + callIds.size() + " calls", timeout, Polls.throttled(() -> {
                Set<String> finished = transcripts().all().stream()
                        .filter(t -> t.getKind() == TranscriptKind.FINAL && t.getChannel() == null)
                        .map(Transcript::getCallId).collect(Collectors.toSet());
                missing.removeIf(finished::contains);
                return missing.isEmpty();
            }));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still without one: " + missing, e);
        }
    }

    /** Every call transcript committed so far, INTERIM and FINAL. */
    public CallTranscripts transcripts() {
        return new CallTranscripts(committed(Topics.TRANSCRIPTS));
    }

    /** Every window transcript committed so far: one per window the transcribers finished. */
    public List<WindowTranscript> windowTranscripts() {
        return committed(Topics.WINDOW_TRANSCRIPTS);
    }

    /** How many FINALs each call and channel has ({@code callId/channel}, channel {@code null} for combined ones). */
    public static Map<String, Long> finalCounts(CallTranscripts transcripts) {
        return transcripts.all().stream().filter(t -> t.getKind() == TranscriptKind.FINAL)
                .collect(Collectors.groupingBy(t -> t.getCallId() + "/" + t.getChannel(), Collectors.counting()));
    }

    /** How many window transcripts each window has ({@code callId/channel/windowIndex}). */
    public static Map<String, Long> windowCounts(List<WindowTranscript> windows) {
        return windows.stream().collect(Collectors.groupingBy(
                w -> w.getCallId() + "/" + w.getChannel() + "/" + w.getWindowIndex(), Collectors.counting()));
    }

    private <V extends SpecificRecord> List<V> committed(Topic<V> topic) {
        return reader.allCommitted(topic.name(), new StringDeserializer(),
                topic.valueSerde(serdeConfig).deserializer(), READ_TIMEOUT).stream()
                .map(ConsumerRecord::value).toList();
    }
}
