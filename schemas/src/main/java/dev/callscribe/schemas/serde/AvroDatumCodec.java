package dev.callscribe.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Avro binary encoding and decoding of one datum, with and without schema resolution. Stateless and thread-safe. */
final class AvroDatumCodec {

    private AvroDatumCodec() {
    }

    /**
     * Encodes a datum with a schema after a Confluent header carrying the schema id.
     *
     * @param model the data model that knows the datum's classes (their logical-type conversions included)
     */
    static byte[] frame(int schemaId, Schema schema, GenericData model, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ConfluentWireFormat.header(schemaId));
        writeTo(out, schema, model, datum);
        return out.toByteArray();
    }

    /** Decodes the payload after the header of a framed record. */
    static <T> T unframe(byte[] framed, DatumReader<T> reader) {
        int length = framed.length - ConfluentWireFormat.HEADER_LENGTH;
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(framed, ConfluentWireFormat.HEADER_LENGTH,
                    length, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Avro payload does not match its writer schema", e);
        }
    }

    /**
     * Converts a datum to another schema by Avro's schema resolution: fields the target lacks are dropped, fields
     * only the target has take their defaults. The result is a generic datum of the target schema.
     */
    static Object resolve(Object datum, Schema from, GenericData model, Schema to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out, from, model, datum);
        byte[] bytes = out.toByteArray();
        try {
            return new GenericDatumReader<>(from, to).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve a " + from.getFullName() + " to the registered schema", e);
        }
    }

    private static void writeTo(ByteArrayOutputStream out, Schema schema, GenericData model, Object datum) {
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<>(schema, model).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
    }
}
