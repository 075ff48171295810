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
@Deployment(resources = "bpmn/follow-up.bpmn")
class FollowUpProcessTest {

    static final int YEARS = 5;

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-follow-up", "case-1", withVariables("caseId", "case-1"));
    }

    private void submitReportOfYear(ProcessInstance followUp, int year) {
        assertThat(followUp).isWaitingAt("Task_SubmitDisseminationReport");
        assertThat(task(followUp)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(followUp).getDueDate()).isInTheFuture();
        Assertions.assertThat(runtimeService().getVariable(task(followUp).getExecutionId(), "loopCounter"))
                .isEqualTo(year - 1);
        complete(task(followUp));
    }

    private void reviewReport(ProcessInstance followUp, String decision) {
        assertThat(followUp).isWaitingAt("Task_ReviewDisseminationReport");
        assertThat(task(followUp)).hasCandidateGroup("program-manager");
        complete(task(followUp), withVariables("disseminationReviewDecision", decision));
    }

    private void reportYear(ProcessInstance followUp, int year) {
        submitReportOfYear(followUp, year);
        reviewReport(followUp, "ACCEPTED");
    }

    private void reportYearAfterOneRevision(ProcessInstance followUp, int year) {
        submitReportOfYear(followUp, year);
        reviewReport(followUp, "REVISION_REQUESTED");
        reportYear(followUp, year);
    }

    private static long finishedTasks(String taskKey) {
        return historyService().createHistoricTaskInstanceQuery().taskDefinitionKey(taskKey).finished().count();
    }

    private static long yearsReported() {
        return historyService().createHistoricActivityInstanceQuery().activityId("End_FollowUpYear").finished().count();
    }

    @Test
    void fiveAcceptedYearlyReportsCompleteTheFollowUp() {
        ProcessInstance followUp = start();
        reportYear(followUp, 1);
        reportYear(followUp, 2);
        reportYear(followUp, 3);
        reportYear(followUp, 4);
        assertThat(followUp).isNotEnded().isWaitingAt("Task_SubmitDisseminationReport");
        reportYear(followUp, 5);
        Assertions.assertThat(finishedTasks("Task_ReviewDisseminationReport")).isEqualTo(YEARS);
        Assertions.assertThat(yearsReported()).isEqualTo(YEARS);
        assertThat(followUp).hasPassedInOrder("SubProcess_FollowUpYear", "End_FollowUpCompleted").isEnded();
    }

    @Test
    void reportReturnedForRevisionIsResubmittedWithinTheSameYear() {
        ProcessInstance followUp = start();
        reportYear(followUp, 1);
        reportYear(followUp, 2);
        reportYearAfterOneRevision(followUp, 3);
        reportYear(followUp, 4);
        reportYear(followUp, 5);
        Assertions.assertThat(finishedTasks("Task_SubmitDisseminationReport")).isEqualTo(YEARS + 1);
        Assertions.assertThat(finishedTasks("Task_ReviewDisseminationReport")).isEqualTo(YEARS + 1);
        Assertions.assertThat(yearsReported()).isEqualTo(YEARS);
        assertThat(followUp).hasPassed("End_FollowUpCompleted").isEnded();
    }

    @Test
    void aLateDisseminationReportIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance followUp = start();
        ProcessTestSupport.remindThenEscalate(followUp, "Task_SubmitDisseminationReport", deadlines);
        Assertions.assertThat(deadlines.sent()).containsExactly("reminder Task_SubmitDisseminationReport",
                "escalation Task_SubmitDisseminationReport");
        assertThat(followUp).isWaitingAt("Task_SubmitDisseminationReport");
    }
}
