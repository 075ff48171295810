package org.jcmflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mails as people receive them, from the whole application on a real SMTP server (GreenMail): who gets them, in
 * which language, with which link; a mail server that is down neither fails nor loses the step, and its mails go
 * out later; a mail about a task done by then does not go out.
 */
@ApplicationTest
class MailNotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("jcm.portal.base-url", () -> "https://jcm.example.org/");
    }

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;

    MailNotificationIT(CaseDriver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aNewProponentTaskGoesOnlyToTheProponentsOfTheCasesOrganisationInTheirLanguageWithItsLink() throws Exception {
        String caseId = driver.openCase(PROPONENT, "Hospital air-conditioning in Hanoi");
        // the screening is for the programme managers: each in their own language
        MimeMessage toSato = awaitMail(to("sato@nedo.example").and(subjectContains("提案の審査")));
        MimeMessage toTakahashi = awaitMail(to("takahashi@nedo.example").and(subjectContains("Screen proposal")));
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        assertThat(text(toSato)).contains("https://jcm.example.org/tasks/" + screening)
                .contains("Hospital air-conditioning in Hanoi");
        assertThat(toTakahashi.getSubject()).isEqualTo("[JCM Flow] New task: Screen proposal (Hospital air-conditioning in Hanoi)");
        assertThat(text(toTakahashi)).startsWith("Dear ")
                .contains("https://jcm.example.org/tasks/" + screening);

        smtp.purgeEmailFromAllMailboxes();
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        MimeMessage toTanaka = awaitMail(to("tanaka@nihon-ecotech.example"));
        String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        assertThat(toTanaka.getSubject()).isEqualTo("[JCM Flow] 新しいタスク: 調査の実施と報告書の提出（Hospital air-conditioning in Hanoi）");
        assertThat(text(toTanaka)).contains("様").contains("期限")
                .contains("https://jcm.example.org/tasks/" + report);
        settle();
        assertThat(recipientsOfMailsAbout("Hospital air-conditioning in Hanoi"))
                .as("no other organisation's proponent, nobody else")
                .containsExactly("tanaka@nihon-ecotech.example");
    }

    @Test
    void anIdleNodeLooksForDueJobsEveryFewSecondsAndNotOnlyOnceAMinute() {
        // A new job wakes the engine's job acquisition at once, but Camunda loses that wake-up when it comes just as
        // the acquisition goes to sleep; the job then waits for the next look, which Camunda's default put up to a
        // minute away. It held the mail jobs of the notification process past this test class's minute of patience.
        long maxWaitMillis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
                .getMaxWait();
        assertThat(maxWaitMillis).isLessThanOrEqualTo(5_000);
    }

    @Test
    void anOverdueReportIsFirstRemindedToTheProponentThenEscalatedToTheProgrammeManagers() throws Exception {
        String caseId = driver.openCase(PROPONENT, "LED fishing lights");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        Task report = tasks.createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("Task_SubmitFeasibilityReport").singleResult();
        awaitMail(to("tanaka@nihon-ecotech.example"));
        smtp.purgeEmailFromAllMailboxes();

        management.executeJob(timer(report, "Boundary_SubmitFeasibilityReportReminder").getId());
        MimeMessage reminder = awaitMail(to("tanaka@nihon-ecotech.example"));
        assertThat(reminder.getSubject()).startsWith("[JCM Flow] リマインダー: 調査の実施と報告書の提出の期限は");
        assertThat(text(reminder)).contains("https://jcm.example.org/tasks/" + report.getId());
        settle();
        assertThat(recipientsOfMailsAbout("LED fishing lights")).containsExactly("tanaka@nihon-ecotech.example");
        smtp.purgeEmailFromAllMailboxes();

        management.executeJob(timer(report, "Boundary_SubmitFeasibilityReportOverdue").getId());
        MimeMessage toTakahashi = awaitMail(to("takahashi@nedo.example"));
        MimeMessage toSato = awaitMail(to("sato@nedo.example"));
        assertThat(toTakahashi.getSubject()).isEqualTo("[JCM Flow] Overdue: Carry out study and submit report (LED fishing lights)");
        assertThat(text(toTakahashi)).contains("For: Proponent")
                .contains("https://jcm.example.org/tasks/" + report.getId());
        assertThat(toSato.getSubject()).startsWith("[JCM Flow] 期限超過: 調査の実施と報告書の提出");
        settle();
        assertThat(recipientsOfMailsAbout("LED fishing lights"))
                .containsExactlyInAnyOrder("sato@nedo.example", "takahashi@nedo.example");
        assertThat(tasks.createTaskQuery().taskId(report.getId()).count()).as("still open").isOne();
    }

    @Test
    void theProponentIsToldTheStageGateDecision() throws Exception {
        String caseId = driver.openCase(PROPONENT, "Energy-saving data centre");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", OTHER_PROGRAM_MANAGER);
        MimeMessage decision = awaitMail(to("tanaka@nihon-ecotech.example").and(subjectContains("ステージゲート判定")));
        assertThat(decision.getSubject()).isEqualTo("[JCM Flow] ステージゲート判定（Energy-saving data centre）: 適当");
        assertThat(text(decision)).contains("https://jcm.example.org/cases/" + caseId);
    }

    @Test
    void aPersonMentionedInACommentIsToldByMailWithTheLinkToTheCommentAndNobodyElseIs() throws Exception {
        String caseId = driver.openCase(PROPONENT, "Solar cooling for a cold store");
        awaitMail(to("sato@nedo.example"));
        settle();
        smtp.purgeEmailFromAllMailboxes();
        var written = driver.as(OTHER_PROGRAM_MANAGER).post("/api/cases/" + caseId + "/comments",
                java.util.Map.of("text", "@tanaka please add the cold store's load profile; @takahashi noted."));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        MimeMessage mention = awaitMail(to("tanaka@nihon-ecotech.example"));
        assertThat(mention.getSubject()).isEqualTo("[JCM Flow] takahashiさんがSolar cooling for a cold storeであなたを指名しました");
        assertThat(text(mention)).contains("https://jcm.example.org/cases/" + caseId + "#comment-"
                + written.json().path("id").asText());
        settle();
        assertThat(recipientsOfMailsAbout("Solar cooling for a cold store")).as("not the author, nobody else")
                .containsExactly("tanaka@nihon-ecotech.example");
    }

    @Test
    void aMailServerThatIsDownNeitherFailsNorLosesTheStepAndTheMailIsRetriedLaterWithBackoff() throws Exception {
        String caseId = driver.openCase(PROPONENT, "Fluorocarbon destruction");
        awaitMail(to("sato@nedo.example"));
        settle();
        double failuresBefore = metrics.counter("jcm.mail.failures").count();
        smtp.stop();
        try {
            driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
            assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");
            assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();

            OutboxRow first = awaitOutboxRow(caseId, "tanaka", row -> row.attempts() == 1);
            assertThat(first.lastError()).isNotBlank();
            assertThat(first.sentAt()).isNull();
            assertThat(Duration.between(Instant.now(), first.nextAttemptAt())).as("tried again later, not at once")
                    .isGreaterThan(Duration.ofSeconds(40));
            assertThat(metrics.counter("jcm.mail.failures").count()).as("mail failures counted for operators")
                    .isGreaterThan(failuresBefore);

            // the minute passes, and the server is still down: the next try waits twice as long
            dueNow(caseId);
            OutboxRow second = awaitOutboxRow(caseId, "tanaka", row -> row.attempts() == 2);
            assertThat(Duration.between(Instant.now(), second.nextAttemptAt())).as("twice the first wait")
                    .isGreaterThan(Duration.ofSeconds(100));
        } finally {
            smtp = startSmtp();
        }
        dueNow(caseId);
        MimeMessage delivered = awaitMail(to("tanaka@nihon-ecotech.example"));
        assertThat(delivered.getSubject()).contains("Fluorocarbon destruction");
        OutboxRow sent = awaitOutboxRow(caseId, "tanaka", row -> row.sentAt() != null);
        assertThat(sent.attempts()).isEqualTo(2);
        settle();
        assertThat(recipientsOfMailsAbout("Fluorocarbon destruction")).as("sent once")
                .containsExactly("tanaka@nihon-ecotech.example");
    }

    @Test
    void aNewTaskMailWhoseTaskIsDoneWhenItsTurnComesIsNotSent() throws Exception {
        String caseId = driver.openCase(PROPONENT, "Biomass boiler at a dairy");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        awaitMail(to("tanaka@nihon-ecotech.example"));
        settle();
        smtp.purgeEmailFromAllMailboxes();
        // a mail about the screening that waited in the outbox until after the screening was done
        long id = jdbc.sql("""
                        insert into notification_outbox (kind, case_id, task_id, task_key, task_name, recipient,
                            recipient_name, email, language, created_at, next_attempt_at)
                        values ('NEW_TASK', cast(? as uuid), ?, 'Task_ScreenProposal', 'Screen proposal', 'sato',
                            'Sato', 'sato@nedo.example', 'ja', now(), now())
                        returning id""")
                .params(caseId, screening).query(Long.class).single();
        settle();
        OutboxRow row = jdbc.sql(OUTBOX_ROW + " where id = ?").param(id).query(MailNotificationIT::outboxRow).single();
        assertThat(row.sentAt()).as("not sent").isNull();
        assertThat(row.lastError()).contains("task was done");
        assertThat(recipientsOfMailsAbout("Biomass boiler at a dairy")).isEmpty();
    }

    private Job timer(Task task, String boundaryEvent) {
        Job timer = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                .activityId(boundaryEvent).singleResult();
        assertThat(timer).as(boundaryEvent).isNotNull();
        return timer;
    }

    /** One recipient's row in the outbox. */
    private record OutboxRow(String recipient, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    private static final String OUTBOX_ROW = """
            select recipient, attempts, next_attempt_at, sent_at, last_error from notification_outbox""";

    private static OutboxRow outboxRow(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp(4);
        return new OutboxRow(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                sent == null ? null : sent.toInstant(), rs.getString(5));
    }

    private OutboxRow awaitOutboxRow(String caseId, String recipient, Predicate<OutboxRow> wanted)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            List<OutboxRow> rows = jdbc.sql(OUTBOX_ROW + " where case_id = cast(? as uuid) and recipient = ?")
                    .params(caseId, recipient).query(MailNotificationIT::outboxRow).list();
            for (OutboxRow row : rows) {
                if (wanted.test(row)) {
                    return row;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No such outbox row for " + recipient + " within " + PATIENCE);
    }

    /** Makes the case's waiting mails due now, as if their wait had passed. */
    private void dueNow(String caseId) {
        jdbc.sql("""
                        update notification_outbox set next_attempt_at = now()
                        where case_id = cast(? as uuid) and sent_at is null and skipped_at is null""")
                .param(caseId).update();
    }

    private static MimeMessage awaitMail(Predicate<MimeMessage> wanted) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No such mail within " + PATIENCE + "; received: " + recipientsOfMailsAbout(""));
    }

    /** Waits for the mails due to be sent, so that a mail that should not come has had its chance. */
    private void settle() throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (jdbc.sql("""
                        select count(*) from notification_outbox
                        where sent_at is null and skipped_at is null and next_attempt_at <= now()""")
                .query(Long.class).single() > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
    }

    /** The recipients of the mails received that concern the case (every mail names its case). */
    private static List<String> recipientsOfMailsAbout(String caseTitle) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> text(message).contains(caseTitle))
                .flatMap(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).map(Address::toString);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<MimeMessage> to(String address) {
        return message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(recipient -> recipient.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Predicate<MimeMessage> subjectContains(String text) {
        return message -> {
            try {
                return message.getSubject() != null && message.getSubject().contains(text);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
