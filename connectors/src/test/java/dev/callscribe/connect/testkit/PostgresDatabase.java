package dev.callscribe.connect.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database of a test {@link PostgresServer} and the credentials to reach it: what a test hands to the code under
 * test (for a JDBC client, {@code connection.url}, {@code connection.user}, {@code connection.password}).
 *
 * @param name the database name
 * @param jdbcUrl {@code jdbc:postgresql://127.0.0.1:<port>/<name>}
 * @param user the server's superuser
 * @param password that user's password
 */
public record PostgresDatabase(String name, String jdbcUrl, String user, String password) {

    /** A new connection to the database, in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
