package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The default run keeps every case in ./data: across a stop and start, and across a SIGKILL of the application
 * and of its database. The packaged application runs in processes of its own, as an operator runs it: an
 * application started inside the test JVM would take over the Camunda webapps' engine registry of the applications
 * the other tests share.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.RESTART)
class RestartIT {

    @TempDir
    Path data;

    /**
     * Runs the packaged application as its own process and takes it through what an operator meets: a stop and
     * start, a SIGKILL (its PostgreSQL keeps running), and then a SIGKILL of both, after which it starts on the stale
     * lock file. One case lives through all of it; each start is a start of the application on its data.
     */
    @Test
    void aCaseAndItsOpenTaskSurviveAStopAndStartAKillAndAKillOfItsDatabase() throws Exception {
        String caseId;
        String reportTask;
        try (ApplicationProcess first = launchJar()) {
            CaseDriver driver = first.driver();
            caseId = driver.openCase(PROPONENT, "Survives a restart");
            driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
            reportTask = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        }

        ApplicationProcess app = launchJar();
        CaseDriver driver = app.driver();
        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("title").asText()).isEqualTo("Survives a restart");
        assertThat(file.path("history")).hasSize(2);
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).as("the same task, not a new one")
                .isEqualTo(reportTask);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        String reviewTask = driver.openTask(caseId, "Task_ReviewFeasibilityReport");
        app.kill();

        app = launchJar();
        driver = app.driver();
        assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isEqualTo(reviewTask);
        assertThat(driver.caseFile(caseId).path("history")).hasSize(3);
        app.kill();
        long postgresPid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
        ProcessHandle.of(postgresPid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(postgresPid).ifPresent(postgres -> postgres.onExit().join());

        app = launchJar();
        try {
            driver = app.driver();
            assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");
            assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isEqualTo(reviewTask);
        } finally {
            app.close();
        }
    }

    private ApplicationProcess launchJar() {
        return ApplicationProcess.start(data, "app", ApplicationProcess.freePort(), Map.of(),
                List.of("--jcm.embedded-db.data-directory=" + data.resolve("postgres")));
    }
}
