package org.jcmflow.bench;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The database's count of committed transactions, and the work still due: the engine's jobs, the outbox's mails. */
final class Commits {

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final Duration quiet;

    /**
     * @param quiet how long to wait before reading the count: PostgreSQL 17 may hold a backend's counts for up to
     *              10 seconds before {@code pg_stat_database} shows them, so a shorter wait undercounts
     */
    Commits(JdbcClient jdbc, ManagementService management, Duration quiet) {
        this.jdbc = jdbc;
        this.management = management;
        this.quiet = quiet;
    }

    /**
     * Transactions committed in the application's database so far, read after the pause; the reading itself is one
     * commit more, and each node's mail sender commits once a second while it looks for mails.
     */
    long count() throws InterruptedException {
        Thread.sleep(quiet.toMillis());
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
    }

    /** Waits until no job is due and every mail due has gone out: the work the steps called for is done. */
    void awaitWorkDone() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while ((management.createJobQuery().executable().count() > 0 || mailsDue() > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private long mailsDue() {
        return jdbc.sql("""
                        select count(*) from notification_outbox
                        where sent_at is null and skipped_at is null and next_attempt_at <= now()""")
                .query(Long.class).single();
    }
}
