package org.jcmflow.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

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
