package dev.callscribe.connect.postgres;

import dev.callscribe.schemas.registry.RegistryClientConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the PostgreSQL transcript sink: where to write (connection, table), what to write (FINAL only,
 * or INTERIM revisions too), how hard to retry, and the Schema Registry client's keys (Confluent's names) for reading
 * the Avro values. Every key not declared here is handed to the Avro deserializer too, so any serde setting
 * documented in the README works unchanged; the sink's own keys, the database password among them, never are.
 */
public final class PostgresSinkConfig extends AbstractConfig {

    public static final String CONNECTION_URL_CONFIG = "connection.url";
    private static final String CONNECTION_URL_DOC = "JDBC URL of the PostgreSQL database, "
            + "jdbc:postgresql://host:port/database, with any driver parameters (sslmode=verify-full, "
            + "connectTimeout, ...). Put the password in connection.password, not here: the URL is logged.";
    /** The only URLs the sink accepts: its SQL is PostgreSQL's. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public static final String CONNECTION_USER_CONFIG = "connection.user";
    private static final String CONNECTION_USER_DOC = "Database user; empty leaves it to the URL or the driver.";

    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    private static final String CONNECTION_PASSWORD_DOC = "Password of the database user. Never logged.";

    public static final String TABLE_NAME_CONFIG = "table.name";
    private static final String TABLE_NAME_DOC = "Table the transcripts are written to, optionally schema-qualified "
            + "(schema.table); unquoted SQL identifiers only, so PostgreSQL folds them to lower case.";
    public static final String DEFAULT_TABLE_NAME = "call_transcripts";

    public static final String AUTO_CREATE_CONFIG = "auto.create";
    private static final String AUTO_CREATE_DOC = "Whether the sink creates the table (CREATE TABLE IF NOT EXISTS) "
            + "before its first write. When false, the table must exist with the columns and the primary key "
            + "(call_id, channel_key) the README shows.";
    public static final boolean DEFAULT_AUTO_CREATE = true;

    public static final String INCLUDE_INTERIM_CONFIG = "include.interim";
    private static final String INCLUDE_INTERIM_DOC = "Whether INTERIM revisions are written too. Each replaces the "
            + "older revision of its call and channel, and the FINAL replaces the last of them; when false, only "
            + "FINAL transcripts are written and INTERIM records are skipped.";
    public static final boolean DEFAULT_INCLUDE_INTERIM = false;

    public static final String WRITE_RETRIES_CONFIG = "write.retries";
    private static final String WRITE_RETRIES_DOC = "How many times in a row a batch that failed on a transient "
            + "database or registry error (connection lost, serialization failure, deadlock, server shutting down) "
            + "is redelivered before the task fails. Other errors fail the task at once.";
    public static final int DEFAULT_WRITE_RETRIES = 10;

    public static final String WRITE_RETRY_BACKOFF_MS_CONFIG = "write.retry.backoff.ms";
    private static final String WRITE_RETRY_BACKOFF_MS_DOC = "How long Connect waits before redelivering a batch "
            + "that failed on a transient error.";
    public static final long DEFAULT_WRITE_RETRY_BACKOFF_MS = 3_000;

    /** An unquoted identifier, optionally schema-qualified: safe to write into SQL as it is. Declared
     * before CONFIG_DEF, which checks the default table name with it. */
    private static final Pattern TABLE_NAME = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** The sink's keys plus the Schema Registry client's ({@code schema.registry.url} is required). */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(RegistryClientConfig.CONFIG_DEF)
            .define(CONNECTION_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.LambdaValidator.with(PostgresSinkConfig::requirePostgresUrl, () -> URL_PREFIX + "..."),
                    Importance.HIGH, CONNECTION_URL_DOC)
            .define(CONNECTION_USER_CONFIG, Type.STRING, "", Importance.HIGH, CONNECTION_USER_DOC)
            .define(CONNECTION_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.HIGH, CONNECTION_PASSWORD_DOC)
            .define(TABLE_NAME_CONFIG, Type.STRING, DEFAULT_TABLE_NAME,
                    ConfigDef.LambdaValidator.with(PostgresSinkConfig::requireTableName, () -> "[schema.]table"),
                    Importance.MEDIUM, TABLE_NAME_DOC)
            .define(AUTO_CREATE_CONFIG, Type.BOOLEAN, DEFAULT_AUTO_CREATE, Importance.MEDIUM, AUTO_CREATE_DOC)
            .define(INCLUDE_INTERIM_CONFIG, Type.BOOLEAN, DEFAULT_INCLUDE_INTERIM, Importance.MEDIUM,
                    INCLUDE_INTERIM_DOC)
            .define(WRITE_RETRIES_CONFIG, Type.INT, DEFAULT_WRITE_RETRIES, ConfigDef.Range.atLeast(0),
                    Importance.LOW, WRITE_RETRIES_DOC)
            .define(WRITE_RETRY_BACKOFF_MS_CONFIG, Type.LONG, DEFAULT_WRITE_RETRY_BACKOFF_MS,
                    ConfigDef.Range.atLeast(0), Importance.LOW, WRITE_RETRY_BACKOFF_MS_DOC);

    /** The keys the sink itself reads; everything else belongs to the deserializer or to Connect. */
    private static final Set<String> SINK_KEYS = Set.of(CONNECTION_URL_CONFIG, CONNECTION_USER_CONFIG,
            CONNECTION_PASSWORD_CONFIG, TABLE_NAME_CONFIG, AUTO_CREATE_CONFIG, INCLUDE_INTERIM_CONFIG,
            WRITE_RETRIES_CONFIG, WRITE_RETRY_BACKOFF_MS_CONFIG);

    /**
     * @throws ConfigException naming the key if a value is missing or invalid
     */
    public PostgresSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public String connectionUrl() {
        return getString(CONNECTION_URL_CONFIG);
    }

    /** The URL without its query string, where driver parameters (and misplaced passwords) live: for logs. */
    public String connectionUrlForLogs() {
        return withoutQuery(connectionUrl());
    }

    /** The database user; empty when the URL or the driver supplies it. */
    public String user() {
        return getString(CONNECTION_USER_CONFIG);
    }

    /** The database password, or null; {@link Password#toString()} hides it, {@code value()} reveals it. */
    public Password password() {
        return getPassword(CONNECTION_PASSWORD_CONFIG);
    }

    public String tableName() {
        return getString(TABLE_NAME_CONFIG);
    }

    public boolean autoCreate() {
        return getBoolean(AUTO_CREATE_CONFIG);
    }

    public boolean includeInterim() {
        return getBoolean(INCLUDE_INTERIM_CONFIG);
    }

    public int writeRetries() {
        return getInt(WRITE_RETRIES_CONFIG);
    }

    public long writeRetryBackoffMs() {
        return getLong(WRITE_RETRY_BACKOFF_MS_CONFIG);
    }

    /** What the Avro deserializer is configured with: every original key except the sink's own. */
    public Map<String, Object> deserializerConfig() {
        Map<String, Object> config = new HashMap<>(originals());
        config.keySet().removeAll(SINK_KEYS);
        return config;
    }

    private static void requirePostgresUrl(String name, Object value) {
        if (!(value instanceof String url) || !url.startsWith(URL_PREFIX)) {
            // The value's query string is left out of the message: it may hold a password.
            String shown = value instanceof String text ? withoutQuery(text) : String.valueOf(value);
            throw new ConfigException(name, shown, "must be a PostgreSQL JDBC URL starting with " + URL_PREFIX
                    + " (for example jdbc:postgresql://db:5432/callscribe)");
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?[hidden]";
    }

    private static void requireTableName(String name, Object value) {
        if (!(value instanceof String table) || !TABLE_NAME.matcher(table).matches()) {
            throw new ConfigException(name, value, "must be an unquoted SQL identifier (letters, digits, _; not "
                    + "starting with a digit; at most 63 characters), optionally schema-qualified as schema.table");
        }
    }
}
