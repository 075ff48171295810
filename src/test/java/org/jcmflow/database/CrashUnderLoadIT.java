package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.ApplicationProcess.pause;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jcmflow.testsupport.ApplicationProcess;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as its own process on a PostgreSQL server that outlives it, killed with SIGKILL under a load of
 * case starts and completions, then started again: every confirmed request is there, nothing half-done is visible,
 * the timers and asynchronous steps that fell due while it was dead run once, every mail called for goes out, and
 * the load goes on.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.CRASH)
class CrashUnderLoadIT {

    /** Short deadlines, so that the reminders (at half the time) and the escalations fall due while it is dead. */
    private static final Duration REPORT_DUE = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private volatile ApplicationProcess application;

    @Test
    void aKilledApplicationLosesNothingConfirmedLeavesNothingHalfDoneAndCatchesUpOnItsJobs() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database jcmflow").update();
            JdbcClient database = JdbcClient.create(postgres.getDatabase("postgres", "jcmflow"));
            int port = ApplicationProcess.freePort();
            application = start(postgres, port);
            CaseLoad load = new CaseLoad(() -> List.of(new CaseDriver(port)), "Crash");
            try {
                load.start(4);
                load.awaitConfirmed(60, Duration.ofSeconds(60));
                application.kill();
                Instant killedAt = Instant.now();
                long confirmedBeforeKill = load.confirmed.size();
                assertThat(load.failures).as("answers other than success before the kill").isEmpty();

                List<PendingJob> pending = pendingJobs(database);
                long mailsWaiting = unsentMails(database);
                List<PendingJob> timers = pending.stream().filter(PendingJob::isTimer).toList();
                List<PendingJob> asynchronous = pending.stream().filter(job -> !job.isTimer()).toList();
                assertThat(timers).as("timers waiting when it died").isNotEmpty();
                // stay dead until every timer that was waiting has fallen due
                Instant lastDue = timers.stream().map(PendingJob::due).max(Instant::compareTo).orElseThrow();
                while (Instant.now().isBefore(lastDue.plusSeconds(1))) {
                    pause(Duration.ofMillis(500));
                }
                Duration dead = Duration.between(killedAt, Instant.now());

                application = start(postgres, port);
                load.awaitConfirmed((int) confirmedBeforeKill + 20, Duration.ofSeconds(60));
                load.stop();
                assertThat(load.failures).as("answers other than success after the restart").isEmpty();
                assertThat(load.confirmed.size()).as("the load went on after the restart")
                        .isGreaterThanOrEqualTo((int) confirmedBeforeKill + 20);

                CaseDriver driver = application.driver();
                Map<String, List<String>> confirmedSteps = load.confirmed.stream().collect(Collectors.groupingBy(
                        CaseLoad.Confirmed::caseId, Collectors.mapping(CaseLoad.Confirmed::step, Collectors.toList())));
                for (Map.Entry<String, List<String>> confirmedCase : confirmedSteps.entrySet()) {
                    JsonNode file = driver.caseFile(confirmedCase.getKey());
                    List<String> recordedSteps = new ArrayList<>();
                    file.path("history").forEach(step -> recordedSteps.add(step.path("stepKey").asText()));
                    for (String step : confirmedCase.getValue()) {
                        if (!step.equals(CaseLoad.OPENED)) {
                            assertThat(recordedSteps).as("case %s after the crash", confirmedCase.getKey()).contains(step);
                        }
                    }
                    assertThat(file.path("openTasks")).as("case %s has one open task", confirmedCase.getKey()).hasSize(1);
                }
                assertNothingHalfDone(database);

                awaitJobsDone(database, pending);
                for (PendingJob timer : timers) {
                    assertThat(database.sql("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?")
                            .params(timer.processInstanceId(), timer.activityId()).query(Long.class).single())
                            .as("timer %s of %s fired once", timer.activityId(), timer.processInstanceId()).isOne();
                }
                for (PendingJob job : asynchronous) {
                    assertThat(successes(database, job.id())).as("asynchronous step %s ran once", job.activityId()).isOne();
                }
                assertThat(database.sql("select count(*) from act_ru_incident").query(Long.class).single())
                        .as("incidents").isZero();
                awaitMailsOut(database);
                long mailsSent = database.sql("select count(*) from notification_outbox where sent_at is not null")
                        .query(Long.class).single();

                String parked = load.parked.peek();
                String owner = proponentOf(database, parked);
                driver.complete(parked, "Task_SubmitFeasibilityReport", owner);

                System.out.printf("Crash under load: %d requests confirmed before SIGKILL, %d in all (%d case starts,"
                        + " %d completions); %d requests unanswered while it was dead for %d s and starting again; %d"
                        + " cases checked after the restart; %d timers and %d asynchronous steps pending at the kill,"
                        + " each run once after it; %d mails waiting at the kill, %d sent in all, none left%n",
                        confirmedBeforeKill, load.confirmed.size(), load.confirmedOpenings(), load.confirmedCompletions(),
                        load.unanswered.get(), dead.toSeconds(), confirmedSteps.size(), timers.size(),
                        asynchronous.size(), mailsWaiting, mailsSent);
            } finally {
                load.stop();
                application.close();
            }
        }
    }

    private record PendingJob(String id, String processInstanceId, String activityId, String type, Instant due) {

        boolean isTimer() {
            return type.equals("timer");
        }
    }

    private static List<PendingJob> pendingJobs(JdbcClient database) {
        return database.sql("""
                        select j.id_, j.process_instance_id_, d.act_id_, j.type_, j.duedate_
                        from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                        where j.retries_ > 0 and j.handler_type_ <> 'history-cleanup'
                          and (j.duedate_ is null or j.duedate_ < ?)""")
                .param(java.sql.Timestamp.from(Instant.now().plus(REPORT_DUE)))
                .query((rs, row) -> new PendingJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5) == null ? Instant.EPOCH : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Our tables and the engine's agree on every case: no case without its process, no step in only one of them. */
    private static void assertNothingHalfDone(JdbcClient database) {
        assertThat(database.sql("""
                        select count(*) from project_case c
                        where not exists (select 1 from act_hi_procinst p where p.id_ = c.process_instance_id
                                          and p.business_key_ = c.id::text)""").query(Long.class).single())
                .as("cases without their process").isZero();
        assertThat(database.sql("""
                        select count(*) from act_hi_procinst p
                        where p.proc_def_key_ = 'jcm-project-lifecycle'
                          and not exists (select 1 from project_case c where c.process_instance_id = p.id_)""")
                .query(Long.class).single()).as("processes without their case").isZero();
        List<String> disagreeing = database.sql("""
                        select c.id::text from project_case c
                        where (select count(*) from case_history h where h.case_id = c.id and h.step_key like 'Task\\_%')
                           <> (select count(*) from act_hi_taskinst t where t.root_proc_inst_id_ = c.process_instance_id
                               and t.end_time_ is not null and t.delete_reason_ = 'completed')""")
                .query(String.class).list();
        assertThat(disagreeing).as("cases whose history and engine disagree on the completed tasks").isEmpty();
    }

    private static void awaitJobsDone(JdbcClient database, List<PendingJob> jobs) {
        Set<String> ids = jobs.stream().map(PendingJob::id).collect(Collectors.toSet());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        List<String> left = List.copyOf(ids);
        while (Instant.now().isBefore(deadline)) {
            left = database.sql("select id_ from act_ru_job").query(String.class).list().stream()
                    .filter(ids::contains).toList();
            if (left.isEmpty()) {
                return;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new AssertionError("Jobs still waiting two minutes after the restart: " + left);
    }

    private static long unsentMails(JdbcClient database) {
        return database.sql("select count(*) from notification_outbox where sent_at is null and skipped_at is null")
                .query(Long.class).single();
    }

    /** Every mail called for, before the kill or after it, goes out: none is lost with the process that held it. */
    private static void awaitMailsOut(JdbcClient database) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (unsentMails(database) > 0 && Instant.now().isBefore(deadline)) {
            pause(Duration.ofSeconds(1));
        }
        assertThat(unsentMails(database)).as("mails not sent two minutes after the restart").isZero();
    }

    static long successes(JdbcClient database, String jobId) {
        return database.sql("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2")
                .param(jobId).query(Long.class).single();
    }

    private static String proponentOf(JdbcClient database, String caseId) {
        String organisation = database.sql("select organization from project_case where id = cast(? as uuid)")
                .param(caseId).query(String.class).single();
        return organisation.equals("nihon-ecotech") ? PROPONENT : OTHER_PROPONENT;
    }

    private ApplicationProcess start(EmbeddedPostgres postgres, int port) {
        return ApplicationProcess.start(work, "crash", port,
                ApplicationProcess.externalDatabase(postgres, "jcmflow", work.resolve("data")),
                List.of("--jcm.deadlines.tasks.[Task_SubmitFeasibilityReport]=" + REPORT_DUE));
    }
}
