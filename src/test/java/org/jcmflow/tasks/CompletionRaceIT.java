package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A completion that meets a timer of its task firing at the same moment (an optimistic-locking conflict in the
 * engine) is tried again, not refused: the proponent's report is taken, once, and the reminder went out.
 */
@ApplicationTest
class CompletionRaceIT {

    private static final int ROUNDS = 3;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aCompletionMeetingItsTasksReminderIsTakenOnce(CaseDriver driver) throws Exception {
        ApiClient proponent = driver.as(PROPONENT);
        for (int round = 0; round < ROUNDS; round++) {
            String caseId = driver.openCase(PROPONENT, "Report meets its reminder " + round);
            driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
            String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
            Job reminder = management.createJobQuery().activityId("Boundary_SubmitFeasibilityReportReminder")
                    .processInstanceId(tasks.createTaskQuery().taskId(report).singleResult().getProcessInstanceId())
                    .singleResult();

            // The reminder fires in a transaction held open, so the completion meets its uncommitted change to the
            // same execution, waits for it, and then finds that execution changed: an optimistic-locking conflict.
            CountDownLatch timerFired = new CountDownLatch(1);
            CountDownLatch commitTimer = new CountDownLatch(1);
            CompletableFuture<Void> timer = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                management.executeJob(reminder.getId());
                timerFired.countDown();
                await(commitTimer);
            }));
            timerFired.await();
            CompletableFuture<ApiClient.Response> completing = CompletableFuture.supplyAsync(() -> proponent.post(
                    "/api/tasks/" + report + "/complete",
                    Map.of("variables", ValidSubmissions.of("Task_SubmitFeasibilityReport"))));
            awaitSomeoneWaitingForALock();
            commitTimer.countDown();
            timer.join();
            ApiClient.Response completion = completing.join();

            assertThat(completion.status()).as("round %d: %s", round, completion.text()).isEqualTo(204);
            assertThat(jdbc.sql("""
                            select count(*) from case_history
                            where case_id = cast(? as uuid) and step_key = 'Task_SubmitFeasibilityReport'""")
                    .param(caseId).query(Long.class).single()).as("reports recorded").isOne();
            assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isNotBlank();
            assertThat(jdbc.sql("""
                            select count(*) from act_hi_actinst a
                              join project_case c on a.root_proc_inst_id_ = c.process_instance_id
                            where c.id = cast(? as uuid) and a.act_id_ = 'Boundary_SubmitFeasibilityReportReminder'""")
                    .param(caseId).query(Long.class).single()).as("reminders").isOne();
        }
    }

    private void awaitSomeoneWaitingForALock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && jdbc.sql("""
                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()""")
                .query(Long.class).single() == 0) {
            Thread.sleep(50);
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
