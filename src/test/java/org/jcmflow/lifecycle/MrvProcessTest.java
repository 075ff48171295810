package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jcmflow.engine.EngineClock;
import org.jcmflow.mrv.DesignatedTpes;
import org.jcmflow.mrv.JcmDueDates;
import org.jcmflow.mrv.JcmPeriods;
import org.jcmflow.mrv.JcmProcedure;
import org.jcmflow.mrv.MrvRegister;
import org.jcmflow.mrv.PublicInputs;
import org.jcmflow.mrv.ThirdPartyEntities;
import org.jcmflow.testsupport.ProcessTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JCM track as the JCM Project Cycle Procedure runs it: each step a task of the role that does it, the periods
 * of public inputs closed by timers on the engine's clock, and what each step decided in the programme's tables.
 */
@ProcessTest
@Deployment(resources = "bpmn/mrv.bpmn")
class MrvProcessTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final JcmPeriods PERIODS = ProcessTestSupport.configured("jcm.periods", JcmPeriods.class);

    final JdbcTemplate jdbc = new JdbcTemplate(ProcessTestDatabase.dataSource());
    UUID caseId;
    long tpe;

    /** The beans the JCM track's BPMN calls, on the test database and the engine's clock. */
    static void registerJcmBeans(JdbcTemplate jdbc) {
        EngineClock clock = new EngineClock();
        JdbcClient client = JdbcClient.create(jdbc);
        ThirdPartyEntities tpes = new ThirdPartyEntities(client, clock, TOKYO);
        Mocks.register("mrvRegister", new MrvRegister(jdbc, TOKYO, clock));
        Mocks.register("jcmProcedure", new JcmProcedure(client, new PublicInputs(client, PERIODS, clock),
                new DesignatedTpes(tpes, client), clock, TOKYO));
        Mocks.register("jcmDueDates", new JcmDueDates(PERIODS,
                new DueDates(ProcessTestSupport.configuredDeadlines(), clock), jdbc, clock));
    }

    @BeforeEach
    void mrvBeansAndCase() {
        registerJcmBeans(jdbc);
        caseId = UUID.randomUUID();
        jdbc.update("""
                insert into project_case (id, title, partner_country, technology, estimated_reduction_tco2_per_year,
                    budget_million_jpy, fiscal_year, organization, created_by, created_at, stage, stage_entered_at)
                values (?, 'MRV case', 'TH', 'Chillers', 1000, 100, 2016, 'nihon-ecotech', 'tanaka', ?, 'MRV', ?)""",
                caseId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        tpe = jdbc.queryForObject("""
                insert into third_party_entity (name, designated_on, created_at, updated_at)
                values (?, date '2014-01-01', now(), now()) returning id""", Long.class, "TPE " + caseId);
        jdbc.update("insert into third_party_entity_country values (?, 'TH')", tpe);
        jdbc.update("insert into third_party_entity_scope values (?, 3)", tpe);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-mrv", caseId.toString(),
                withVariables("caseId", caseId.toString()));
    }

    private Map<String, Object> methodologyOfCase() {
        return jdbc.queryForMap("""
                select m.title, m.partner_country, m.status, m.reference, m.version, m.jc_decision_date,
                       m.drafted_by_case, m.completeness_outcome
                from methodology m join project_case c on c.methodology_id = m.id where c.id = ?""", caseId);
    }

    private Map<String, Object> monitoringPeriod(int number) {
        return jdbc.queryForMap("select * from monitoring_period where case_id = ? and period_number = ?",
                caseId, number);
    }

    private Map<String, Object> openPeriod() {
        return jdbc.queryForMap("""
                select * from public_input_period where case_id = ? and closed_at is null""", caseId);
    }

    private void propose(ProcessInstance mrv, String title) {
        assertThat(mrv).isWaitingAt("Task_DraftMethodology");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), withVariables("methodologyTitle", title));
    }

    private void checkCompleteness(ProcessInstance mrv, String outcome) {
        assertThat(mrv).isWaitingAt("Task_CheckMethodologyCompleteness");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        Assertions.assertThat(Duration.between(Instant.now(), task(mrv).getDueDate().toInstant()))
                .as("the completeness check's period").isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        complete(task(mrv), withVariables("completenessOutcome", outcome, "completenessNotes", "Checked."));
    }

    /** The period of public inputs runs to its end, by the engine's clock, and its timer closes it. */
    private void publicInputsClose(ProcessInstance mrv, String timer, Duration period) {
        assertThat(mrv).isWaitingAt(timer);
        Map<String, Object> open = openPeriod();
        Assertions.assertThat(Duration.between(((Timestamp) open.get("opens_at")).toInstant(),
                ((Timestamp) open.get("closes_at")).toInstant())).isEqualTo(period);
        Job closing = ProcessTestSupport.timer(mrv, timer);
        Assertions.assertThat(closing.getDuedate().toInstant()).isEqualTo(((Timestamp) open.get("closes_at")).toInstant());
        ProcessTestSupport.fireWhenDue(closing);
        Assertions.assertThat(jdbc.queryForObject("select closed_at from public_input_period where id = ?",
                Timestamp.class, open.get("id"))).isNotNull();
    }

    private void decide(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_DecideMethodology");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        Assertions.assertThat(task(mrv).getDueDate()).as("the JC's consideration period").isAfter(
                java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                        .plus(Duration.ofDays(59))));
        complete(task(mrv), withVariables("methodologyDecision", decision, "methodologyReference", "TH_AM001",
                "methodologyVersion", "Ver01.0"));
    }

    private void proposeAndDecide(ProcessInstance mrv, String decision) {
        propose(mrv, "Chillers in factories (" + decision + ")");
        Assertions.assertThat(methodologyOfCase()).containsEntry("status", "PROPOSED")
                .containsEntry("partner_country", "TH").containsEntry("drafted_by_case", caseId);
        checkCompleteness(mrv, "COMPLETE");
        publicInputsClose(mrv, "Timer_MethodologyPublicInputsClosed", Duration.ofDays(15));
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        decide(mrv, decision);
        Assertions.assertThat(methodologyOfCase()).containsEntry("status", decision)
                .containsEntry("completeness_outcome", "COMPLETE");
        Assertions.assertThat(methodologyOfCase().get("jc_decision_date")).isNotNull();
    }

    private UUID document(String fileName) {
        UUID document = UUID.randomUUID();
        jdbc.update("""
                insert into case_document (id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by,
                    uploaded_at)
                values (?, ?, ?, 'application/pdf', 5, repeat('0', 64), 'tanaka', now())""",
                document, caseId, fileName);
        jdbc.update("insert into case_document_chunk (document_id, position, content) values (?, 0, ?)",
                document, "%PDF-".getBytes(StandardCharsets.US_ASCII));
        return document;
    }

    private Map<String, Object> projectDesign(double japaneseGovernment, double partnerGovernment,
                                              double japaneseParticipant, double partnerParticipant) {
        Map<String, Object> values = new HashMap<>();
        values.put("projectDesignDocument", document("pdd.pdf").toString());
        values.put("sectoralScope", "3");
        values.put("tpeId", String.valueOf(tpe));
        values.put("focalPoint", "Nihon Ecotech Co., Ltd.");
        values.put("focalPointEmail", "jcm@nihon-ecotech.example");
        values.put("japaneseGovernmentSharePercent", japaneseGovernment);
        values.put("partnerGovernmentSharePercent", partnerGovernment);
        values.put("japaneseParticipantSharePercent", japaneseParticipant);
        values.put("partnerParticipant", "Siam Cooling Co., Ltd.");
        values.put("partnerParticipantSharePercent", partnerParticipant);
        return values;
    }

    private void submitProjectDesign(ProcessInstance mrv) {
        assertThat(mrv).isWaitingAt("Task_SubmitProjectDesign");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> offered = (List<Map<String, String>>) taskService()
                .getVariable(task(mrv).getId(), "designatedTpes");
        Assertions.assertThat(offered).contains(Map.of("label", "TPE " + caseId, "value", String.valueOf(tpe)));
        complete(task(mrv), projectDesign(10, 10, 60, 20));
        publicInputsClose(mrv, "Timer_ProjectDesignPublicInputsClosed", Duration.ofDays(30));
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private void validate(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_ValidateProjectDesign");
        assertThat(task(mrv)).hasCandidateGroup("mrv-verifier");
        complete(task(mrv), withVariables("validationDecision", decision));
    }

    private void requestRegistration(ProcessInstance mrv) {
        assertThat(mrv).isWaitingAt("Task_RequestRegistration");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        complete(task(mrv), withVariables("registrationRequestSummary", "Validated; please register."));
        assertThat(mrv).isWaitingAt("Task_RegisterProject");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
    }

    private void register(ProcessInstance mrv, int monitoringPeriods) {
        requestRegistration(mrv);
        complete(task(mrv), withVariables("registrationDecision", "REGISTERED",
                "registrationNumber", "TH" + caseId.toString().substring(0, 6),
                "registrationDate", "2024-03-01", "creditingPeriodStart", "2024-04-01",
                "creditingPeriodEnd", "2030-12-31", "monitoringPeriods", monitoringPeriods));
    }

    private void submitAndVerifyMonitoringReport(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), monitoringReport(1200.5));
        assertThat(mrv).isWaitingAt("Task_VerifyMonitoringReport");
        assertThat(task(mrv)).hasCandidateGroup("mrv-verifier");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), withVariables("verifierTpeId", String.valueOf(tpe), "verificationDecision", decision,
                "verifiedReductionTco2", 1180.25));
    }

    /** The proponent's submission for a period, with its report uploaded on the case first. */
    private Map<String, Object> monitoringReport(double reportedReductionTco2) {
        return withVariables("monitoringPeriodStart", "2024-04-01", "monitoringPeriodEnd", "2025-03-31",
                "reportedReductionTco2", reportedReductionTco2,
                "monitoringReportDocument", document("monitoring-report.pdf").toString());
    }

    private void requestIssuance(ProcessInstance mrv) {
        assertThat(mrv).isWaitingAt("Task_RequestIssuance");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        complete(task(mrv), withVariables("creditsRequestedTco2", 1180.0));
        assertThat(mrv).isWaitingAt("Task_IssueCredits");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
    }

    private void issueCredits(ProcessInstance mrv) {
        requestIssuance(mrv);
        complete(task(mrv), withVariables("issuanceDecision", "ISSUED", "creditsIssuedTco2", 1180.0,
                "issuanceDate", "2025-06-01"));
        assertThat(mrv).isWaitingAt("Task_NotifyGovernments");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        complete(task(mrv), withVariables("japanNotifiedOn", "2025-06-02", "partnerNotifiedOn", "2025-06-03"));
    }

    private ProcessInstance registered(int monitoringPeriods) {
        ProcessInstance mrv = start();
        proposeAndDecide(mrv, "APPROVED");
        submitProjectDesign(mrv);
        validate(mrv, "VALIDATED");
        register(mrv, monitoringPeriods);
        return mrv;
    }

    @Test
    void rejectedMethodologyIsRevisedAndResubmitted() {
        ProcessInstance mrv = start();
        proposeAndDecide(mrv, "REJECTED");
        proposeAndDecide(mrv, "APPROVED");
        assertThat(mrv).isWaitingAt("Task_SubmitProjectDesign").hasNotPassed("Task_ReviseMethodology");
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_DraftMethodology").finished().count()).isEqualTo(2);
        // the rejected proposal stays in the register; the case applies the approved one, with its number and version
        Assertions.assertThat(jdbc.queryForList("select status from methodology where drafted_by_case = ? order by id",
                String.class, caseId)).containsExactly("REJECTED", "APPROVED");
        Assertions.assertThat(methodologyOfCase()).containsEntry("title", "Chillers in factories (APPROVED)")
                .containsEntry("reference", "TH_AM001").containsEntry("version", "Ver01.0");
        Assertions.assertThat(jdbc.queryForObject("""
                select count(*) from public_input_period where case_id = ? and subject = 'METHODOLOGY'
                and closed_at is not null""", Integer.class, caseId)).isEqualTo(2);
    }

    @Test
    void incompleteMethodologyGoesBackToTheProponentWithoutPublicInputs() {
        ProcessInstance mrv = start();
        propose(mrv, "Chillers, first draft");
        checkCompleteness(mrv, "INCOMPLETE");
        assertThat(mrv).isWaitingAt("Task_DraftMethodology").hasNotPassed("Timer_MethodologyPublicInputsClosed");
        Assertions.assertThat(jdbc.queryForMap("""
                select status, completeness_outcome from methodology where drafted_by_case = ?""", caseId))
                .containsEntry("status", "DRAFTED").containsEntry("completeness_outcome", "INCOMPLETE");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from public_input_period where case_id = ?",
                Integer.class, caseId)).isZero();
    }

    @Test
    void approvedMethodologyOfThePartnerCountryIsAppliedWithoutTheJointCommittee() {
        Long approved = jdbc.queryForObject("""
                insert into methodology (title, partner_country, status, reference, version, jc_decision_date,
                                         created_at, updated_at)
                values ('Chillers in factories', 'TH', 'APPROVED', 'TH_AM077', 'Ver01.0', date '2020-05-01', now(),
                        now())
                returning id""", Long.class);
        jdbc.update("""
                insert into methodology (title, partner_country, status, created_at, updated_at)
                values ('Rejected elsewhere', 'TH', 'REJECTED', now(), now())""");
        ProcessInstance mrv = start();
        assertThat(mrv).isWaitingAt("Task_DraftMethodology");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> offered =
                (List<Map<String, String>>) taskService().getVariable(task(mrv).getId(), "approvedMethodologies");
        Assertions.assertThat(offered).contains(Map.of("label", "TH_AM077: Chillers in factories",
                "value", String.valueOf(approved)));
        Assertions.assertThat(offered).extracting(option -> option.get("label")).doesNotContain("Rejected elsewhere");

        complete(task(mrv), withVariables("methodologyChoice", "REUSE_APPROVED", "reusedMethodology",
                String.valueOf(approved)));
        assertThat(mrv).isWaitingAt("Task_SubmitProjectDesign")
                .hasNotPassed("Task_CheckMethodologyCompleteness", "Task_DecideMethodology");
        Assertions.assertThat(jdbc.queryForObject("select methodology_id from project_case where id = ?", Long.class,
                caseId)).isEqualTo(approved);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from methodology where drafted_by_case = ?",
                Integer.class, caseId)).isZero();
    }

    @Test
    void methodologyApprovedWithRevisionsIsRevisedBeforeThePdd() {
        ProcessInstance mrv = start();
        proposeAndDecide(mrv, "APPROVED_WITH_REVISIONS");
        assertThat(mrv).isWaitingAt("Task_ReviseMethodology");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv));
        assertThat(mrv).isWaitingAt("Task_SubmitProjectDesign")
                .hasPassedInOrder("Task_DecideMethodology", "Task_ReviseMethodology", "Gateway_MethodologyReady");
    }

    @Test
    void thePddIsPublishedForPublicInputsWithItsMocStatementThenValidated() {
        ProcessInstance mrv = start();
        proposeAndDecide(mrv, "APPROVED");
        submitProjectDesign(mrv);
        Assertions.assertThat(jdbc.queryForMap("select sectoral_scope, tpe_id, focal_point from project_design "
                + "where case_id = ?", caseId)).containsEntry("sectoral_scope", 3).containsEntry("tpe_id", tpe)
                .containsEntry("focal_point", "Nihon Ecotech Co., Ltd.");
        Assertions.assertThat(jdbc.queryForList("""
                select account_kind || ' ' || holder || ' ' || share_percent from credit_allocation where case_id = ?
                order by account_kind""", String.class, caseId)).containsExactly(
                "JAPANESE_GOVERNMENT Government of Japan 10.00", "JAPANESE_PARTICIPANT nihon-ecotech 60.00",
                "PARTNER_GOVERNMENT Government of Thailand 10.00", "PARTNER_PARTICIPANT Siam Cooling Co., Ltd. 20.00");
        validate(mrv, "CORRECTIONS_REQUIRED");
        assertThat(mrv).isWaitingAt("Task_CorrectProjectDesign");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv));
        validate(mrv, "VALIDATED");
        assertThat(mrv).isWaitingAt("Task_RequestRegistration");
        Assertions.assertThat(jdbc.queryForObject("select validation_outcome from project_design where case_id = ?",
                String.class, caseId)).isEqualTo("VALIDATED");
    }

    @Test
    void everyMonitoringPeriodIsVerifiedRequestedIssuedAndSharedAmongTheAccounts() {
        ProcessInstance mrv = registered(2);
        Assertions.assertThat(jdbc.queryForMap("""
                select registration_number, registered_on, crediting_period_start, crediting_period_end
                from project_registration where case_id = ?""", caseId))
                .containsEntry("crediting_period_start", java.sql.Date.valueOf("2024-04-01"));
        assertThat(mrv).variables().containsEntry("monitoringPeriod", 1L);
        submitAndVerifyMonitoringReport(mrv, "REVISION_REQUIRED");
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport").variables().containsEntry("monitoringPeriod", 1L);
        submitAndVerifyMonitoringReport(mrv, "VERIFIED");
        issueCredits(mrv);
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport").variables().containsEntry("monitoringPeriod", 2L);
        submitAndVerifyMonitoringReport(mrv, "VERIFIED");
        issueCredits(mrv);
        assertThat(mrv).hasPassed("End_MrvCompleted").isEnded();
        Map<String, Object> first = monitoringPeriod(1);
        Assertions.assertThat(first).containsEntry("corrections_requested", 1)
                .containsEntry("verification_outcome", "VERIFIED")
                .containsEntry("monitored_reduction_tco2", new BigDecimal("1200.50"))
                .containsEntry("verified_reduction_tco2", new BigDecimal("1180.25"))
                .containsEntry("issuance_requested_tco2", new BigDecimal("1180.00"))
                .containsEntry("credits_issued_tco2", new BigDecimal("1180.00"))
                .containsEntry("japan_notified_on", java.sql.Date.valueOf("2025-06-02"));
        Assertions.assertThat(monitoringPeriod(2)).containsEntry("corrections_requested", 0);
        // 10 / 10 / 60 / 20 percent of 1,180 credits, in each of the two periods
        Assertions.assertThat(jdbc.queryForList("""
                select registry || ' ' || account_kind || ' ' || sum(credits_tco2) from registry_entry
                where case_id = ? group by registry, account_kind order by account_kind""", String.class, caseId))
                .containsExactly("JAPAN JAPANESE_GOVERNMENT 236.00", "JAPAN JAPANESE_PARTICIPANT 1416.00",
                        "PARTNER PARTNER_GOVERNMENT 236.00", "PARTNER PARTNER_PARTICIPANT 472.00");
    }

    @Test
    void aRegistrationTheJointCommitteeRejectsOrSendsBackIsRevisedAndRequestedAgain() {
        ProcessInstance mrv = start();
        proposeAndDecide(mrv, "APPROVED");
        submitProjectDesign(mrv);
        validate(mrv, "VALIDATED");
        requestRegistration(mrv);
        complete(task(mrv), withVariables("registrationDecision", "REJECTED",
                "registrationDecisionReason", "The reference scenario is not the methodology's."));
        assertThat(mrv).isWaitingAt("Task_RequestRegistration").hasNotPassed("Task_SubmitMonitoringReport");
        Assertions.assertThat(jdbc.queryForMap("""
                select registration_number, registered_on from project_registration where case_id = ?""", caseId))
                .as("nothing registered").containsEntry("registration_number", null)
                .containsEntry("registered_on", null);
        requestRegistration(mrv);
        complete(task(mrv), withVariables("registrationDecision", "REVISION_REQUESTED",
                "registrationDecisionReason", "State the crediting period in the PDD."));
        assertThat(mrv).isWaitingAt("Task_RequestRegistration");
        register(mrv, 1);
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport").variables().containsEntry("monitoringPeriod", 1L);
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(mrv.getId())
                .taskDefinitionKey("Task_RequestRegistration").finished().count()).isEqualTo(3);
        Assertions.assertThat(jdbc.queryForObject("select registration_number from project_registration "
                + "where case_id = ?", String.class, caseId)).startsWith("TH");
    }

    @Test
    void anIssuanceTheJointCommitteeRejectsOrSendsBackIsRevisedAndRequestedAgain() {
        ProcessInstance mrv = registered(1);
        submitAndVerifyMonitoringReport(mrv, "VERIFIED");
        requestIssuance(mrv);
        complete(task(mrv), withVariables("issuanceDecision", "REJECTED",
                "issuanceDecisionReason", "The emission factor of the grid is out of date."));
        assertThat(mrv).isWaitingAt("Task_RequestIssuance").hasNotPassed("Task_NotifyGovernments");
        Assertions.assertThat(monitoringPeriod(1)).as("nothing issued").containsEntry("credits_issued_tco2", null);
        requestIssuance(mrv);
        complete(task(mrv), withVariables("issuanceDecision", "REVISION_REQUESTED",
                "issuanceDecisionReason", "Round the request down to whole tonnes."));
        assertThat(mrv).isWaitingAt("Task_RequestIssuance");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from registry_entry where case_id = ?",
                Integer.class, caseId)).isZero();
        issueCredits(mrv);
        assertThat(mrv).isEnded();
        Assertions.assertThat(monitoringPeriod(1)).containsEntry("credits_issued_tco2", new BigDecimal("1180.00"));
        Assertions.assertThat(jdbc.queryForObject("select sum(credits_tco2) from registry_entry where case_id = ?",
                BigDecimal.class, caseId)).isEqualByComparingTo("1180");
    }

    @Test
    void everyLateStepIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance mrv = start();
        ProcessTestSupport.remindThenEscalate(mrv, "Task_DraftMethodology", deadlines);
        complete(task(mrv), withVariables("methodologyTitle", "Chillers in factories"));
        // seven days to check: the reminder halfway
        ProcessTestSupport.remindThenEscalate(mrv, "Task_CheckMethodologyCompleteness", deadlines,
                Duration.ofHours(84));
        complete(task(mrv), withVariables("completenessOutcome", "COMPLETE", "completenessNotes", "Checked."));
        ProcessTestSupport.fireWhenDue(ProcessTestSupport.timer(mrv, "Timer_MethodologyPublicInputsClosed"));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_DecideMethodology", deadlines);
        complete(task(mrv), withVariables("methodologyDecision", "APPROVED_WITH_REVISIONS",
                "methodologyReference", "TH_AM002", "methodologyVersion", "Ver01.0"));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_ReviseMethodology", deadlines);
        complete(task(mrv));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_SubmitProjectDesign", deadlines);
        complete(task(mrv), projectDesign(50, 0, 50, 0));
        ProcessTestSupport.fireWhenDue(ProcessTestSupport.timer(mrv, "Timer_ProjectDesignPublicInputsClosed"));
        validate(mrv, "CORRECTIONS_REQUIRED");
        ProcessTestSupport.remindThenEscalate(mrv, "Task_CorrectProjectDesign", deadlines);
        complete(task(mrv));
        validate(mrv, "VALIDATED");
        register(mrv, 1);
        ProcessTestSupport.remindThenEscalate(mrv, "Task_SubmitMonitoringReport", deadlines);
        complete(task(mrv), monitoringReport(1100.0));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_VerifyMonitoringReport", deadlines);
        Assertions.assertThat(deadlines.sent()).hasSize(16);
    }
}
