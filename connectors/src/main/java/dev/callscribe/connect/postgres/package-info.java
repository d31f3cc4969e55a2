/**
 * Transcripts out of Kafka into PostgreSQL: a Kafka Connect sink ({@link
 * dev.callscribe.connect.postgres.PostgresTranscriptSinkConnector}) that reads {@code calls.transcripts} and upserts
 * one row per call and channel, plus the combined call transcript, into a table people query with SQL. The table
 * and its upsert are in {@link dev.callscribe.connect.postgres.TranscriptTable}, the mapping from the Avro record in
 * {@link dev.callscribe.connect.postgres.TranscriptRow}.
 */
package dev.callscribe.connect.postgres;
