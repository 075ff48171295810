package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/mrv.bpmn")
class MrvProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

    RecordingDeadlines deadlines;

    @BeforeEach
    void beans() {
        ProcessTestSupport.registerBeans();
        deadlines = ProcessTestSupport.registerDeadlines();
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-mrv", "case-1", withVariables("caseId", "case-1"));
    }

    private void draftAndDecide(ProcessInstance mrv, String decision) {
        assertThat(mrv).isWaitingAt("Task_DraftMethodology");
        assertThat(task(mrv)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv));
        assertThat(mrv).isWaitingAt("Task_DecideMethodology");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        complete(task(mrv), withVariables("methodologyDecision", decision));
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
        complete(task(mrv));
        assertThat(mrv).isWaitingAt("Task_VerifyMonitoringReport");
        assertThat(task(mrv)).hasCandidateGroup("mrv-verifier");
        Assertions.assertThat(task(mrv).getDueDate()).isInTheFuture();
        complete(task(mrv), withVariables("verificationDecision", decision));
    }

    private void issueCredits(ProcessInstance mrv) {
        assertThat(mrv).isWaitingAt("Task_IssueCredits");
        assertThat(task(mrv)).hasCandidateGroup("joint-committee");
        complete(task(mrv));
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
    void everyLateMrvStepIsRemindedThenEscalatedAndStaysOpen() {
        ProcessInstance mrv = start();
        ProcessTestSupport.remindThenEscalate(mrv, "Task_DraftMethodology", deadlines);
        complete(task(mrv));
        complete(task(mrv), withVariables("methodologyDecision", "APPROVED_WITH_REVISIONS"));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_ReviseMethodology", deadlines);
        complete(task(mrv));
        validate(mrv, "CORRECTIONS_REQUIRED");
        ProcessTestSupport.remindThenEscalate(mrv, "Task_CorrectProjectDesign", deadlines);
        complete(task(mrv));
        validate(mrv, "VALIDATED");
        register(mrv, 1);
        ProcessTestSupport.remindThenEscalate(mrv, "Task_SubmitMonitoringReport", deadlines);
        complete(task(mrv));
        ProcessTestSupport.remindThenEscalate(mrv, "Task_VerifyMonitoringReport", deadlines);
        Assertions.assertThat(deadlines.sent()).hasSize(10);
    }
}
