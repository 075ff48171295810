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
@Deployment(resources = "bpmn/pre-demonstration-survey.bpmn")
class PreDemonstrationSurveyProcessTest {

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-pre-demonstration-survey", "case-1",
                withVariables("caseId", "case-1"));
    }

    @Test
    void acceptedSurveyIsReadyForTheStageGate() {
        ProcessInstance survey = start();
        assertThat(survey).isWaitingAt("Task_SubmitSurveyResults");
        assertThat(task(survey)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(survey).getDueDate()).isInTheFuture();
        complete(task(survey));
        assertThat(survey).isWaitingAt("Task_ReviewSurveyResults");
        assertThat(task(survey)).hasCandidateGroup("program-manager");
        complete(task(survey), withVariables("surveyReviewDecision", "ACCEPTED"));
        assertThat(survey)
                .hasPassedInOrder("Task_SubmitSurveyResults", "Task_ReviewSurveyResults", "End_SurveyAccepted")
                .isEnded();
    }

    @Test
    void surveyReturnedForRevisionIsSubmittedAgain() {
        ProcessInstance survey = start();
        complete(task(survey));
        complete(task(survey), withVariables("surveyReviewDecision", "REVISION_REQUESTED"));
        assertThat(survey).isWaitingAt("Task_SubmitSurveyResults");
        assertThat(task(survey)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(survey).getDueDate()).isInTheFuture();
        complete(task(survey));
        assertThat(survey).isWaitingAt("Task_ReviewSurveyResults");
        complete(task(survey), withVariables("surveyReviewDecision", "ACCEPTED"));
        assertThat(survey).hasPassed("End_SurveyAccepted").isEnded();
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_SubmitSurveyResults").finished().count()).isEqualTo(2);
    }

    @Test
    void lateSurveyResultsAreRemindedThenEscalatedAndStayOpen(RecordingDeadlines deadlines) {
        ProcessInstance survey = start();
        ProcessTestSupport.remindThenEscalate(survey, "Task_SubmitSurveyResults", deadlines);
        Assertions.assertThat(deadlines.sent()).containsExactly("reminder Task_SubmitSurveyResults",
                "escalation Task_SubmitSurveyResults");
        assertThat(survey).isWaitingAt("Task_SubmitSurveyResults");
    }
}
