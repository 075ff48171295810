package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/stage-gate.bpmn")
class StageGateProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engineWithCoverage();

    @BeforeEach
    void beans() {
        ProcessTestSupport.registerBeans();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-stage-gate", "case-1",
                withVariables("caseId", "case-1"));
    }

    private void evaluateAndDecide(ProcessInstance stageGate, String decision) {
        assertThat(stageGate).isWaitingAt("Task_EvaluateCase");
        assertThat(task(stageGate)).hasCandidateGroup("stage-gate-committee");
        Assertions.assertThat(task(stageGate).getDueDate()).isInTheFuture();
        complete(task(stageGate));
        assertThat(stageGate).isWaitingAt("Task_ConfirmStageGateDecision");
        assertThat(task(stageGate)).hasCandidateGroup("program-manager");
        complete(task(stageGate), withVariables("stageGateDecision", decision));
    }

    private void revise(ProcessInstance stageGate) {
        assertThat(stageGate).isWaitingAt("Task_ReviseProposal");
        assertThat(task(stageGate)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(stageGate).getDueDate()).isInTheFuture();
        complete(task(stageGate));
    }

    @Test
    void appropriateCasePassesTheStageGate() {
        ProcessInstance stageGate = start();
        assertThat(stageGate).variables().containsEntry("stageGateRevisions", 0L);
        evaluateAndDecide(stageGate, "APPROPRIATE");
        assertThat(stageGate)
                .hasPassedInOrder("Task_EvaluateCase", "Task_ConfirmStageGateDecision", "End_Appropriate")
                .hasNotPassed("Task_ReviseProposal")
                .isEnded();
    }

    @Test
    void notAppropriateCaseStopsAtTheStageGate() {
        ProcessInstance stageGate = start();
        evaluateAndDecide(stageGate, "NOT_APPROPRIATE");
        assertThat(stageGate).hasPassed("End_NotAppropriate").hasNotPassed("End_Appropriate").isEnded();
    }

    @Test
    void conditionalCaseIsRevisedAndEvaluatedAgain() {
        ProcessInstance stageGate = start();
        evaluateAndDecide(stageGate, "CONDITIONAL");
        assertThat(stageGate).variables().containsEntry("stageGateRevisions", 0L);
        revise(stageGate);
        assertThat(stageGate).isWaitingAt("Task_EvaluateCase").variables().containsEntry("stageGateRevisions", 1L);
        evaluateAndDecide(stageGate, "APPROPRIATE");
        assertThat(stageGate).hasPassedInOrder("Task_ReviseProposal", "Task_EvaluateCase", "End_Appropriate").isEnded();
    }

    @Test
    void thirdConditionalDecisionReachesTheRevisionLimit() {
        ProcessInstance stageGate = start();
        evaluateAndDecide(stageGate, "CONDITIONAL");
        revise(stageGate);
        assertThat(stageGate).variables().containsEntry("stageGateRevisions", 1L);
        evaluateAndDecide(stageGate, "CONDITIONAL");
        revise(stageGate);
        assertThat(stageGate).variables().containsEntry("stageGateRevisions", 2L);
        evaluateAndDecide(stageGate, "CONDITIONAL");
        assertThat(stageGate)
                .hasPassed("End_RevisionLimitReached")
                .hasNotPassed("End_Appropriate", "End_NotAppropriate")
                .isEnded()
                .variables().containsEntry("stageGateRevisions", 2L);
    }
}
