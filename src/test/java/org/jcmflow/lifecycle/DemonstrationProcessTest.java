package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@ProcessTest
@Deployment(resources = "bpmn/demonstration.bpmn")
class DemonstrationProcessTest {

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-demonstration", "case-1",
                withVariables("caseId", "case-1", "mouSignedDate", "2025-06-30"));
    }

    private ProcessInstance startedAndCommissioned() {
        ProcessInstance demonstration = start();
        complete(task(demonstration));
        complete(task(demonstration));
        return demonstration;
    }

    private void submitProgressReport(ProcessInstance demonstration, String decision) {
        assertThat(demonstration).isWaitingAt("Task_SubmitProgressReport");
        assertThat(task(demonstration)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(demonstration).getDueDate()).isInTheFuture();
        complete(task(demonstration));
        assertThat(demonstration).isWaitingAt("Task_ReviewProgressReport");
        assertThat(task(demonstration)).hasCandidateGroup("program-manager");
        complete(task(demonstration), withVariables("progressDecision", decision));
    }

    private void submitFinalReport(ProcessInstance demonstration, String decision) {
        assertThat(demonstration).isWaitingAt("Task_SubmitFinalReport");
        assertThat(task(demonstration)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(demonstration).getDueDate()).isInTheFuture();
        complete(task(demonstration));
        assertThat(demonstration).isWaitingAt("Task_ReviewFinalReport");
        assertThat(task(demonstration)).hasCandidateGroup("program-manager");
        complete(task(demonstration), withVariables("finalReportDecision", decision));
    }

    private static long finishedTasks(String taskKey) {
        return historyService().createHistoricTaskInstanceQuery().taskDefinitionKey(taskKey).finished().count();
    }

    @Test
    void installationIsTheFirstStepOnceTheMouIsSigned() {
        ProcessInstance demonstration = start();
        assertThat(demonstration).isWaitingAtExactly("Task_InstallTechnology")
                .variables().containsEntry("mouSignedDate", "2025-06-30");
        assertThat(task(demonstration)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(demonstration).getDueDate()).isInTheFuture();
        complete(task(demonstration));
        assertThat(demonstration).isWaitingAtExactly("Task_CommissionTechnology");
        assertThat(task(demonstration)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(demonstration).getDueDate()).isInTheFuture();
        complete(task(demonstration));
        assertThat(demonstration).isWaitingAtExactly("Task_SubmitProgressReport")
                .hasPassedInOrder("Start_Demonstration", "Task_InstallTechnology", "Task_CommissionTechnology");
    }

    @Test
    void progressReportsRepeatUntilOperationIsComplete() {
        ProcessInstance demonstration = startedAndCommissioned();
        submitProgressReport(demonstration, "CONTINUE_OPERATION");
        submitProgressReport(demonstration, "REVISION_REQUESTED");
        submitProgressReport(demonstration, "READY_FOR_FINAL_REPORT");
        Assertions.assertThat(finishedTasks("Task_ReviewProgressReport")).isEqualTo(3);
        submitFinalReport(demonstration, "ACCEPTED");
        assertThat(demonstration)
                .hasPassedInOrder("Task_CommissionTechnology", "Task_SubmitProgressReport", "Task_SubmitFinalReport",
                        "Task_ReviewFinalReport", "End_DemonstrationCompleted")
                .isEnded();
    }

    @Test
    void finalReportReturnedForRevisionIsSubmittedAgain() {
        ProcessInstance demonstration = startedAndCommissioned();
        submitProgressReport(demonstration, "READY_FOR_FINAL_REPORT");
        submitFinalReport(demonstration, "REVISION_REQUESTED");
        assertThat(demonstration).isNotEnded();
        submitFinalReport(demonstration, "ACCEPTED");
        Assertions.assertThat(finishedTasks("Task_SubmitFinalReport")).isEqualTo(2);
        assertThat(demonstration).hasPassed("End_DemonstrationCompleted").isEnded();
    }

    @Test
    void everyLateDemonstrationStepIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance demonstration = start();
        ProcessTestSupport.remindThenEscalate(demonstration, "Task_InstallTechnology", deadlines);
        complete(task(demonstration));
        ProcessTestSupport.remindThenEscalate(demonstration, "Task_CommissionTechnology", deadlines);
        complete(task(demonstration));
        ProcessTestSupport.remindThenEscalate(demonstration, "Task_SubmitProgressReport", deadlines);
        complete(task(demonstration));
        complete(task(demonstration), withVariables("progressDecision", "READY_FOR_FINAL_REPORT"));
        ProcessTestSupport.remindThenEscalate(demonstration, "Task_SubmitFinalReport", deadlines);
        Assertions.assertThat(deadlines.sent()).hasSize(8);
        submitFinalReport(demonstration, "ACCEPTED");
        assertThat(demonstration).hasPassed("End_InstallTechnologyEscalated", "End_SubmitFinalReportReminded").isEnded();
    }
}
