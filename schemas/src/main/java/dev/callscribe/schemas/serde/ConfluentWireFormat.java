package dev.callscribe.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: one magic byte 0, the schema id as a 4-byte big-endian int, then the payload (Avro
 * binary for Avro). Byte-compatible with Confluent's KafkaAvroSerializer and every reader of its output.
 */
public final class ConfluentWireFormat {

    /** The first byte of every framed record. */
    public static final byte MAGIC_BYTE = 0x0;
    /** Length of the magic byte and the schema id that precede the payload. */
    public static final int HEADER_LENGTH = 1 + Integer.BYTES;

    private ConfluentWireFormat() {
    }

    /** The {@link #HEADER_LENGTH} bytes that precede the payload of a record written with a schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * Reads the schema id from a framed record.
     *
     * @throws SerializationException if the bytes are too short or do not start with the magic byte
     */
    public static int schemaId(byte[] framed) {
        if (framed.length < HEADER_LENGTH) {
            throw new SerializationException("Record of " + framed.length + " bytes is too short for the Confluent "
                    + "wire format: expected at least " + HEADER_LENGTH + " (magic byte and schema id)");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x: expected 0x00, the Confluent "
                    + "wire format (was this record written by a schema-registry serializer?)", framed[0]));
        }
        return ByteBuffer.wrap(framed, 1, Integer.BYTES).getInt();
    }
}
