package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileOffsetTest {

    private static final FileOffset HALF_WAY = new FileOffset(12, 1000, new FileStamp(468_044, 1_764_170_000_000L),
            FileOffset.State.PUBLISHING);

    @Test
    void shouldReadBackWhatItStores() {
        assertThat(FileOffset.fromMap(HALF_WAY.toMap())).isEqualTo(HALF_WAY);
    }

    @Test
    void shouldReadNumbersStoredAsAnyIntegralType() {
        // Connect's JSON offset store may hand small numbers back as Integer rather than Long.
        Map<String, Object> stored = new HashMap<>(HALF_WAY.toMap());
        stored.put(FileOffset.NEXT_SEQ_FIELD, 12);
        stored.put(FileOffset.CHUNK_MS_FIELD, (short) 1000);

        assertThat(FileOffset.fromMap(stored)).isEqualTo(HALF_WAY);
    }

    @Test
    void shouldNameTheFieldThatIsMissingOrOfTheWrongType() {
        Map<String, Object> noSeq = new HashMap<>(HALF_WAY.toMap());
        noSeq.remove(FileOffset.NEXT_SEQ_FIELD);
        Map<String, Object> unknownState = new HashMap<>(HALF_WAY.toMap());
        unknownState.put(FileOffset.STATE_FIELD, "DONE");

        assertThatThrownBy(() -> FileOffset.fromMap(noSeq)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'seq' must be an integer");
        assertThatThrownBy(() -> FileOffset.fromMap(unknownState)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'state' must be one of [PUBLISHING, PUBLISHED, REJECTED], found DONE");
    }

    @Test
    void shouldKeyPartitionsByTheAbsoluteNormalizedPath() {
        Path relative = Path.of("recordings", "..", "recordings", "call.wav");

        Map<String, String> partition = FileOffset.partition(relative);

        assertThat(partition).containsOnlyKeys(FileOffset.FILE_FIELD);
        assertThat(FileOffset.fileOf(partition)).contains(relative.toAbsolutePath().normalize());
        assertThat(FileOffset.fileOf(Map.of("topic", "x"))).isEmpty();
    }

    @Test
    void shouldBePublishedWithTheLastChunkAndFinishedWhenPublishedOrRejected() {
        FileStamp stamp = new FileStamp(100, 5);

        assertThat(FileOffset.afterChunk(2, 3, 1000, stamp).state()).isEqualTo(FileOffset.State.PUBLISHING);
        assertThat(FileOffset.afterChunk(3, 3, 1000, stamp).state()).isEqualTo(FileOffset.State.PUBLISHED);
        assertThat(FileOffset.afterChunk(2, 3, 1000, stamp).finished()).isFalse();
        assertThat(FileOffset.afterChunk(3, 3, 1000, stamp).finished()).isTrue();
        assertThat(FileOffset.rejected(stamp, 1000)).extracting(FileOffset::finished, FileOffset::rejected)
                .containsExactly(true, true);
    }

    @Test
    void shouldDescribeOnlyTheVersionOfTheFileItWasWrittenFor() {
        assertThat(HALF_WAY.describes(new FileStamp(468_044, 1_764_170_000_000L))).isTrue();
        assertThat(HALF_WAY.describes(new FileStamp(468_044, 1_764_170_000_001L))).isFalse();
        assertThat(HALF_WAY.describes(new FileStamp(468_046, 1_764_170_000_000L))).isFalse();
    }
}
