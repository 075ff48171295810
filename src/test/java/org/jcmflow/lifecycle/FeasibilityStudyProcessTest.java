package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@ProcessTest
@Deployment(resources = "bpmn/feasibility-study.bpmn")
class FeasibilityStudyProcessTest {

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-feasibility-study", "case-1",
                withVariables("caseId", "case-1"));
    }

    @Test
    void rejectedProposalEndsAtScreening() {
        ProcessInstance study = start();
        assertThat(study).isWaitingAt("Task_ScreenProposal");
        assertThat(task(study)).hasCandidateGroup("program-manager");
        complete(task(study), withVariables("screeningDecision", "REJECT"));
        assertThat(study).hasPassedInOrder("Task_ScreenProposal", "End_ProposalRejected").isEnded();
    }

    @Test
    void acceptedProposalIsStudiedAndReviewed() {
        ProcessInstance study = start();
        complete(task(study), withVariables("screeningDecision", "ACCEPT"));
        assertThat(study).isWaitingAt("Task_SubmitFeasibilityReport");
        assertThat(task(study)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(study).getDueDate()).isInTheFuture();
        complete(task(study));
        assertThat(study).isWaitingAt("Task_ReviewFeasibilityReport");
        assertThat(task(study)).hasCandidateGroup("program-manager");
        complete(task(study), withVariables("studyOutcome", "PRE_DEMONSTRATION_SURVEY"));
        assertThat(study).hasPassed("End_StudyConcluded").isEnded();
    }

    @Test
    void continuedStudyReturnsToTheProponent() {
        ProcessInstance study = start();
        complete(task(study), withVariables("screeningDecision", "ACCEPT"));
        complete(task(study));
        complete(task(study), withVariables("studyOutcome", "CONTINUE_STUDY"));
        assertThat(study).isWaitingAt("Task_SubmitFeasibilityReport");
        complete(task(study));
        complete(task(study), withVariables("studyOutcome", "TRANSFER", "transferScheme", "MOE_SUBSIDY"));
        assertThat(study).isEnded().variables().containsEntry("transferScheme", "MOE_SUBSIDY");
    }

    @Test
    void aLateStudyReportIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance study = start();
        complete(task(study), withVariables("screeningDecision", "ACCEPT"));
        ProcessTestSupport.remindThenEscalate(study, "Task_SubmitFeasibilityReport", deadlines);
        Assertions.assertThat(deadlines.sent()).containsExactly("reminder Task_SubmitFeasibilityReport",
                "escalation Task_SubmitFeasibilityReport");
        complete(task(study));
        assertThat(study).isWaitingAt("Task_ReviewFeasibilityReport");
    }

    @Test
    void aReportSubmittedInTimeCancelsItsTimers(RecordingDeadlines deadlines) {
        ProcessInstance study = start();
        complete(task(study), withVariables("screeningDecision", "ACCEPT"));
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(study.getId()).timers().count())
                .isEqualTo(2);
        complete(task(study));
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(study.getId()).timers().count())
                .isZero();
        Assertions.assertThat(deadlines.sent()).isEmpty();
    }
}
