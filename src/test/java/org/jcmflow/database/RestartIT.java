package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.JcmFlowApplication;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default run keeps every case in ./data: across a stop and start, and across a SIGKILL. */
class RestartIT {

    @TempDir
    Path data;

    @Test
    void aCaseAndItsOpenTaskSurviveAStopAndStart() {
        String caseId;
        String taskId;
        try (ConfigurableApplicationContext first = start()) {
            CaseDriver driver = new CaseDriver(port(first));
            caseId = driver.openCase(PROPONENT, "Survives a restart");
            driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
            taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        }
        try (ConfigurableApplicationContext second = start()) {
            CaseDriver driver = new CaseDriver(port(second));
            JsonNode file = driver.caseFile(caseId);
            assertThat(file.path("title").asText()).isEqualTo("Survives a restart");
            assertThat(file.path("history")).hasSize(2);
            assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isEqualTo(taskId);
            driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
            assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isNotBlank();
        }
    }

    /**
     * Runs the packaged application as its own process, kills it with SIGKILL (its PostgreSQL keeps
     * running), starts it again, then kills both and starts once more on the stale lock file.
     */
    @Test
    void theApplicationComesBackAfterBeingKilled() throws Exception {
        RunningApp app = launchJar();
        CaseDriver driver = new CaseDriver(app.port());
        String caseId = driver.openCase(PROPONENT, "Survives SIGKILL");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        app.process().destroyForcibly().waitFor();

        app = launchJar();
        driver = new CaseDriver(app.port());
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        app.process().destroyForcibly().waitFor();
        long postgresPid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
        ProcessHandle.of(postgresPid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(postgresPid).ifPresent(postgres -> postgres.onExit().join());

        app = launchJar();
        try {
            driver = new CaseDriver(app.port());
            assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");
            assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isNotBlank();
        } finally {
            app.process().destroy();
            app.process().waitFor();
        }
    }

    private record RunningApp(Process process, int port) {
    }

    private RunningApp launchJar() throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(path -> path.getFileName().toString().matches("jcm-flow-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Package the application first"));
        }
        int port = freePort();
        Path log = data.resolve("app-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(javaBinary(), "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--jcm.embedded-db.data-directory=" + data.resolve("postgres"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiClient probe = ApiClient.anonymous(port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited: " + Files.readString(log));
            }
            try {
                if (probe.get("/actuator/health").status() == 200) {
                    return new RunningApp(process, port);
                }
            } catch (IllegalStateException notListeningYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("The application did not start in 3 minutes: " + Files.readString(log));
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JcmFlowApplication.class).run("--server.port=0",
                "--jcm.embedded-db.data-directory=" + data.resolve("postgres"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
