package org.jcmflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One fresh embedded PostgreSQL for all process tests of a test run (referenced from process-test-engine.cfg.xml),
 * with our own tables migrated before the engine creates its own.
 */
public final class ProcessTestDatabase {

    private static EmbeddedPostgres postgres;

    private ProcessTestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                // our tables too: the stage gate's committee writes its rounds beside the case
                Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                        .table("jcm_schema_history").load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for process tests", e);
            }
        }
        return postgres.getPostgresDatabase();
    }
}
