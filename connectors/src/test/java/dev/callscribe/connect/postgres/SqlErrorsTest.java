package dev.callscribe.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "40001", "40P01", "53300", "57P01", "57P03", "58030", "55P03"})
    void shouldRetryConnectionConcurrencyAndResourceFailures(String sqlState) {
        assertThat(SqlErrors.isTransient(new SQLException("failed", sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"28P01", "42P01", "42703", "22P02", "23505", "3D000"})
    void shouldNotRetryFailuresThatWouldRecur(String sqlState) {
        assertThat(SqlErrors.isTransient(new SQLException("failed", sqlState))).isFalse();
    }

    @Test
    void shouldRetryJdbcsTransientExceptionTypesWhateverTheirState() {
        assertThat(SqlErrors.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void shouldLookAtTheStatementFailureABatchChainsBehindIt() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0],
                null);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));

        assertThat(SqlErrors.isTransient(batch)).isTrue();
        assertThat(SqlErrors.describe(batch)).isEqualTo("SQLSTATE null: Batch entry 0 was aborted; caused by "
                + "SQLSTATE 40P01: deadlock detected");
    }
}
