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

import org.springframework.util.FileSystemUtils;

/**
 * The packaged application (target/jcm-flow-*.jar, which {@code ./mvnw verify} builds before the integration tests)
 * running as a process of its own, the way an operator runs it: it can be killed with SIGKILL and started again.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    /**
     * The tests' processes: small, quick to start, little work each. C1 only and the serial collector (measured: a
     * start took 22 s of CPU with C1 and G1, 19 s with the serial collector, 9 to 13 s on the class-data archive).
     */
    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    /**
     * Before the command of every process the tests beside the main thread start: they yield the CPU to the main
     * thread's tests, the suite's longer part, and take what those leave (a wait, a test between requests). Without,
     * the main thread's tests ran at two thirds of their speed while two such tests ran beside them, and the suite
     * ended on them alone, with a core to spare. On an idle machine (the benchmark) it changes nothing.
     */
    private static final int YIELDING_NICENESS = 10;
    private static final int OWN_NICENESS = currentNiceness();

    /**
     * Prefixes a command for a process beside the main thread's tests so that it runs at niceness
     * {@value #YIELDING_NICENESS}; see {@link #YIELDING_NICENESS}. {@code nice -n} adds to the niceness it is called
     * at, so a process started from a yielding JVM (the benchmark's restarts) would run at 19, where it got so little
     * of the two cores that it did not start in three minutes: it is raised only by what it lacks.
     */
    public static List<String> yielding(List<String> command) {
        List<String> yielding = new ArrayList<>();
        int raise = YIELDING_NICENESS - OWN_NICENESS;
        if (raise > 0) {
            yielding.addAll(List.of("nice", "-n", String.valueOf(raise)));
        }
        yielding.addAll(command);
        return yielding;
    }

    /** This JVM's niceness, the 19th field of /proc/self/stat (after the command name, which may hold spaces). */
    static int currentNiceness() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(afterName[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests' JVM options, with which {@link #productionLaunch()}'s archive is made. */
    public static List<String> testJvmOptions() {
        return TEST_JVM_OPTIONS;
    }

    /** The launch for production, prepared once per test JVM; see {@link #productionLaunch()}. */
    private static Launch productionLaunch;

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The jar extracted from the packaged one, and the class-data archive of a training run on it. */
    public record Launch(Path jar, Path classDataArchive) {
    }

    /**
     * Starts the application as README's "Production" launches it (the packaged jar extracted, with a class-data
     * archive), on the given port with the given environment and arguments, and returns once its health answers
     * 200. The log goes to {@code <name>-<n>.log} in the work directory.
     */
    public static ApplicationProcess start(Path workDirectory, String name, int port, Map<String, String> environment,
            List<String> arguments) {
        Launch launch = productionLaunch();
        List<String> options = new ArrayList<>(TEST_JVM_OPTIONS);
        options.add("-XX:SharedArchiveFile=" + launch.classDataArchive());
        return start(launch.jar(), options, workDirectory, name, port, environment, arguments);
    }

    /**
     * The packaged jar extracted into target/application-launch and its class-data archive, made at the first start
     * of the test JVM (about 20 s, paid back by the second start): every later start loads its classes from the
     * archive.
     */
    public static synchronized Launch productionLaunch() {
        if (productionLaunch == null) {
            Path directory = Path.of("target", "application-launch").toAbsolutePath();
            try {
                FileSystemUtils.deleteRecursively(directory);
                Files.createDirectories(directory);
                productionLaunch = extractWithClassDataArchive(directory, TEST_JVM_OPTIONS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return productionLaunch;
    }

    /**
     * {@code java -Djarmode=tools -jar jcm-flow.jar extract}, then a training run with the given JVM options that
     * stops once the application context is refreshed (on an embedded database of its own in the directory) and
     * writes the classes it loaded to {@code application.jsa}, as Spring Boot documents.
     */
    public static Launch extractWithClassDataArchive(Path directory, List<String> jvmOptions) {
        Map<String, String> environment = Map.of("JCM_DATA_DIR", directory.resolve("training-data").toString());
        run(directory, environment, List.of(javaBinary(), "-Djarmode=tools", "-jar", packagedJar().toString(),
                "extract", "--destination", directory.resolve("application").toString()));
        Path jar = directory.resolve("application").resolve(packagedJar().getFileName());
        Path archive = directory.resolve("application.jsa");
        List<String> training = new ArrayList<>(List.of(javaBinary()));
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                jar.toString(), "--server.port=0"));
        run(directory, environment, training);
        stopLeftBehindDatabase(directory.resolve("training-data").resolve("postgres"));
        return new Launch(jar, archive);
    }

    /**
     * A run that exits on refresh, or one killed because it did not start, leaves its embedded PostgreSQL running
     * (the application stops it only when its context closes, or at the next start on the directory): stopped here,
     * so that a run leaves no server behind.
     */
    private static void stopLeftBehindDatabase(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(server -> {
                server.destroy();
                server.onExit().join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path directory, Map<String, String> environment, List<String> command) {
        try {
            Path output = directory.resolve("commands.log");
            ProcessBuilder builder = new ProcessBuilder(yielding(command)).directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putAll(environment);
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(command + " exited with " + exit + ": " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The packaged jar itself, {@code java -jar}, with the tests' JVM options. */
    public static ApplicationProcess startPackagedJar(Path workDirectory, String name, int port,
            Map<String, String> environment) {
        return start(packagedJar(), TEST_JVM_OPTIONS, workDirectory, name, port, environment, List.of());
    }

    /** The packaged jar with the given JVM options ({@code java <options> -jar}). */
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
        String classPath = testClassPath().stream()
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> launch = new ArrayList<>(TEST_JVM_OPTIONS);
        launch.addAll(List.of("-cp", classPath, "org.jcmflow.JcmFlowApplication"));
        return launch(launch, workDirectory, name, port, environment, List.of());
    }

    /**
     * The test JVM's class path as the test runner gives it, less its empty entries: an empty entry is the working
     * directory, the project's, whose bpmn/ would deploy every process twice in a JVM launched on it.
     */
    public static List<String> testClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
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
            ProcessBuilder builder = new ProcessBuilder(yielding(command)).directory(workDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            ApplicationProcess application = new ApplicationProcess(builder.start(), port, log);
            try {
                application.awaitHealthy();
            } catch (AssertionError notStarted) {
                // killed before its context closed, it leaves the embedded PostgreSQL it started running
                stopLeftBehindDatabase(embeddedDatabaseDirectory(workDirectory, environment, arguments));
                throw notStarted;
            }
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the application keeps its embedded PostgreSQL, as application.yaml resolves it: the argument, else
     * JCM_DATA_DIR's postgres, else data/postgres in the working directory.
     */
    private static Path embeddedDatabaseDirectory(Path workDirectory, Map<String, String> environment,
            List<String> arguments) {
        String argument = "--jcm.embedded-db.data-directory=";
        return arguments.stream().filter(given -> given.startsWith(argument))
                .map(given -> Path.of(given.substring(argument.length()))).findFirst()
                .orElseGet(() -> workDirectory.resolve(environment.getOrDefault("JCM_DATA_DIR", "data"))
                        .resolve("postgres"));
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
        kill();
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
