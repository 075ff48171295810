package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean that the database is away (503), found however deep Spring or the engine wrap them. */
class DatabaseUnavailableTest {

    @Test
    void noConnectionFromThePoolIsTheDatabaseBeingAway() {
        SQLTransientConnectionException poolTimedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms.");
        assertThat(DatabaseUnavailable.isCauseOf(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
                .isTrue();
    }

    @Test
    void aServerShuttingDownOrALostConnectionInsideTheEngineIsTheDatabaseBeingAway() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.isCauseOf(new ProcessEngineException("flush failed",
                new PersistenceException(shutdown)))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new ProcessEngineException("query failed",
                new PersistenceException(lost)))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndOtherFaultsAreNot() {
        assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("canceling statement due to user request", "57014")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug"))).isFalse();
    }
}
