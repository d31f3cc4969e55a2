package dev.callscribe.transcriber;

import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a batch of consumed records into the records to produce: each record is read, windows with audio go to the
 * engine together, and every consumed record yields exactly one output, a window transcript or a dead letter.
 * Touches no Kafka client, so a failure here leaves nothing to undo. Not thread-safe: the worker's loop owns it.
 */
final class BatchProcessor {

    private final WindowReader reader;
    private final InferenceRunner inference;
    private final WindowTranscripts transcripts;
    private final OutputRecords output;
    private final Clock clock;

    BatchProcessor(WindowReader reader, InferenceRunner inference, WindowTranscripts transcripts,
                   OutputRecords output, Clock clock) {
        this.reader = reader;
        this.inference = inference;
        this.transcripts = transcripts;
        this.output = output;
        this.clock = clock;
    }

    /**
     * Processes a batch.
     *
     * @param records consumed records, in consumption order
     * @param abandoned asked before each engine call; true gives the batch up
     * @throws AbandonedBatchException when {@code abandoned} says so
     * @throws org.apache.kafka.common.errors.SerializationException when the registry cannot be used
     */
    ProcessedBatch process(List<ConsumerRecord<byte[], byte[]>> records, BooleanSupplier abandoned) {
        List<Inbound> inbound = records.stream().map(reader::read).toList();
        List<AcceptedWindow> withAudio = inbound.stream()
                .filter(AcceptedWindow.class::isInstance)
                .map(AcceptedWindow.class::cast)
                .filter(AcceptedWindow::needsInference)
                .toList();
        Map<AcceptedWindow, InferenceOutcome> outcomes = inference.run(withAudio, abandoned);
        Instant now = clock.instant();
        Outputs outputs = new Outputs();
        for (Inbound item : inbound) {
            if (item instanceof RejectedRecord rejected) {
                outputs.deadLetter(DeadLetters.of(rejected, now));
            } else {
                outputs.window((AcceptedWindow) item, outcomes, now);
            }
        }
        return new ProcessedBatch(outputs.records, offsetsAfter(records), outputs.stats());
    }

    /** For each partition, the offset after its last record in the batch: what the transaction commits. */
    static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1, record.leaderEpoch(), "");
            offsets.merge(partition, next, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** The output records of a batch and what they carry. */
    private final class Outputs {

        private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        private final List<DeadLetterReason> reasons = new ArrayList<>();
        private int transcriptCount;
        private double audioSeconds;

        void window(AcceptedWindow window, Map<AcceptedWindow, InferenceOutcome> outcomes, Instant now) {
            if (!window.needsInference()) {
                records.add(output.transcript(transcripts.empty(window.window(), now)));
                transcriptCount++;
                return;
            }
            InferenceOutcome outcome = outcomes.get(window);
            if (outcome instanceof InferenceOutcome.Transcribed done) {
                records.add(output.transcript(transcripts.transcribed(window.window(), done.result(), done.run(),
                        window.audio16k().length)));
                transcriptCount++;
                audioSeconds += (double) window.audio16k().length / StreamingResampler.OUTPUT_RATE_HZ;
            } else {
                deadLetter(DeadLetters.inferenceFailed((InferenceOutcome.Failed) outcome, now));
            }
        }

        void deadLetter(DeadLetter deadLetter) {
            records.add(output.deadLetter(deadLetter));
            reasons.add(deadLetter.getReason());
        }

        CommitStats stats() {
            return new CommitStats(transcriptCount, audioSeconds, reasons);
        }
    }
}
