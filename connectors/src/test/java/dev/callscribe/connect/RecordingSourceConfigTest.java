package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RecordingSourceConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            RecordingSourceConfig.DIRECTORY_CONFIG, "/recordings",
            RecordingSourceConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://registry:8081");

    @Test
    void shouldDefaultToThePipelineTopicsOneSecondChunksAndLeavingFilesInPlace() {
        RecordingSourceConfig config = new RecordingSourceConfig(REQUIRED);

        assertThat(config.topic()).isEqualTo("calls.audio");
        assertThat(config.deadLetterTopic()).isEqualTo("calls.dead-letter");
        assertThat(config.chunkLength()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.finishedAction()).isEqualTo(FinishedAction.LEAVE);
        assertThat(config.speakers()).as("the pipeline's default speakers").isNull();
        assertThat(config.replaySpeed()).isZero();
        assertThat(config.fileMatcher().matches(Path.of("call.wav"))).isTrue();
        assertThat(config.fileMatcher().matches(Path.of("call.txt"))).isFalse();
    }

    @Test
    void shouldPassEveryKeyToTheSerializers() {
        Map<String, String> props = with(Map.of("basic.auth.user.info", "svc:secret"));

        assertThat(new RecordingSourceConfig(props).serdeConfig()).containsEntry("basic.auth.user.info", "svc:secret")
                .containsEntry(RecordingSourceConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://registry:8081");
    }

    @Test
    void shouldRefuseMoveWithoutAFinishedDirectory() {
        Map<String, String> props = with(Map.of(RecordingSourceConfig.FINISHED_ACTION_CONFIG, "move"));

        assertThatThrownBy(() -> new RecordingSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("finished.action=MOVE needs finished.directory");
    }

    @Test
    void shouldRefuseToMoveFilesIntoTheWatchedDirectory() {
        Map<String, String> props = with(Map.of(RecordingSourceConfig.FINISHED_ACTION_CONFIG, "MOVE",
                RecordingSourceConfig.FINISHED_DIRECTORY_CONFIG, "/recordings/done",
                RecordingSourceConfig.REJECTED_DIRECTORY_CONFIG, "/recordings/./"));

        assertThatThrownBy(() -> new RecordingSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rejected.directory must differ from directory");
    }

    @Test
    void shouldSendRejectedFilesToTheFinishedDirectoryUnlessToldOtherwise() {
        Map<String, String> props = with(Map.of(RecordingSourceConfig.FINISHED_ACTION_CONFIG, "MOVE",
                RecordingSourceConfig.FINISHED_DIRECTORY_CONFIG, "/archive"));

        assertThat(new RecordingSourceConfig(props).rejectedDirectory()).contains(Path.of("/archive"));
    }

    @Test
    void shouldRefuseAnInvalidGlobAndAChunkLengthOutOfRange() {
        assertThatThrownBy(() -> new RecordingSourceConfig(with(Map.of(RecordingSourceConfig.FILE_PATTERN_CONFIG,
                "*.{wav")))).isInstanceOf(ConfigException.class).hasMessageContaining("file.pattern")
                .hasMessageContaining("not a valid glob");
        assertThatThrownBy(() -> new RecordingSourceConfig(with(Map.of(RecordingSourceConfig.CHUNK_LENGTH_MS_CONFIG,
                "0")))).isInstanceOf(ConfigException.class).hasMessageContaining("chunk.length.ms");
    }

    private static Map<String, String> with(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(REQUIRED);
        props.putAll(extra);
        return props;
    }
}
