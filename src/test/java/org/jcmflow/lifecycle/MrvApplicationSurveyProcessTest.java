package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@ProcessTest
@Deployment(resources = "bpmn/mrv-application-survey.bpmn")
class MrvApplicationSurveyProcessTest {

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-mrv-application-survey", "case-1",
                withVariables("caseId", "case-1"));
    }

    private void submitAndReview(ProcessInstance survey, String decision) {
        assertThat(survey).isWaitingAt("Task_SubmitMrvApplicationSurvey");
        assertThat(task(survey)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(survey).getDueDate()).isInTheFuture();
        complete(task(survey));
        assertThat(survey).isWaitingAt("Task_ReviewMrvApplicationSurvey");
        assertThat(task(survey)).hasCandidateGroup("program-manager");
        complete(task(survey), withVariables("mrvApplicationDecision", decision));
    }

    @Test
    void acceptedSurveyProceedsToMrv() {
        ProcessInstance survey = start();
        submitAndReview(survey, "PROCEED_TO_MRV");
        assertThat(survey)
                .hasPassedInOrder("Task_SubmitMrvApplicationSurvey", "Task_ReviewMrvApplicationSurvey",
                        "End_ProceedToMrv")
                .hasNotPassed("End_SurveyClosed")
                .isEnded();
    }

    @Test
    void closedSurveyEndsWithoutMrv() {
        ProcessInstance survey = start();
        submitAndReview(survey, "CLOSE");
        assertThat(survey).hasPassed("End_SurveyClosed").hasNotPassed("End_ProceedToMrv").isEnded();
    }

    @Test
    void surveyReturnedForRevisionIsSubmittedAgain() {
        ProcessInstance survey = start();
        submitAndReview(survey, "REVISION_REQUESTED");
        assertThat(survey).isNotEnded();
        submitAndReview(survey, "PROCEED_TO_MRV");
        assertThat(survey)
                .hasPassedInOrder("Task_ReviewMrvApplicationSurvey", "Task_SubmitMrvApplicationSurvey",
                        "Task_ReviewMrvApplicationSurvey", "End_ProceedToMrv")
                .isEnded();
    }

    @Test
    void aLateSurveyIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance survey = start();
        ProcessTestSupport.remindThenEscalate(survey, "Task_SubmitMrvApplicationSurvey", deadlines);
        Assertions.assertThat(deadlines.sent()).containsExactly("reminder Task_SubmitMrvApplicationSurvey",
                "escalation Task_SubmitMrvApplicationSurvey");
        submitAndReview(survey, "CLOSE");
        assertThat(survey).isEnded();
    }
}
