package dev.callscribe.connect.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of rows to the transcript table, each batch in one transaction. Owns one JDBC connection, opened
 * on first use and after a failure (a failed connection is closed, never reused), and closed by {@link #close()}.
 * Creates the table on its first connection when the configuration asks for it. Not thread-safe: one per task.
 */
final class TranscriptWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWriter.class);

    /** Loaded by name: the driver is a runtime dependency of the plugin, and loading it registers it. */
    private static final String DRIVER_CLASS = "org.postgresql.Driver";
    /** Shown in pg_stat_activity, so a DBA sees who holds the connection. */
    private static final String APPLICATION_NAME = "callscribe-postgres-sink";

    private final PostgresSinkConfig config;
    private final TranscriptTable table;
    private Connection connection;
    private boolean tableChecked;

    TranscriptWriter(PostgresSinkConfig config) {
        this.config = config;
        this.table = new TranscriptTable(config.tableName());
    }

    /**
     * Upserts the rows in one transaction: all of them or, on failure, none.
     *
     * @throws SQLException as the driver reports it; the connection is then closed and the next call opens a new one
     */
    void write(List<TranscriptRow> rows) throws SQLException {
        Connection open = connection();
        try (PreparedStatement upsert = open.prepareStatement(table.upsertSql())) {
            for (TranscriptRow row : rows) {
                TranscriptTable.bind(upsert, row);
                upsert.addBatch();
            }
            upsert.executeBatch();
            open.commit();
        } catch (SQLException e) {
            discardConnection();
            throw e;
        }
    }

    String tableName() {
        return table.name();
    }

    @Override
    public void close() {
        discardConnection();
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = open();
        }
        if (config.autoCreate() && !tableChecked) {
            createTable(connection);
        }
        tableChecked = true;
        return connection;
    }

    private Connection open() throws SQLException {
        loadDriver();
        Properties properties = new Properties();
        if (!config.user().isEmpty()) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password().value());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection opened = DriverManager.getConnection(config.connectionUrl(), properties);
        opened.setAutoCommit(false);
        LOG.info("Connected to {} as {}", config.connectionUrlForLogs(), config.user().isEmpty()
                ? "the driver's default user" : config.user());
        return opened;
    }

    private void createTable(Connection open) throws SQLException {
        try (Statement statement = open.createStatement()) {
            statement.execute(table.createIfAbsentSql());
            open.commit();
        } catch (SQLException e) {
            discardConnection();
            throw e;
        }
    }

    private void discardConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close(); // an open transaction is rolled back
        } catch (SQLException e) {
            LOG.debug("Ignoring a failure to close a connection already given up: {}", e.toString());
        }
        connection = null;
    }

    private static void loadDriver() {
        try {
            Class.forName(DRIVER_CLASS);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The PostgreSQL JDBC driver (" + DRIVER_CLASS + ") is not on the class "
                    + "path: install the whole callscribe Connect plugin, its lib folder included", e);
        }
    }
}
