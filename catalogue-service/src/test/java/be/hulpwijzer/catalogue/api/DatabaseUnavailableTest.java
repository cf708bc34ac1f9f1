package be.hulpwijzer.catalogue.api;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot be reached" (a 503 that says so) and which stay a 500. */
class DatabaseUnavailableTest {

    @Test
    void aConnectionThatCannotBeHadOrIsDeadMeansTheDatabaseIsUnreachable() {
        assertThat(DatabaseUnavailable.unreachable(new ConnectionException("Could not set JDBC Connection read-only",
                new SQLException("Connection is closed")))).as("a dead pooled connection").isTrue();
        assertThat(DatabaseUnavailable.unreachable(new RuntimeException(new SQLTransientConnectionException("timed out"))))
                .as("no connection within the pool's timeout").isTrue();
        assertThat(DatabaseUnavailable.unreachable(new DataAccessException("insert failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).as("a server shutting down").isTrue();
        assertThat(DatabaseUnavailable.unreachable(new DataAccessException("insert failed",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
    }

    @Test
    void anyOtherDatabaseErrorStaysAnError() {
        assertThat(DatabaseUnavailable.unreachable(new DataAccessException("insert failed",
                new SQLException("syntax error at or near", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.unreachable(new DataAccessException("duplicate key", new SQLException("duplicate", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.unreachable(new IllegalStateException("no"))).isFalse();
    }
}
