package dev.callscribe.connect.postgres;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

/**
 * Tells transient database failures, worth redelivering the batch for, from the rest. Transient: JDBC's transient
 * and recoverable exception types, and the PostgreSQL SQLSTATE classes of failures that pass by themselves: 08
 * (connection lost or refused), 40 (serialization failure, deadlock), 53 (out of connections, memory or disk),
 * 57 (server shutting down or starting, statement cancelled), 58 (I/O error), and 55P03 (lock not available).
 * Everything else (bad credentials 28, missing table 42P01, a data error 22) will fail the same way again.
 */
final class SqlErrors {

    private static final List<String> TRANSIENT_SQLSTATE_PREFIXES = List.of("08", "40", "53", "57", "58", "55P03");

    private SqlErrors() {
    }

    /** Whether the failure, or any failure chained to it (batches chain each statement's), is transient. */
    static boolean isTransient(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || hasTransientState(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure in one line: its SQLSTATE and message, and those of the first chained failure, where a batch puts
     * the database's own error. The driver's messages carry no credentials.
     */
    static String describe(SQLException failure) {
        String text = "SQLSTATE " + failure.getSQLState() + ": " + failure.getMessage();
        SQLException next = failure.getNextException();
        return next == null ? text : text + "; caused by SQLSTATE " + next.getSQLState() + ": " + next.getMessage();
    }

    private static boolean hasTransientState(SQLException e) {
        String state = e.getSQLState();
        return state != null && TRANSIENT_SQLSTATE_PREFIXES.stream().anyMatch(state::startsWith);
    }
}
