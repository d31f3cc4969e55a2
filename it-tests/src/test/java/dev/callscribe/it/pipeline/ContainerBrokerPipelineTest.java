package dev.callscribe.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.avro.Transcript;
import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.it.support.CallTranscripts;
import dev.callscribe.it.support.PipelineUnderTest;
import dev.callscribe.longform.ChunkingOptions;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.publish.CallChunker;
import dev.callscribe.publish.CallInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One call through the pipeline on the official Apache Kafka broker image rather than the in-process broker: the
 * same transactions, Streams state and group protocol against a broker as users run it. Skipped where Docker is
 * absent (as on the machines CI runs on); the image is {@code -Dkafka.image}, the project's Kafka version by default.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBrokerPipelineTest {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(180);
    private static final OracleAudio ORACLE = OracleAudio.fromResources();
    private static final List<List<Placement>> CHANNELS = List.of(
            List.of(Placement.of(1, "hello"), Placement.of(6, "payment"), Placement.of(16, "refund")),
            List.of(Placement.of(2, "order"), Placement.of(8, "number"), Placement.of(17, "world")));

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(System.getProperty("callscribe.kafka.image",
            "apache/kafka:4.3.1"));

    @TempDir
    Path stateDir;

    @Test
    void shouldTranscribeACallOnTheBrokerImage() throws Exception {
        try (WhisperEngine engine = WhisperEngine.open(ModelFolder.read(FixtureModel.resourceDir("oracle"),
                ModelOptions.defaults()), EngineOptions.defaults().withIntraOpThreads(1));
             PipelineUnderTest pipeline = new PipelineUnderTest(KAFKA.getBootstrapServers(), "mock://container-e2e",
                     stateDir, ChunkingOptions.defaults(15))) {
            pipeline.start(engine, new SimpleMeterRegistry());
            pipeline.publish(List.of(new CallChunker(CallInfo.of("container-1"), ORACLE.synthesizeCall(CHANNELS, 30),
                    Duration.ofSeconds(1))));

            CallTranscripts transcripts = pipeline.awaitCombinedFinals(1, PIPELINE_TIMEOUT);

            int segments = 0;
            for (int channel = 0; channel < CHANNELS.size(); channel++) {
                Transcript channelFinal = transcripts.channelFinal("container-1", channel);
                assertThat(channelFinal.getText()).as("channel %d", channel)
                        .isEqualTo(ORACLE.expectedText(CHANNELS.get(channel)));
                segments += channelFinal.getSegments().size();
            }
            assertThat(transcripts.combinedFinal("container-1").getSegments()).hasSize(segments);
        }
    }
}
