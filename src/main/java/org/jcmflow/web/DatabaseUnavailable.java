package org.jcmflow.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means that the database is away (stopped, restarting, unreachable) rather than a fault of the
 * application: such a request is answered 503, and may be sent again once the database is back. The cause can sit
 * deep inside Spring's or the engine's exceptions, so the whole chain is looked at.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is told to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnavailable() {
    }

    /**
     * Whether the database being away explains the failure: it is among the causes, or, for a failure that shows
     * no cause of its own (a transaction rolled back on the way, an engine error without its SQL exception), the
     * database does not answer now. Asked only for failures that would otherwise be answered 500.
     */
    public static boolean explains(Throwable failure, DataSource dataSource) {
        return isCauseOf(failure) || dataSource != null && !answers(dataSource);
    }

    private static boolean answers(DataSource dataSource) {
        // the pool waits at most its connection timeout (a few seconds) for a connection
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQL states of class 08 are connection exceptions; 57P01..57P03 a server shutting down or starting up
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
