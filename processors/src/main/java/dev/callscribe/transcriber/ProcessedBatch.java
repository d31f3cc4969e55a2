package dev.callscribe.transcriber;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A batch ready to commit: one output record per consumed record, in consumption order, and the offsets to commit
 * with them.
 *
 * @param records window transcripts and dead letters, serialized
 * @param offsets for each partition in the batch, the offset after its last record
 * @param stats what the transaction carries, for the meters
 */
record ProcessedBatch(List<ProducerRecord<String, byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets,
                      CommitStats stats) {

    ProcessedBatch {
        records = List.copyOf(records);
        offsets = Map.copyOf(offsets);
    }
}
