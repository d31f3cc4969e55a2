package dev.callscribe.segmenter;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.pipeline.RegistryFailures;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a calls.audio value into an AudioChunk, or says why it cannot: bytes not in the wire format, an unknown
 * schema id, a record of another schema, or an AudioChunk of a newer version whose encoding this segmenter does not
 * know (the only reason an AudioChunk of a registered version fails to read). A registry that cannot answer is
 * thrown, not dead-lettered: the chunk may be fine.
 */
final class ChunkDecoder {

    /** The encodings this segmenter knows, as the Avro contract spells them. */
    private static final List<String> ENCODINGS = Arrays.stream(AudioEncoding.values()).map(Enum::name).toList();

    private final Deserializer<AudioChunk> chunks;
    private final Deserializer<Object> writerView;
    private final String topic;

    /**
     * @param chunks reads AudioChunks, whatever the version they were written with
     * @param writerView reads any registered record as a GenericRecord of its writer schema
     * @param topic the topic read, for the registry's subject and the messages
     */
    ChunkDecoder(Deserializer<AudioChunk> chunks, Deserializer<Object> writerView, String topic) {
        this.chunks = chunks;
        this.writerView = writerView;
        this.topic = topic;
    }

    /**
     * The chunk, or why it cannot be read.
     *
     * @param chunk the chunk; null when rejected
     * @param rejection why the value is not a usable chunk; null when read
     * @param failure the exception behind the rejection, or null
     */
    record Decoded(AudioChunk chunk, ChunkRejection rejection, RuntimeException failure) {
    }

    /** @throws RuntimeException when the registry cannot answer (the role stops and reads the record again) */
    Decoded decode(byte[] value) {
        try {
            AudioChunk chunk = chunks.deserialize(topic, value);
            if (chunk == null) {
                throw new IllegalArgumentException("a null (tombstone) value is not an audio chunk");
            }
            return new Decoded(chunk, null, null);
        } catch (RuntimeException e) {
            if (RegistryFailures.isRegistryOutage(e)) {
                // Nothing wrong with the chunk: the role stops (see DeadLetteringExceptionHandler) and reads it again
                // from its last commit once restarted, instead of losing it to the dead-letter topic.
                throw e;
            }
            return new Decoded(null, rejection(value, e), e);
        }
    }

    /** A value read once already (an early chunk, kept in a store): it reads again. */
    AudioChunk decodeTaken(byte[] value) {
        return chunks.deserialize(topic, value);
    }

    private ChunkRejection rejection(byte[] value, RuntimeException e) {
        if (RegistryFailures.isUnknownSchema(e)) {
            return new ChunkRejection(DeadLetterReason.UNKNOWN_SCHEMA_ID, "Cannot read an audio chunk: "
                    + e.getMessage());
        }
        Optional<String> encoding = unknownEncoding(value);
        if (encoding.isPresent()) {
            return new ChunkRejection(DeadLetterReason.UNSUPPORTED_ENCODING, "encoding " + encoding.get()
                    + " is not supported; expected one of " + ENCODINGS);
        }
        return new ChunkRejection(DeadLetterReason.UNDECODABLE_RECORD, "Cannot read an audio chunk: "
                + e.getMessage());
    }

    /** The encoding of an AudioChunk of a newer version, when it is one this segmenter does not know. */
    private Optional<String> unknownEncoding(byte[] value) {
        Object record;
        try {
            record = writerView.deserialize(topic, value);
        } catch (RuntimeException e) {
            return Optional.empty(); // its bytes are bad: the first failure says so
        }
        if (!(record instanceof GenericRecord chunk)
                || !chunk.getSchema().getFullName().equals(AudioChunk.getClassSchema().getFullName())) {
            return Optional.empty();
        }
        Schema.Field field = chunk.getSchema().getField("encoding");
        Object encoding = field == null ? null : chunk.get(field.pos());
        return encoding == null || ENCODINGS.contains(encoding.toString()) ? Optional.empty()
                : Optional.of(encoding.toString());
    }
}
