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
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.jcmflow.engine.EngineClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jcmflow.mrv.MrvRegister;
import org.jcmflow.testsupport.ProcessTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcessTest
@Deployment(resources = "bpmn/mrv.bpmn")
class MrvProcessTest {

    final JdbcTemplate jdbc = new JdbcTemplate(ProcessTestDatabase.dataSource());
    UUID caseId;

    @BeforeEach
    void mrvRegisterAndCase() {
        Mocks.register("mrvRegister", new MrvRegister(jdbc, ZoneId.of("Asia/Tokyo"), new EngineClock()));
        caseId = UUID.randomUUID();
        jdbc.update("""
                insert into project_case (id, title, partner_country, technology, estimated_reduction_tco2_per_year,
                    budget_million_jpy, fiscal_year, organization, created_by, created_at, stage, stage_entered_at)
                values (?, 'MRV case', 'TH', 'Chillers', 1000, 100, 2016, 'nihon-ecotech', 'tanaka', ?, 'MRV', ?)""",
                caseId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-mrv", caseId.toString(),
                withVariables("caseId", caseId.toString()));
    }

    private Map<String, Object> methodologyOfCase() {
        return jdbc.queryForMap("""
                select m.title, m.partner_country, m.status, m.jc_decision_date, m.drafted_by_case
                from methodology m join project_case c on c.methodology_id = m.id where c.id = ?""", caseId);
    }

    private Map<String, Object> monitoringPeriod(int number) {
        return jdbc.queryForMap("select * from monitoring_period where case_id = ? and period_number = ?",
                caseId, number);
    }

    private void draftAndDecide(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_DraftMethodology");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), withVariables("methodologyTitle", "Chillers in factories (" + decision + ")"));
        assertThat(mrv).isWaitingAt("Task_DecideMethodology");
        Assertions.assertThat(methodologyOfCase()).containsEntry("status", "PROPOSED")
                .containsEntry("partner_country", "TH").containsEntry("drafted_by_case", caseId);
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        complete(task(mrv), withVariables("methodologyDecision", decision, "methodologyReference", "TH_AM001"));
        Assertions.assertThat(methodologyOfCase()).containsEntry("status", decision);
        Assertions.assertThat(methodologyOfCase().get("jc_decision_date")).isNotNull();
    }

    private void validate(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_ValidateProjectDesign");
        assertThat(task(mrv)).hasCandidateGroup("mrv-verifier");
        complete(task(mrv), withVariables("validationDecision", decision));
    }

    private void register(ProcessInstance mrv, int monitoringPeriods) {
        assertThat(mrv).isWaitingAt("Task_RegisterProject");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        complete(task(mrv), withVariables("monitoringPeriods", monitoringPeriods));
    }

    private void submitAndVerifyMonitoringReport(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), monitoringReport(1200.5));
        assertThat(mrv).isWaitingAt("Task_VerifyMonitoringReport");
        assertThat(task(mrv)).hasCandidateGroup("mrv-verifier");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), withVariables("verificationDecision", decision, "verifiedReductionTco2", 1180.25));
    }

    /** The proponent's submission for a period, with its report uploaded on the case first. */
    private Map<String, Object> monitoringReport(double reportedReductionTco2) {
        UUID document = UUID.randomUUID();
        jdbc.update("""
                insert into case_document (id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by,
                    uploaded_at)
                values (?, ?, 'monitoring-report.pdf', 'application/pdf', 5, repeat('0', 64), 'tanaka', now())""",
                document, caseId);
        jdbc.update("insert into case_document_chunk (document_id, position, content) values (?, 0, ?)",
                document, "%PDF-".getBytes(StandardCharsets.US_ASCII));
        return withVariables("monitoringPeriodStart", "2024-04-01", "monitoringPeriodEnd", "2025-03-31",
                "reportedReductionTco2", reportedReductionTco2, "monitoringReportDocument", document.toString());
    }

    private void issueCredits(ProcessInstance mrv) {
        assertThat(mrv).isWaitingAt("Task_IssueCredits");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        complete(task(mrv), withVariables("creditsIssuedTco2", 1180.0, "issuanceDate", "2025-06-01"));
    }

    private ProcessInstance registered(int monitoringPeriods) {
        ProcessInstance mrv = start();
        draftAndDecide(mrv, "APPROVED");
        validate(mrv, "VALIDATED");
        register(mrv, monitoringPeriods);
        return mrv;
    }

    @Test
    void rejectedMethodologyIsRedrafted() {
        ProcessInstance mrv = start();
        draftAndDecide(mrv, "REJECTED");
        draftAndDecide(mrv, "APPROVED");
        assertThat(mrv).isWaitingAt("Task_ValidateProjectDesign").hasNotPassed("Task_ReviseMethodology");
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_DraftMethodology").finished().count()).isEqualTo(2);
        // the rejected draft stays in the register; the case applies the approved one
        Assertions.assertThat(jdbc.queryForList("select status from methodology where drafted_by_case = ? order by id",
                String.class, caseId)).containsExactly("REJECTED", "APPROVED");
        Assertions.assertThat(methodologyOfCase()).containsEntry("title", "Chillers in factories (APPROVED)");
    }

    @Test
    void approvedMethodologyOfThePartnerCountryIsAppliedWithoutADecision() {
        Long approved = jdbc.queryForObject("""
                insert into methodology (title, partner_country, status, reference, jc_decision_date, created_at,
                                         updated_at)
                values ('Chillers in factories', 'TH', 'APPROVED', 'TH_AM077', date '2020-05-01', now(), now())
                returning id""", Long.class);
        jdbc.update("""
                insert into methodology (title, partner_country, status, created_at, updated_at)
                values ('Rejected elsewhere', 'TH', 'REJECTED', now(), now())""");
        ProcessInstance mrv = start();
        assertThat(mrv).isWaitingAt("Task_DraftMethodology");
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, String>> offered =
                (java.util.List<Map<String, String>>) taskService().getVariable(task(mrv).getId(), "approvedMethodologies");
        Assertions.assertThat(offered).contains(Map.of("label", "TH_AM077: Chillers in factories",
                "value", String.valueOf(approved)));
        Assertions.assertThat(offered).extracting(option -> option.get("label")).doesNotContain("Rejected elsewhere");

        complete(task(mrv), withVariables("methodologyChoice", "REUSE_APPROVED", "reusedMethodology",
                String.valueOf(approved)));
        assertThat(mrv).isWaitingAt("Task_ValidateProjectDesign").hasNotPassed("Task_DecideMethodology");
        Assertions.assertThat(jdbc.queryForObject("select methodology_id from project_case where id = ?", Long.class,
                caseId)).isEqualTo(approved);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from methodology where drafted_by_case = ?",
                Integer.class, caseId)).isZero();
    }

    @Test
    void methodologyApprovedWithRevisionsIsRevisedBeforeValidation() {
        ProcessInstance mrv = start();
        draftAndDecide(mrv, "APPROVED_WITH_REVISIONS");
        assertThat(mrv).isWaitingAt("Task_ReviseMethodology");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv));
        assertThat(mrv).isWaitingAt("Task_ValidateProjectDesign")
                .hasPassedInOrder("Task_DecideMethodology", "Task_ReviseMethodology", "Gateway_MethodologyReady");
    }

    @Test
    void approvedMethodologyGoesStraightToValidation() {
        ProcessInstance mrv = start();
        draftAndDecide(mrv, "APPROVED");
        assertThat(mrv).isWaitingAt("Task_ValidateProjectDesign")
                .hasPassed("Gateway_MethodologyReady")
                .hasNotPassed("Task_ReviseMethodology");
    }

    @Test
    void projectDesignNeedingCorrectionsIsValidatedAgain() {
        ProcessInstance mrv = start();
        draftAndDecide(mrv, "APPROVED");
        validate(mrv, "CORRECTIONS_REQUIRED");
        assertThat(mrv).isWaitingAt("Task_CorrectProjectDesign");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv));
        validate(mrv, "VALIDATED");
        assertThat(mrv).isWaitingAt("Task_RegisterProject");
    }

    @Test
    void everyMonitoringPeriodIsVerifiedAndCredited() {
        ProcessInstance mrv = registered(2);
        assertThat(mrv).variables().containsEntry("monitoringPeriod", 1L);
        submitAndVerifyMonitoringReport(mrv, "REVISION_REQUIRED");
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport").variables().containsEntry("monitoringPeriod", 1L);
        submitAndVerifyMonitoringReport(mrv, "VERIFIED");
        issueCredits(mrv);
        assertThat(mrv).isWaitingAt("Task_SubmitMonitoringReport").variables().containsEntry("monitoringPeriod", 2L);
        submitAndVerifyMonitoringReport(mrv, "VERIFIED");
        issueCredits(mrv);
        assertThat(mrv).hasPassed("End_MrvCompleted").isEnded();
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_IssueCredits").finished().count()).isEqualTo(2);
        Map<String, Object> first = monitoringPeriod(1);
        Assertions.assertThat(first).containsEntry("corrections_requested", 1)
                .containsEntry("verification_outcome", "VERIFIED")
                .containsEntry("monitored_reduction_tco2", new BigDecimal("1200.50"))
                .containsEntry("verified_reduction_tco2", new BigDecimal("1180.25"))
                .containsEntry("credits_issued_tco2", new BigDecimal("1180.00"));
        Assertions.assertThat(first.get("monitoring_report_document")).as("the resubmitted report")
                .isEqualTo(jdbc.queryForObject("""
                        select id from case_document where case_id = ? order by uploaded_at limit 1 offset 1""",
                        UUID.class, caseId));
        Assertions.assertThat(monitoringPeriod(2)).containsEntry("corrections_requested", 0)
                .containsEntry("verification_outcome", "VERIFIED");
    }

    @Test
    void singleMonitoringPeriodEndsAfterItsCredits() {
        ProcessInstance mrv = registered(1);
        submitAndVerifyMonitoringReport(mrv, "VERIFIED");
        issueCredits(mrv);
        assertThat(mrv)
                .hasPassedInOrder("Task_RegisterProject", "Task_SubmitMonitoringReport", "Task_VerifyMonitoringReport",
                        "Task_IssueCredits", "End_MrvCompleted")
                .isEnded()
                .variables().containsEntry("monitoringPeriod", 1L);
    }

    @Test
    void everyLateMrvStepIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance mrv = start();
        ProcessTestSupport.remindThenEscalate(mrv, "Task_DraftMethodology", deadlines);
        complete(task(mrv), withVariables("methodologyTitle", "Chillers in factories"));
        complete(task(mrv), withVariables("methodologyDecision", "APPROVED_WITH_REVISIONS",
                "methodologyReference", "TH_AM002"));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_ReviseMethodology", deadlines);
        complete(task(mrv));
        validate(mrv, "CORRECTIONS_REQUIRED");
        ProcessTestSupport.remindThenEscalate(mrv, "Task_CorrectProjectDesign", deadlines);
        complete(task(mrv));
        validate(mrv, "VALIDATED");
        register(mrv, 1);
        ProcessTestSupport.remindThenEscalate(mrv, "Task_SubmitMonitoringReport", deadlines);
        complete(task(mrv), monitoringReport(1100.0));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_VerifyMonitoringReport", deadlines);
        Assertions.assertThat(deadlines.sent()).hasSize(10);
    }
}
