package dev.callscribe.connect.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of the transcript table: its definition and the idempotent upsert of one {@link TranscriptRow}.
 *
 * <p>One row per call and channel, plus one for the combined transcript of the whole call, whose channel is NULL.
 * A primary key column cannot be NULL, so the key is {@code (call_id, channel_key)}, where {@code channel_key} is a
 * generated column, the channel or -1 for the combined transcript; {@code channel} itself stays NULL there, as in
 * the Avro record, so {@code WHERE channel IS NULL} finds combined transcripts. Generated columns need
 * PostgreSQL 12 or newer.
 *
 * <p>The upsert replaces a row only with a revision that is not older, comparing (revision, emitted_at) as
 * {@link TranscriptRow#AGE} does: a redelivered record rewrites the same values, and an older revision arriving
 * after a newer one changes nothing.
 */
final class TranscriptTable {

    /** The columns the sink writes, in the order of the upsert's parameters. */
    static final List<String> COLUMNS = List.of("call_id", "channel", "speaker", "kind", "revision", "text",
            "language", "model_id", "audio_duration_ms", "emitted_at", "segments");

    /** The key columns, never updated. */
    private static final List<String> KEY_COLUMNS = List.of("call_id", "channel");

    private final String name;

    /**
     * @param name the table, optionally schema-qualified; must be a safe identifier (see {@link PostgresSinkConfig})
     */
    public TranscriptTable(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates the table if it does not exist; leaves an existing one as it is. */
    public String createIfAbsentSql() {
        return "CREATE TABLE IF NOT EXISTS " + name + " (\n"
                + "    call_id           text        NOT NULL,\n"
                + "    channel           integer,\n"
                + "    channel_key       integer     GENERATED ALWAYS AS (coalesce(channel, -1)) STORED,\n"
                + "    speaker           text,\n"
                + "    kind              text        NOT NULL CHECK (kind IN ('INTERIM', 'FINAL')),\n"
                + "    revision          integer     NOT NULL,\n"
                + "    text              text        NOT NULL,\n"
                + "    language          text,\n"
                + "    model_id          text        NOT NULL,\n"
                + "    audio_duration_ms bigint      NOT NULL,\n"
                + "    emitted_at        timestamptz NOT NULL,\n"
                + "    segments          jsonb       NOT NULL,\n"
                + "    PRIMARY KEY (call_id, channel_key)\n"
                + ")";
    }

    /** Inserts a row, or replaces the row of its key if the new one is not older; parameters as {@link #bind}. */
    public String upsertSql() {
        String placeholders = COLUMNS.stream()
                .map(column -> column.equals("segments") ? "?::jsonb" : "?")
                .collect(Collectors.joining(", "));
        String updates = COLUMNS.stream()
                .filter(column -> !KEY_COLUMNS.contains(column))
                .map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + name + " AS existing (" + String.join(", ", COLUMNS) + ")"
                + " VALUES (" + placeholders + ")"
                + " ON CONFLICT (call_id, channel_key) DO UPDATE SET " + updates
                + " WHERE (EXCLUDED.revision, EXCLUDED.emitted_at) >= (existing.revision, existing.emitted_at)";
    }

    /** Sets the parameters of {@link #upsertSql()} to a row's values. */
    public static void bind(PreparedStatement statement, TranscriptRow row) throws SQLException {
        statement.setString(1, row.callId());
        statement.setObject(2, row.channel(), Types.INTEGER);
        statement.setString(3, row.speaker());
        statement.setString(4, row.kind().name());
        statement.setInt(5, row.revision());
        statement.setString(6, row.text());
        statement.setString(7, row.language());
        statement.setString(8, row.modelId());
        statement.setLong(9, row.audioDurationMs());
        statement.setObject(10, OffsetDateTime.ofInstant(row.emittedAt(), ZoneOffset.UTC));
        statement.setString(11, row.segmentsJson());
    }
}
