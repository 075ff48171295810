package org.jcmflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged application (target/jcm-flow-*.jar, which {@code ./mvnw verify} builds before the integration tests)
 * running as a process of its own, the way an operator runs it: it can be killed with SIGKILL and started again.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar on the given port with the given environment and arguments, and returns once its health
     * answers 200. The log goes to {@code <name>-<n>.log} in the work directory.
     */
    public static ApplicationProcess start(Path workDirectory, String name, int port, Map<String, String> environment,
            List<String> arguments) {
        // small and quick to start: the tests' processes do little work each
        return start(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), workDirectory, name, port, environment,
                arguments);
    }

    /** As {@link #start(Path, String, int, Map, List)}, with the given JVM options ({@code java <options> -jar}). */
    public static ApplicationProcess start(List<String> jvmOptions, Path workDirectory, String name, int port,
            Map<String, String> environment, List<String> arguments) {
        return start(packagedJar(), jvmOptions, workDirectory, name, port, environment, arguments);
    }

    /** As above, with the given jar: the packaged one, or the one extracted from it. */
    public static ApplicationProcess start(Path jar, List<String> jvmOptions, Path workDirectory, String name, int port,
            Map<String, String> environment, List<String> arguments) {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-jar", jar.toString()));
        return launch(launch, workDirectory, name, port, environment, arguments);
    }

    /**
     * The application from target/classes and the dependencies' jars, as {@code ./mvnw spring-boot:run} runs it
     * while developing (the test JVM's class path, less the tests' own classes).
     */
    public static ApplicationProcess startFromClasses(Path workDirectory, String name, int port,
            Map<String, String> environment) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        return launch(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                "org.jcmflow.JcmFlowApplication"), workDirectory, name, port, environment, List.of());
    }

    private static ApplicationProcess launch(List<String> launch, Path workDirectory, String name, int port,
            Map<String, String> environment, List<String> arguments) {
        try {
            Path log = Files.createTempFile(workDirectory, name + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(launch);
            command.add("--server.port=" + port);
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            ApplicationProcess application = new ApplicationProcess(builder.start(), port, log);
            application.awaitHealthy();
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment that points the application at an external PostgreSQL database, as README tells operators. */
    public static Map<String, String> externalDatabase(EmbeddedPostgres postgres, String database, Path dataDirectory) {
        return Map.of("JCM_DB_URL", postgres.getJdbcUrl("postgres", database), "JCM_DB_USER", "postgres",
                "JCM_DB_PASSWORD", "unused", "JCM_DATA_DIR", dataDirectory.toString());
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public CaseDriver driver() {
        return new CaseDriver(port);
    }

    /** Kills the process with SIGKILL: no shutdown hook, no graceful shutdown, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the process gracefully (SIGTERM), as an operator does. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        ApiClient probe = ApiClient.anonymous(port);
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited: " + log());
            }
            try {
                if (probe.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // the server is still starting
            }
            pause(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new AssertionError("The application did not start in " + START_PATIENCE + ": " + log());
    }

    public static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().matches("jcm-flow-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Package the application first"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        return FreePorts.next();
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
