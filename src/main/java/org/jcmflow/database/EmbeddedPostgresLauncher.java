package org.jcmflow.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a data directory that outlives the application.
 *
 * <p>A killed application (SIGKILL) leaves its PostgreSQL server running, or a {@code postmaster.pid}
 * whose process is gone. Both would stop the next start; this class shuts an orphaned server down
 * cleanly and removes a stale lock before starting. Durability settings are those of a real server
 * (zonky's test defaults switch fsync off), so a committed transaction survives a crash.
 */
class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgresProperties properties;

    EmbeddedPostgresLauncher(EmbeddedPostgresProperties properties) {
        this.properties = properties;
    }

    EmbeddedPostgres start() throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        if (!properties.clean()) {
            releaseLeftoversOfKilledRun(dataDirectory);
        }
        log.info("Starting embedded PostgreSQL with data directory {}", dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.clean())
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops the server after the engine and the pool are closed; a JVM hook of its own
                // would stop it first and leave them waiting for connections that cannot come
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", properties.clean() ? "off" : "on")
                .setServerConfig("synchronous_commit", properties.clean() ? "off" : "on")
                .setServerConfig("full_page_writes", properties.clean() ? "off" : "on")
                .setServerConfig("max_connections", "100")
                .start();
    }

    private void releaseLeftoversOfKilledRun(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = postmasterPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresLauncher::isPostgres);
        if (server.isPresent()) {
            stopOrphanedServer(server.get());
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed stale lock file {} left by a previous run", pidFile);
        }
    }

    /** SIGTERM is PostgreSQL's "smart" shutdown: with its clients gone it writes a checkpoint and exits. */
    private void stopOrphanedServer(ProcessHandle server) {
        log.warn("PostgreSQL server (pid {}) of a previous run is still running on the data directory; stopping it",
                server.pid());
        server.destroy();
        try {
            server.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notStoppedInTime) {
            // Crash recovery from the write-ahead log on the next start keeps every committed transaction.
            log.warn("PostgreSQL server (pid {}) did not stop in {}; killing it", server.pid(), ORPHAN_SHUTDOWN_WAIT);
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }
}
