package dev.callscribe.pipeline;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Streams role does when processing one record throws: the bad input the roles know of is dead-lettered by
 * the roles themselves, so this is input nobody foresaw, or a bug. Stopping the role would stop every call and, on
 * restart, fail on the same record again; instead the record goes to {@code calls.dead-letter} with the exception,
 * in the same transaction, the failure is logged with its stack trace, and processing carries on. Only that call
 * can be affected: state is kept per call.
 *
 * <p>Configured through the role's Streams properties ({@link StreamsApp#properties}): {@link #ROLE_CONFIG} names the
 * stage written on dead letters, {@link #TOPIC_CONFIG} the dead-letter topic; the serde keys come from the role's
 * configuration.
 */
public final class DeadLetteringExceptionHandler implements ProcessingExceptionHandler {

    /** The role name to write as the dead letters' stage. */
    public static final String ROLE_CONFIG = "callscribe.role";
    /** The topic the dead letters go to (the configured name of calls.dead-letter). */
    public static final String TOPIC_CONFIG = "callscribe.dead.letter.topic";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private String role;
    private String deadLetterTopic;
    private Serializer<DeadLetter> serializer;
    private final DeadLetterLog deadLetterLog = new DeadLetterLog(LOG);

    @Override
    public void configure(Map<String, ?> configs) {
        PipelineConfig config = new PipelineConfig(configs);
        Topic<DeadLetter> topic = Topics.DEAD_LETTER.withName(String.valueOf(configs.get(TOPIC_CONFIG)));
        this.role = String.valueOf(configs.get(ROLE_CONFIG));
        this.deadLetterTopic = topic.name();
        this.serializer = topic.valueSerde(config.serdeConfig()).serializer();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (RegistryFailures.isRegistryOutage(exception)) {
            LOG.error("{} cannot ask the schema registry about the record at {}-{} offset {}; stopping, so that it is "
                    + "read again from the last commit once restarted: {}", role, context.topic(),
                    context.partition(), context.offset(), exception.toString());
            return Response.fail();
        }
        byte[] key = context.sourceRawKey();
        DeadLetter letter = DeadLetters.of(new RecordSource(context.topic(), context.partition(), context.offset(),
                        key == null ? null : new String(key, StandardCharsets.UTF_8), key, context.sourceRawValue(),
                        System.currentTimeMillis()),
                role, DeadLetterReason.OTHER, role + " failed on this record: " + exception, exception);
        try {
            byte[] value = serializer.serialize(deadLetterTopic, letter);
            // the first failure of a kind with its stack trace; then, a count a minute
            deadLetterLog.rejected(letter, exception);
            return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, key, value)));
        } catch (RuntimeException e) {
            LOG.error("{} cannot write the dead letter for {}-{} offset {}; stopping", role, context.topic(),
                    context.partition(), context.offset(), e);
            return Response.fail();
        }
    }
}
