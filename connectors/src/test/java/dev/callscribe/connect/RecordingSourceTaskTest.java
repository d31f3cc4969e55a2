package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.codec.WavWriter;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.MockSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task on its own: a real directory, offsets in a map, values through an in-memory registry. */
class RecordingSourceTaskTest {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;
    private Path directory;
    private String registryUrl;
    private final List<RecordingSourceTask> started = new ArrayList<>();

    @BeforeEach
    void createDirectory() throws IOException {
        directory = Files.createDirectory(temp.resolve("in"));
        registryUrl = MockSchemaRegistry.MOCK_URL_PREFIX + "RecordingSourceTaskTest-" + UUID.randomUUID();
    }

    @AfterEach
    void stopTasks() {
        started.forEach(RecordingSourceTask::stop);
        MockSchemaRegistry.dropScope(MockSchemaRegistry.scopeOf(registryUrl));
    }

    @Test
    void shouldPublishEachRecordingAsOneCallKeyedByItsFileName() throws IOException {
        byte[] shortCall = writeWav("short.wav", 16_000);
        byte[] longCall = writeWav("long.wav", 40_000);
        RecordingSourceTask task = start(new FakeSourceTaskContext(Map.of()), Map.of());

        List<SourceRecord> records = pollFor(task, 1 + 3);

        assertThat(records).extracting(SourceRecord::topic).containsOnly("calls.audio");
        assertCall(records, "short", shortCall, 1);
        assertCall(records, "long", longCall, 3);
        assertThat(lastOffsetOf(records, "long")).isEqualTo(new FileOffset(3, 1000,
                FileStamp.of(directory.resolve("long.wav")), FileOffset.State.PUBLISHED));
    }

    @Test
    void shouldResumeAFileAtTheStoredSeqWithTheChunkLengthItStartedWith() throws IOException {
        writeWav("call.wav", 48_000);
        FakeSourceTaskContext context = new FakeSourceTaskContext(Map.of());
        Path file = directory.resolve("call.wav");
        context.store(FileOffset.partition(file), new FileOffset(2, 500, FileStamp.of(file), FileOffset.State.PUBLISHING).toMap());
        RecordingSourceTask task = start(context, Map.of());

        List<AudioChunk> chunks = chunks(pollFor(task, 4));

        assertThat(chunks).extracting(AudioChunk::getSeq).containsExactly(2L, 3L, 4L, 5L);
        assertThat(chunks.get(0).getOffsetFrames()).as("chunk 2 of 500 ms at 16 kHz").isEqualTo(16_000);
    }

    @Test
    void shouldSkipAFinishedFileButPublishAReplacedOneFromItsStart() throws IOException {
        writeWav("done.wav", 16_000);
        writeWav("replaced.wav", 16_000);
        FakeSourceTaskContext context = new FakeSourceTaskContext(Map.of());
        Path done = directory.resolve("done.wav");
        Path replaced = directory.resolve("replaced.wav");
        context.store(FileOffset.partition(done), new FileOffset(1, 1000, FileStamp.of(done), FileOffset.State.PUBLISHED).toMap());
        FileStamp older = new FileStamp(FileStamp.of(replaced).sizeBytes() + 2, 0);
        context.store(FileOffset.partition(replaced), new FileOffset(1, 1000, older, FileOffset.State.PUBLISHED).toMap());
        RecordingSourceTask task = start(context, Map.of());

        List<SourceRecord> records = pollFor(task, 1);
        assertThat(pollAgain(task, 3)).as("records after the replaced file").isEmpty();

        assertThat(records).extracting(SourceRecord::key).containsExactly("replaced");
        assertThat(chunks(records)).extracting(AudioChunk::getSeq).containsExactly(0L);
    }

    @Test
    void shouldDeadLetterABadFileAndPublishTheOthers() throws IOException {
        Files.writeString(directory.resolve("notes.wav"), "not a recording");
        byte[] good = writeWav("good.wav", 16_000);
        RecordingSourceTask task = start(new FakeSourceTaskContext(Map.of()), Map.of("name", "recordings-in"));

        List<SourceRecord> records = pollFor(task, 2);

        SourceRecord letterRecord = records.stream().filter(r -> r.topic().equals("calls.dead-letter")).findFirst()
                .orElseThrow();
        DeadLetter letter = Topics.DEAD_LETTER.valueSerde(serdeConfig()).deserializer()
                .deserialize("calls.dead-letter", (byte[]) letterRecord.value());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE_RECORD);
        assertThat(letter.getCallId()).isEqualTo("notes");
        assertThat(letter.getStage()).isEqualTo("recordings-in");
        assertThat(letter.getMessage()).contains("notes.wav", "not a WAV or FLAC file");
        assertThat(FileOffset.fromMap(letterRecord.sourceOffset()).state()).isEqualTo(FileOffset.State.REJECTED);
        assertCall(records, "good", good, 1);
    }

    @Test
    void shouldGiveEachKindOfUnpublishableFileItsOwnReason() throws IOException {
        writeWav("empty.wav", 0);
        writeWav("too-big.wav", 24_000);
        writeWav("fits.wav", 8_000);
        RecordingSourceTask task = start(new FakeSourceTaskContext(Map.of()),
                Map.of(RecordingSourceConfig.FILE_MAX_BYTES_CONFIG, "40000"));

        List<SourceRecord> records = pollFor(task, 3);

        Deserializer<DeadLetter> letters = Topics.DEAD_LETTER.valueSerde(serdeConfig()).deserializer();
        assertThat(records.stream().filter(record -> record.topic().equals("calls.dead-letter"))
                .map(record -> letters.deserialize(record.topic(), (byte[]) record.value())))
                .extracting(DeadLetter::getCallId, DeadLetter::getReason)
                .containsExactlyInAnyOrder(tuple("empty", DeadLetterReason.INVALID_CHUNK),
                        tuple("too-big", DeadLetterReason.OVERSIZE_CHUNK));
        assertThat(records).filteredOn(record -> record.topic().equals("calls.audio"))
                .extracting(SourceRecord::key).containsExactly("fits");
    }

    @Test
    void shouldLeaveAFileAloneUntilItHasNotChangedForTheMinimumAge() throws IOException {
        writeWav("recording-now.wav", 16_000);
        RecordingSourceTask task = start(new FakeSourceTaskContext(Map.of()),
                Map.of(RecordingSourceConfig.FILE_MIN_AGE_MS_CONFIG, "3600000"));

        assertThat(pollAgain(task, 5)).isEmpty();
    }

    @Test
    void shouldMoveAFileOnlyOnceItsLastRecordIsCommitted() throws IOException {
        writeWav("call.wav", 32_000);
        Path finished = temp.resolve("done");
        RecordingSourceTask task = start(new FakeSourceTaskContext(Map.of()), Map.of(
                RecordingSourceConfig.FINISHED_ACTION_CONFIG, "MOVE",
                RecordingSourceConfig.FINISHED_DIRECTORY_CONFIG, finished.toString()));

        List<SourceRecord> records = pollFor(task, 2);
        pollAgain(task, 1);
        assertThat(directory.resolve("call.wav")).as("before its last record is committed").exists();
        task.commitRecord(records.get(0), null);
        pollAgain(task, 1);
        assertThat(directory.resolve("call.wav")).as("with only its first record committed").exists();
        task.commitRecord(records.get(1), null);
        pollAgain(task, 1);

        assertThat(directory.resolve("call.wav")).doesNotExist();
        assertThat(finished.resolve("call.wav")).exists();
    }

    @Test
    void shouldShareTheFilesBetweenTasksWithoutOverlap() throws IOException {
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        for (String name : names) {
            writeWav(name + ".wav", 8_000);
        }
        List<Object> keys = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            FileAssignment share = new FileAssignment(index, 2);
            RecordingSourceTask task = start(new FakeSourceTaskContext(Map.of()), Map.of(
                    RecordingSourceConfig.TASK_INDEX_CONFIG, Integer.toString(index),
                    RecordingSourceConfig.TASK_COUNT_CONFIG, "2"));
            int owned = (int) names.stream().filter(name -> share.owns(name + ".wav")).count();
            pollFor(task, owned).forEach(record -> keys.add(record.key()));
            assertThat(pollAgain(task, 2)).as("records of task %s beyond its own files", index).isEmpty();
        }

        assertThat(keys).containsExactlyInAnyOrderElementsOf(names);
    }

    private RecordingSourceTask start(FakeSourceTaskContext context, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(serdeConfigStrings());
        config.put(RecordingSourceConfig.DIRECTORY_CONFIG, directory.toString());
        config.put(RecordingSourceConfig.FILE_MIN_AGE_MS_CONFIG, "0");
        config.put(RecordingSourceConfig.POLL_INTERVAL_MS_CONFIG, "10");
        config.putAll(overrides);
        RecordingSourceTask task = new RecordingSourceTask();
        task.initialize(context);
        task.start(config);
        started.add(task);
        return task;
    }

    /** Polls until {@code count} records came back, at most {@link #POLL_TIMEOUT}. */
    private static List<SourceRecord> pollFor(RecordingSourceTask task, int count) {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + POLL_TIMEOUT.toNanos();
        while (records.size() < count && System.nanoTime() - deadline < 0) {
            records.addAll(pollOnce(task));
        }
        assertThat(records).as("records polled within %s", POLL_TIMEOUT).hasSize(count);
        return records;
    }

    /** Whatever {@code polls} more polls return (each returns within the 10 ms scan interval when idle). */
    private static List<SourceRecord> pollAgain(RecordingSourceTask task, int polls) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            records.addAll(pollOnce(task));
        }
        return records;
    }

    private static List<SourceRecord> pollOnce(RecordingSourceTask task) {
        try {
            List<SourceRecord> batch = task.poll();
            return batch == null ? List.of() : batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }

    private void assertCall(List<SourceRecord> records, String callId, byte[] wavFile, int chunkCount) {
        List<SourceRecord> call = records.stream().filter(record -> callId.equals(record.key())).toList();
        List<AudioChunk> chunks = chunks(call);
        assertThat(chunks).extracting(AudioChunk::getSeq).as("seqs of %s", callId)
                .containsExactlyElementsOf(LongStream.range(0, chunkCount).boxed().toList());
        assertThat(chunks).extracting(AudioChunk::getLast).as("last flags of %s", callId)
                .containsExactlyElementsOf(IntStream.range(0, chunkCount)
                        .mapToObj(seq -> seq == chunkCount - 1).toList());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        chunks.forEach(chunk -> payload.writeBytes(bytes(chunk.getPayload())));
        assertThat(payload.toByteArray()).as("audio of %s", callId)
                .isEqualTo(Arrays.copyOfRange(wavFile, 44, wavFile.length));
        assertThat(FileOffset.fileOf(call.get(0).sourcePartition())).contains(directory.resolve(callId + ".wav"));
    }

    private FileOffset lastOffsetOf(List<SourceRecord> records, String callId) {
        SourceRecord last = records.stream().filter(record -> callId.equals(record.key()))
                .reduce((first, second) -> second).orElseThrow();
        return FileOffset.fromMap(last.sourceOffset());
    }

    private List<AudioChunk> chunks(List<SourceRecord> records) {
        Deserializer<AudioChunk> deserializer = Topics.AUDIO.valueSerde(serdeConfig()).deserializer();
        return records.stream().map(record -> deserializer.deserialize(record.topic(), (byte[]) record.value()))
                .toList();
    }

    /** Writes {@code frames} frames of a 16 kHz mono PCM16 tone; returns the file's bytes. */
    private byte[] writeWav(String name, int frames) throws IOException {
        float[] samples = new float[frames];
        for (int i = 0; i < frames; i++) {
            samples[i] = (float) Math.sin(i * 0.05 + name.hashCode());
        }
        byte[] wav = WavWriter.encodeMonoPcm16(samples, 16_000);
        Files.write(directory.resolve(name), wav);
        return wav;
    }

    private Map<String, Object> serdeConfig() {
        return Map.of(RecordingSourceConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
    }

    private Map<String, String> serdeConfigStrings() {
        return Map.of(RecordingSourceConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
