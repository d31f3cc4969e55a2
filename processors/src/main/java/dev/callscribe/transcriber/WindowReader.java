package dev.callscribe.transcriber;

import dev.callscribe.codec.SampleDecoder;
import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.AudioWindow;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.pipeline.RegistryFailures;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a consumed record into a window ready for the engine, or into a rejection with its reason: the value is
 * read as bytes and decoded here, so a record that does not decode is dead-lettered instead of failing the poll.
 * Poison input is everything wrong with the record itself: bytes that are not Avro in Confluent's wire format, an
 * unknown schema id, an unsupported encoding or sample rate, samples that do not decode (a partial frame, NaN) and
 * audio longer than the model's window. A registry that cannot be reached is not the record's fault: that
 * {@link SerializationException} is thrown, and the worker retries the transaction.
 *
 * <p>Thread-safe if its deserializer is.
 */
final class WindowReader {

    private static final float[] NO_AUDIO = new float[0];

    private final Deserializer<AudioWindow> deserializer;
    private final int maxSamples;

    /**
     * @param deserializer reads AudioWindows in Confluent's wire format; borrowed, not closed here
     * @param maxSamples most 16 kHz samples one window may hold (the engine's window)
     */
    WindowReader(Deserializer<AudioWindow> deserializer, int maxSamples) {
        this.deserializer = deserializer;
        this.maxSamples = maxSamples;
    }

    /**
     * Reads one record.
     *
     * @throws SerializationException when the registry fails for a reason other than an unknown schema id
     */
    Inbound read(ConsumerRecord<byte[], byte[]> record) {
        AudioWindow window = null;
        try {
            window = decode(record);
            long start = System.nanoTime();
            float[] audio = audioOf(window);
            return new AcceptedWindow(record, window, audio, (System.nanoTime() - start) / 1e6);
        } catch (Rejection rejection) {
            String callId = window != null ? window.getCallId() : keyText(record);
            Throwable cause = rejection.getCause();
            return new RejectedRecord(record, rejection.reason, rejection.getMessage(), callId,
                    cause == null ? null : cause.getClass().getName());
        }
    }

    private AudioWindow decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new Rejection(DeadLetterReason.UNDECODABLE_RECORD, "Record has no value (a tombstone); expected an "
                    + "AudioWindow", null);
        }
        try {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            if (RegistryFailures.isUnknownSchema(e)) {
                throw new Rejection(DeadLetterReason.UNKNOWN_SCHEMA_ID, e.getMessage(), e);
            }
            if (RegistryFailures.isRegistryOutage(e)) {
                throw e;
            }
            throw new Rejection(DeadLetterReason.UNDECODABLE_RECORD, e.getMessage(), e);
        }
    }

    private float[] audioOf(AudioWindow window) {
        ByteBuffer payload = window.getPayload().duplicate();
        if (!payload.hasRemaining()) {
            return NO_AUDIO;
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        SampleEncoding encoding = encodingOf(window.getEncoding());
        float[] samples;
        try {
            samples = SampleDecoder.decode(bytes, encoding, 1)[0];
        } catch (IllegalArgumentException e) {
            throw new Rejection(DeadLetterReason.INVALID_SAMPLES, "Window payload does not decode as mono "
                    + encoding + ": " + e.getMessage(), e);
        }
        float[] audio;
        try {
            audio = StreamingResampler.resampleTo16kHz(samples, window.getSampleRateHz());
        } catch (IllegalArgumentException e) {
            throw new Rejection(DeadLetterReason.UNSUPPORTED_SAMPLE_RATE, e.getMessage(), e);
        }
        requireFits(audio.length);
        return audio;
    }

    private void requireFits(int samples) {
        if (samples > maxSamples) {
            int rate = StreamingResampler.OUTPUT_RATE_HZ;
            throw new Rejection(DeadLetterReason.OVERSIZE_CHUNK, String.format(Locale.ROOT, "Window holds %.3f s "
                    + "(%d samples at %d Hz); the model's window holds at most %.3f s (%d samples): the segmenter "
                    + "must cut shorter windows", (double) samples / rate, samples, rate, (double) maxSamples / rate,
                    maxSamples), null);
        }
    }

    private static SampleEncoding encodingOf(AudioEncoding encoding) {
        try {
            return SampleEncoding.valueOf(encoding.name());
        } catch (IllegalArgumentException e) {
            throw new Rejection(DeadLetterReason.UNSUPPORTED_ENCODING, "Window encoding " + encoding + " is not "
                    + "supported; expected one of " + Arrays.toString(SampleEncoding.values()), e);
        }
    }

    private static String keyText(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Why a record cannot be transcribed; caught in {@link #read} and never leaves this class. */
    private static final class Rejection extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient DeadLetterReason reason;

        Rejection(DeadLetterReason reason, String message, Throwable cause) {
            super(message, cause, false, false);
            this.reason = reason;
        }
    }
}
