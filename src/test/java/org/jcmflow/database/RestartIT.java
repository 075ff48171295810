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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The default run keeps every case in ./data: across a stop and start, and across a SIGKILL. The packaged application
 * runs in processes of its own, as an operator runs it: an application started inside the test JVM would take over
 * the Camunda webapps' engine registry of the applications the other tests share.
 */
@RunsBesideTheOthers
class RestartIT {

    @TempDir
    Path data;

    @Test
    void aCaseAndItsOpenTaskSurviveAStopAndStart() {
        String caseId;
        String taskId;
        try (ApplicationProcess first = launchJar()) {
            CaseDriver driver = first.driver();
            caseId = driver.openCase(PROPONENT, "Survives a restart");
            driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
            taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        }
        try (ApplicationProcess second = launchJar()) {
            CaseDriver driver = second.driver();
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
        ApplicationProcess app = launchJar();
        CaseDriver driver = new CaseDriver(app.port());
        String caseId = driver.openCase(PROPONENT, "Survives SIGKILL");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        app.kill();

        app = launchJar();
        driver = new CaseDriver(app.port());
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        app.kill();
        long postgresPid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
        ProcessHandle.of(postgresPid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(postgresPid).ifPresent(postgres -> postgres.onExit().join());

        app = launchJar();
        try {
            driver = new CaseDriver(app.port());
            assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");
            assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isNotBlank();
        } finally {
            app.close();
        }
    }

    private ApplicationProcess launchJar() {
        return ApplicationProcess.start(data, "app", ApplicationProcess.freePort(), Map.of(),
                List.of("--jcm.embedded-db.data-directory=" + data.resolve("postgres")));
    }
}
