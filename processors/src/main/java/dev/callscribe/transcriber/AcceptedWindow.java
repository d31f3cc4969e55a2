package dev.callscribe.transcriber;

import dev.callscribe.avro.AudioWindow;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A window that decoded and passed every check, with its audio ready for the engine.
 *
 * @param source the record it came from
 * @param window the decoded window
 * @param audio16k its mono samples at 16 kHz; empty for a window that only marks the end of a channel or holds no
 *     speech, which is not sent to the engine
 * @param prepareMs time spent decoding and resampling the payload, counted with the batch's feature time
 */
record AcceptedWindow(ConsumerRecord<byte[], byte[]> source, AudioWindow window, float[] audio16k, double prepareMs)
        implements Inbound {

    /** Whether the window has audio for the engine. */
    boolean needsInference() {
        return audio16k.length > 0;
    }
}
