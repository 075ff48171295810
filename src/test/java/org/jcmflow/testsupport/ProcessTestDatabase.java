package org.jcmflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One fresh embedded PostgreSQL for all process tests of a test run (referenced from process-test-engine.cfg.xml). */
public final class ProcessTestDatabase {

    private static EmbeddedPostgres postgres;

    private ProcessTestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for process tests", e);
            }
        }
        return postgres.getPostgresDatabase();
    }
}
