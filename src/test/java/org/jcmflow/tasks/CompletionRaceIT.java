package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A completion that meets a timer of its task firing at the same moment (an optimistic-locking conflict in the
 * engine) is tried again, not refused: the proponent's report is taken, once.
 */
@ApplicationTest
class CompletionRaceIT {

    private static final int ROUNDS = 8;

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompletionMeetingItsTasksReminderIsTakenOnce() throws Exception {
        CaseDriver driver = new CaseDriver(port);
        ApiClient proponent = driver.as(PROPONENT);
        for (int round = 0; round < ROUNDS; round++) {
            String caseId = driver.openCase(PROPONENT, "Report meets its reminder " + round);
            driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
            String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
            Job reminder = management.createJobQuery().activityId("Boundary_SubmitFeasibilityReportReminder")
                    .processInstanceId(tasks.createTaskQuery().taskId(report).singleResult().getProcessInstanceId())
                    .singleResult();

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Void> timerFires = CompletableFuture.runAsync(() -> {
                await(go);
                try {
                    management.executeJob(reminder.getId());
                } catch (ProcessEngineException completedFirstOrConflicted) {
                    // the report's completion won: the timer went with the task, or the job executor retries it
                }
            });
            go.countDown();
            ApiClient.Response completion = proponent.post("/api/tasks/" + report + "/complete",
                    Map.of("variables", ValidSubmissions.of("Task_SubmitFeasibilityReport")));
            timerFires.join();

            assertThat(completion.status()).as("round %d: %s", round, completion.text()).isEqualTo(204);
            assertThat(jdbc.sql("""
                            select count(*) from case_history
                            where case_id = cast(? as uuid) and step_key = 'Task_SubmitFeasibilityReport'""")
                    .param(caseId).query(Long.class).single()).as("reports recorded").isOne();
            assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isNotBlank();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
