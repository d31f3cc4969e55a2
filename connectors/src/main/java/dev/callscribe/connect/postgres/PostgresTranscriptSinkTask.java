package dev.callscribe.connect.postgres;

import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the transcripts of each {@link #put} batch to PostgreSQL in one transaction, newest revision per call and
 * channel, with an upsert that never lets an older revision replace a newer one (see {@link TranscriptTable}).
 *
 * <p>Delivery is at least once, and idempotent in effect: {@code put} returns only once its rows are committed, so
 * the offsets Connect commits afterwards never run ahead of the table, and records delivered again after a crash
 * rewrite the rows they wrote before. Failures fall into three groups:
 * <ul>
 *   <li>poison records (bytes that are not a Transcript, an unknown schema id): handed to Connect's errant record
 *       reporter ({@code errors.tolerance=all} with {@code errors.deadletterqueue.topic.name}), after the batch's
 *       good rows are committed, so a redelivered batch reports them once; without a reporter the task fails,
 *       naming the record, as Connect does by default for records it cannot convert;</li>
 *   <li>transient failures (database connection lost, deadlock, server restarting, registry unreachable): the
 *       batch is redelivered after {@code write.retry.backoff.ms}, up to {@code write.retries} times in a row;</li>
 *   <li>anything else (bad credentials, a missing table, retries used up): the task fails with the reason.</li>
 * </ul>
 */
public final class PostgresTranscriptSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTranscriptSinkTask.class);

    private PostgresSinkConfig config;
    private TranscriptDecoder decoder;
    private TranscriptWriter writer;
    private ErrantRecordReporter reporter;
    private int retriesLeft;

    /** A record the batch could not use, and why. */
    private record Errant(SinkRecord record, DataException reason) {
    }

    @Override
    public String version() {
        return PostgresTranscriptSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PostgresSinkConfig(props);
        decoder = new TranscriptDecoder(config.deserializerConfig());
        writer = new TranscriptWriter(config);
        reporter = errantRecordReporter();
        retriesLeft = config.writeRetries();
        LOG.info("Writing {} transcripts to table {} at {}", config.includeInterim() ? "INTERIM and FINAL" : "FINAL",
                config.tableName(), config.connectionUrlForLogs());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<TranscriptRow> rows = new ArrayList<>(records.size());
        List<Errant> errant = new ArrayList<>();
        for (SinkRecord record : records) {
            try {
                Transcript transcript = decodeRetrying(record);
                if (transcript != null && wanted(transcript)) {
                    rows.add(TranscriptRow.of(transcript));
                }
            } catch (DataException e) {
                errant.add(new Errant(record, e));
            }
        }
        write(TranscriptRow.newestPerKey(rows));
        errant.forEach(this::report);
        retriesLeft = config.writeRetries();
    }

    /** Nothing to do: {@link #put} commits before it returns. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // Every row of every batch put so far is committed already.
    }

    /** Closes the connection and the registry client; idempotent. */
    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }

    private boolean wanted(Transcript transcript) {
        return transcript.getKind() == TranscriptKind.FINAL || config.includeInterim();
    }

    private Transcript decodeRetrying(SinkRecord record) {
        try {
            return decoder.decode(record);
        } catch (RetriableException e) {
            throw retryOrFail(e.getMessage(), e);
        }
    }

    private void write(List<TranscriptRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            writer.write(rows);
            LOG.debug("Wrote {} transcripts to {}", rows.size(), writer.tableName());
        } catch (SQLException e) {
            String failure = "Cannot write " + rows.size() + " transcripts to table " + writer.tableName() + ": "
                    + SqlErrors.describe(e);
            if (!SqlErrors.isTransient(e)) {
                throw new ConnectException(failure, e);
            }
            throw retryOrFail(failure, e);
        }
    }

    /**
     * A RetriableException, after asking Connect to wait before it redelivers the batch, while retries are left; a
     * ConnectException, which fails the task, once they are used up.
     */
    private ConnectException retryOrFail(String failure, Exception cause) {
        if (retriesLeft <= 0) {
            return new ConnectException(failure + " (still failing after " + config.writeRetries() + " retries)",
                    cause);
        }
        retriesLeft--;
        context.timeout(config.writeRetryBackoffMs());
        LOG.warn("{}; retrying in {} ms ({} retries left)", failure, config.writeRetryBackoffMs(), retriesLeft);
        return new RetriableException(failure, cause);
    }

    private void report(Errant errant) {
        if (reporter == null) {
            throw new ConnectException(errant.reason().getMessage() + ". Set errors.tolerance=all and "
                    + "errors.deadletterqueue.topic.name to send such records to a dead letter queue and carry on",
                    errant.reason());
        }
        LOG.warn("Reporting {} as errant: {}", TranscriptDecoder.where(errant.record()), errant.reason().getMessage());
        reporter.report(errant.record(), errant.reason());
    }

    /** Connect's reporter, or null where errors are not tolerated or the worker predates it (Kafka 2.6). */
    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null;
        }
    }
}
