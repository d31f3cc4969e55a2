package dev.callscribe.it.failures;

import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.WindowTranscript;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the pipeline committed for one run's calls, read as its consumers read it ({@code read_committed}, from the
 * beginning, no group): transcripts, windows, window transcripts and dead letters.
 *
 * @param callIds           the run's calls, in the wave's order
 * @param transcripts       their call transcripts, INTERIM and FINAL
 * @param windows           their windows on calls.windows
 * @param windowTranscripts their window transcripts
 * @param deadLetters       dead letters naming one of them
 * @param restarts          how many processes the supervisor started again during the run
 */
record RunRecords(List<String> callIds, List<Transcript> transcripts, List<AudioWindow> windows,
                  List<WindowTranscript> windowTranscripts, List<DeadLetter> deadLetters, int restarts) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** Reads every topic for the calls. */
    static RunRecords read(String bootstrapServers, String registryUrl, List<String> callIds) {
        Set<String> calls = Set.copyOf(callIds);
        return new RunRecords(callIds,
                of(bootstrapServers, registryUrl, Topics.TRANSCRIPTS, calls, Transcript::getCallId),
                of(bootstrapServers, registryUrl, Topics.WINDOWS, calls, AudioWindow::getCallId),
                of(bootstrapServers, registryUrl, Topics.WINDOW_TRANSCRIPTS, calls, WindowTranscript::getCallId),
                of(bootstrapServers, registryUrl, Topics.DEAD_LETTER, calls, DeadLetter::getCallId), 0);
    }

    /** The calls among {@code callIds} that have their combined FINAL. */
    static Set<String> finalsOf(String bootstrapServers, String registryUrl, List<String> callIds) {
        return of(bootstrapServers, registryUrl, Topics.TRANSCRIPTS, Set.copyOf(callIds), Transcript::getCallId)
                .stream().filter(t -> t.getKind() == TranscriptKind.FINAL && t.getChannel() == null)
                .map(Transcript::getCallId).collect(Collectors.toSet());
    }

    RunRecords withRestarts(int count) {
        return new RunRecords(callIds, transcripts, windows, windowTranscripts, deadLetters, count);
    }

    /** The FINALs of a call by channel ({@code null} for the combined one), as lists to show duplicates. */
    Map<Integer, List<Transcript>> finalsOf(String callId) {
        return transcripts.stream().filter(t -> t.getCallId().equals(callId) && t.getKind() == TranscriptKind.FINAL)
                .collect(Collectors.groupingBy(t -> t.getChannel() == null ? -1 : t.getChannel()));
    }

    @Override
    public String toString() {
        return callIds.size() + " calls, " + transcripts.size() + " transcripts, " + windows.size() + " windows, "
                + windowTranscripts.size() + " window transcripts, " + deadLetters.size() + " dead letters, "
                + restarts + " restarts";
    }

    private static <V extends SpecificRecord> List<V> of(String bootstrapServers, String registryUrl, Topic<V> topic,
                                                          Set<String> calls, Function<V, String> callOf) {
        Map<String, Object> serdeConfig = Map.of(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        return new TopicReader(bootstrapServers).allCommitted(topic.name(), new StringDeserializer(),
                        topic.valueSerde(serdeConfig).deserializer(), READ_TIMEOUT).stream()
                .map(ConsumerRecord::value).filter(value -> calls.contains(callOf.apply(value))).toList();
    }
}
