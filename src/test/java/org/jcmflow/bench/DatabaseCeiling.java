package org.jcmflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * B0: single-row inserts, each committed on its own, from the given threads through the application's own
 * connection pool to its PostgreSQL. A workflow engine commits at least once per step, so this is its ceiling.
 */
final class DatabaseCeiling {

    record Result(int threads, long commits, double seconds) {

        double commitsPerSecond() {
            return commits / seconds;
        }
    }

    private final DataSource dataSource;

    DatabaseCeiling(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Result measure(int threads, Duration time) throws Exception {
        execute("create table bench_commit (id bigserial primary key, written_at timestamptz not null, "
                + "payload text not null)");
        try {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> counts = new ArrayList<>();
            long started = System.nanoTime();
            for (int thread = 0; thread < threads; thread++) {
                counts.add(pool.submit(() -> insertUntil(stop)));
            }
            Thread.sleep(time.toMillis());
            stop.set(true);
            long commits = 0;
            for (Future<Long> count : counts) {
                commits += count.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            return new Result(threads, commits, seconds);
        } finally {
            execute("drop table bench_commit");
        }
    }

    private long insertUntil(AtomicBoolean stop) throws SQLException {
        long commits = 0;
        while (!stop.get()) {
            // a connection from the pool per transaction, as the application takes one per request
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into bench_commit (written_at, payload) values (?, ?)")) {
                connection.setAutoCommit(false);
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, "one step of a case");
                insert.executeUpdate();
                connection.commit();
                connection.setAutoCommit(true);
                commits++;
            }
        }
        return commits;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
