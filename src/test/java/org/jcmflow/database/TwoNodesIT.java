package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.ApplicationProcess.pause;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application processes on one PostgreSQL database, sharing the load: each job runs once on one of them, each
 * mail goes out once from one of them, a case started on one node is taken on by the other, and two completions of
 * one task at once end in one success and one 409, never in two successes.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.TWO_NODES)
class TwoNodesIT {

    /** Short deadlines, so that every waiting feasibility report is reminded and escalated during the test. */
    private static final Duration REPORT_DUE = Duration.ofSeconds(20);
    private static final int SIMULTANEOUS_COMPLETIONS = 10;
    /** Jobs due now or within the short deadlines; Camunda's nightly history cleanup is no job of the load's. */
    private static final String DUE_JOBS =
            " retries_ > 0 and handler_type_ <> 'history-cleanup' and (duedate_ is null or duedate_ < ?)";

    @TempDir
    Path work;

    @Test
    void twoNodesShareTheLoadAndRunEachJobOnce() throws Exception {
        int smtpPort = ApplicationProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database jcmflow").update();
            JdbcClient database = JdbcClient.create(postgres.getDatabase("postgres", "jcmflow"));
            Map<String, String> environment = new HashMap<>(
                    ApplicationProcess.externalDatabase(postgres, "jcmflow", work.resolve("data")));
            environment.put("JCM_SMTP_HOST", "127.0.0.1");
            environment.put("JCM_SMTP_PORT", String.valueOf(smtpPort));
            // the first node creates the schema; the second joins a database that is ready
            try (ApplicationProcess nodeA = start("node-a", environment);
                 ApplicationProcess nodeB = start("node-b", environment)) {
                CaseDriver onA = nodeA.driver();
                CaseDriver onB = nodeB.driver();

                CaseLoad load = new CaseLoad(() -> List.of(onA, onB), "Two nodes");
                load.start(4);
                load.awaitConfirmed(80, Duration.ofSeconds(90));
                load.stop();
                assertThat(load.failures).as("answers other than success").isEmpty();
                assertThat(load.unanswered).as("requests without an answer").hasValue(0);

                List<String> conflictCases = new ArrayList<>();
                int successes = 0;
                int conflicts = 0;
                for (int round = 0; round < SIMULTANEOUS_COMPLETIONS; round++) {
                    String caseId = onA.openCase(PROPONENT, String.format("Two nodes at once %04d", round));
                    conflictCases.add(caseId);
                    String screening = onA.openTask(caseId, "Task_ScreenProposal");
                    List<Integer> statuses = completeAtOnce(screening, List.of(onA, onB));
                    assertThat(statuses).as("one completion on each node at once").containsExactlyInAnyOrder(204, 409);
                    successes += (int) statuses.stream().filter(status -> status == 204).count();
                    conflicts += (int) statuses.stream().filter(status -> status == 409).count();
                    assertThat(database.sql("""
                                    select count(*) from case_history
                                    where case_id = cast(? as uuid) and step_key = 'Task_ScreenProposal'""")
                            .param(caseId).query(Long.class).single()).as("screenings recorded").isOne();
                    assertThat(onB.openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();
                }

                List<String> waiting = new ArrayList<>(load.parked);
                waiting.addAll(conflictCases);
                awaitSettled(database);

                for (CaseLoad.Confirmed step : load.confirmed) {
                    if (!step.step().equals(CaseLoad.OPENED)) {
                        assertThat(database.sql("""
                                        select count(*) from case_history
                                        where case_id = cast(? as uuid) and step_key = ?""")
                                .params(step.caseId(), step.step()).query(Long.class).single())
                                .as("%s of case %s, confirmed, recorded once", step.step(), step.caseId()).isOne();
                    }
                }
                String caseOpenedOnA = load.confirmed.peek().caseId();
                assertThat(onB.caseFile(caseOpenedOnA).path("history").toString())
                        .isEqualTo(onA.caseFile(caseOpenedOnA).path("history").toString());

                List<Map<String, Object>> runsPerJob = database.sql("""
                                select job_id_, act_id_,
                                       count(*) filter (where job_state_ = 2) as runs,
                                       count(*) filter (where job_state_ = 3) as deleted
                                from act_hi_job_log
                                where job_id_ not in (select id_ from act_ru_job)
                                group by job_id_, act_id_""").query().listOfRows();
                List<Map<String, Object>> notOnce = runsPerJob.stream()
                        .filter(job -> ((Number) job.get("deleted")).longValue() == 0
                                && ((Number) job.get("runs")).longValue() != 1).toList();
                assertThat(notOnce).as("jobs that did not run exactly once").isEmpty();
                long jobsRun = runsPerJob.stream().mapToLong(job -> ((Number) job.get("runs")).longValue()).sum();
                Map<String, Long> runsPerNode = new HashMap<>();
                database.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_")
                        .query((rs, row) -> runsPerNode.put(rs.getString(1), rs.getLong(2))).list();
                assertThat(runsPerNode).as("jobs run by each node").containsOnlyKeys("node-a", "node-b");
                assertThat(database.sql("select count(*) from act_ru_incident").query(Long.class).single())
                        .as("incidents").isZero();

                for (String caseId : waiting) {
                    for (String timer : List.of("Boundary_SubmitFeasibilityReportReminder",
                            "Boundary_SubmitFeasibilityReportOverdue")) {
                        assertThat(database.sql("""
                                        select count(*) from act_hi_actinst a join project_case c
                                          on a.root_proc_inst_id_ = c.process_instance_id
                                        where c.id = cast(? as uuid) and a.act_id_ = ?""")
                                .params(caseId, timer).query(Long.class).single())
                                .as("%s of case %s", timer, caseId).isOne();
                    }
                }
                MimeMessage[] mails = smtp.getReceivedMessages();
                long mailsSent = database.sql("select count(*) from notification_outbox where sent_at is not null")
                        .query(Long.class).single();
                assertThat(mailsSent).as("mails sent").isPositive();
                assertThat(mails).as("one mail for each row of the outbox marked sent, none twice")
                        .hasSize((int) mailsSent);
                assertThat(database.sql("""
                                select count(*) from notification_outbox
                                where sent_at is null and skipped_at is null""").query(Long.class).single())
                        .as("mails never sent").isZero();
                // each mail read once: decoding a subject looks up jakarta.mail's providers every time
                List<String> reminderTexts = List.of(mails).stream()
                        .filter(mail -> subject(mail).matches("\\[JCM Flow\\] (Reminder|リマインダー).*"))
                        .map(TwoNodesIT::text).toList();
                for (String caseId : waiting) {
                    String title = database.sql("select title from project_case where id = cast(? as uuid)")
                            .param(caseId).query(String.class).single();
                    long reminders = reminderTexts.stream().filter(text -> text.contains(title)).count();
                    assertThat(reminders).as("reminders of %s", title).isOne();
                }

                System.out.printf("Two nodes: %d requests confirmed (%d case starts, %d completions), each step of a"
                        + " case on the other node than the one before; %d simultaneous completions of one task on"
                        + " both nodes: %d succeeded, %d answered 409; %d jobs run, each once (%s); %d waiting"
                        + " reports reminded and escalated once each; %d mails, one per row of the outbox, none left%n",
                        load.confirmed.size(), load.confirmedOpenings(), load.confirmedCompletions(),
                        SIMULTANEOUS_COMPLETIONS, successes, conflicts, jobsRun, runsPerNode, waiting.size(),
                        mails.length);
            }
        } finally {
            smtp.stop();
        }
    }

    /** Both nodes complete the same task at the same moment, as two programme managers might. */
    private static List<Integer> completeAtOnce(String taskId, List<CaseDriver> nodes) {
        CountDownLatch ready = new CountDownLatch(nodes.size());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
            ApiClient manager = node.as(PROGRAM_MANAGER);
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return manager.post("/api/tasks/" + taskId + "/complete",
                    Map.of("variables", ValidSubmissions.of("Task_ScreenProposal"))).status();
        })).toList();
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        go.countDown();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Waits until every job that is due, and every timer of the short deadlines, has run, and every mail is out. */
    private static void awaitSettled(JdbcClient database) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long left = -1;
        while (Instant.now().isBefore(deadline)) {
            left = database.sql("select count(*) from act_ru_job where " + DUE_JOBS)
                    .param(java.sql.Timestamp.from(Instant.now().plus(REPORT_DUE))).query(Long.class).single()
                    + database.sql("""
                            select count(*) from notification_outbox
                            where sent_at is null and skipped_at is null""").query(Long.class).single();
            if (left == 0) {
                return;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new AssertionError(left + " jobs still waiting after two minutes: " + database.sql("""
                        select type_, handler_cfg_, process_def_key_, duedate_, lock_owner_, lock_exp_time_, retries_,
                               exception_msg_
                        from act_ru_job where""" + DUE_JOBS)
                .param(java.sql.Timestamp.from(Instant.now().plus(REPORT_DUE))).query().listOfRows());
    }

    private ApplicationProcess start(String node, Map<String, String> environment) {
        return ApplicationProcess.start(work, node, ApplicationProcess.freePort(), environment,
                List.of("--jcm.deadlines.tasks.[Task_SubmitFeasibilityReport]=" + REPORT_DUE,
                        // the job log names the node that ran each job
                        "--camunda.bpm.generic-properties.properties.hostname=" + node));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
