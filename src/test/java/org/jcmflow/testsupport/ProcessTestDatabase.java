package org.jcmflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * One fresh embedded PostgreSQL for all process tests of a test run (referenced from process-test-engine.cfg.xml),
 * with our own tables migrated before the engine creates its own, reached through a pool of connections: the engine
 * takes a connection for every command, and a connection of PostgreSQL's own data source is a server process forked,
 * authenticated and warmed up each time (about 6,600 of them in a run of the unit tests, which cost more CPU than
 * the tests themselves).
 */
public final class ProcessTestDatabase {

    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    private ProcessTestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                // our tables too: the stage gate's committee writes its rounds beside the case
                HikariConfig config = new HikariConfig();
                config.setPoolName("process-tests");
                config.setDataSource(postgres.getPostgresDatabase());
                config.setMaximumPoolSize(4);
                pool = new HikariDataSource(config);
                Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                        .table("jcm_schema_history").load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for process tests", e);
            }
        }
        return pool;
    }
}
