package dev.callscribe.connect.postgres;

import dev.callscribe.connect.testkit.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the transcript table as a query reads it back, every column included.
 *
 * @param segments the jsonb column as PostgreSQL renders it
 */
record StoredRow(String callId, Integer channel, int channelKey, String speaker, String kind, int revision,
                 String text, String language, String modelId, long audioDurationMs, Instant emittedAt,
                 String segments) {

    /** Every row of a table, by call and channel key (the combined transcript, key -1, first). */
    static List<StoredRow> all(PostgresDatabase database, String table) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY call_id, channel_key")) {
            while (result.next()) {
                rows.add(read(result));
            }
        }
        return rows;
    }

    private static StoredRow read(ResultSet result) throws SQLException {
        return new StoredRow(result.getString("call_id"), result.getObject("channel", Integer.class),
                result.getInt("channel_key"), result.getString("speaker"), result.getString("kind"),
                result.getInt("revision"), result.getString("text"), result.getString("language"),
                result.getString("model_id"), result.getLong("audio_duration_ms"),
                result.getObject("emitted_at", OffsetDateTime.class).toInstant(), result.getString("segments"));
    }
}
