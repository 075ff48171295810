package org.jcmflow.bench;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The database's count of committed transactions, and the engine's queue of jobs due now. */
final class Commits {

    private final JdbcClient jdbc;
    private final ManagementService management;

    Commits(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    /**
     * Transactions committed in the application's database so far. Backends report their counts when idle, at
     * most once a second, so the count is read after a pause; the reading itself is one commit more.
     */
    long count() throws InterruptedException {
        Thread.sleep(1_500);
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
    }

    void awaitNoExecutableJobs() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (management.createJobQuery().executable().count() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
