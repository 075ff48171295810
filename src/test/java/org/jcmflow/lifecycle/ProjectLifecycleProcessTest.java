package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ProcessTest
@Deployment(resources = "bpmn/project-lifecycle.bpmn")
class ProjectLifecycleProcessTest {

    static final String CASE_ID = "case-1";

    static final String FEASIBILITY_STUDY = "jcm-feasibility-study";
    static final String PRE_DEMONSTRATION_SURVEY = "jcm-pre-demonstration-survey";
    static final String STAGE_GATE = "jcm-stage-gate";
    static final String MOU = "jcm-mou";
    static final String DEMONSTRATION = "jcm-demonstration";
    static final String MRV = "jcm-mrv";
    static final String FOLLOW_UP = "jcm-follow-up";
    static final String MRV_APPLICATION_SURVEY = "jcm-mrv-application-survey";

    static final List<String> STAGE_PROCESSES = List.of(FEASIBILITY_STUDY, PRE_DEMONSTRATION_SURVEY, STAGE_GATE, MOU,
            DEMONSTRATION, MRV, FOLLOW_UP, MRV_APPLICATION_SURVEY);

    private final List<String> stubDeployments = new ArrayList<>();
    private StageGateFromFiscalYear stageGatePolicy;

    @BeforeEach
    void beansAndStubbedStageProcesses() {
        stageGatePolicy = new StageGateFromFiscalYear();
        Mocks.register("stageGatePolicy", stageGatePolicy);
        for (String key : STAGE_PROCESSES) {
            BpmnModelInstance stub = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(3650)
                    .startEvent("Start_Stub").sequenceFlowId("Flow_Stub_to_Task")
                    .userTask("Task_Stub").sequenceFlowId("Flow_Task_to_End").endEvent("End_Stub").done();
            stubDeployments.add(repositoryService().createDeployment().addModelInstance(key + ".bpmn", stub).deploy()
                    .getId());
        }
    }

    @AfterEach
    void removeStubbedStageProcesses() {
        stubDeployments.forEach(id -> repositoryService().deleteDeployment(id, true));
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-project-lifecycle", CASE_ID,
                withVariables("caseId", CASE_ID));
    }

    private ProcessInstance stage(ProcessInstance lifecycle, String callActivity, String stageProcess) {
        assertThat(lifecycle).isWaitingAt(callActivity);
        ProcessInstance stage = calledProcessInstance(stageProcess, lifecycle);
        assertThat(stage).hasBusinessKey(CASE_ID).variables().containsEntry("caseId", CASE_ID);
        return stage;
    }

    private void finishStage(ProcessInstance lifecycle, String callActivity, String stageProcess) {
        finishStage(lifecycle, callActivity, stageProcess, Map.of());
    }

    private void finishStage(ProcessInstance lifecycle, String callActivity, String stageProcess,
            Map<String, Object> outcome) {
        ProcessInstance stage = stage(lifecycle, callActivity, stageProcess);
        complete(task(stage), outcome);
        assertThat(stage).isEnded();
    }

    private ProcessInstance atStageGate() {
        ProcessInstance lifecycle = start();
        finishStage(lifecycle, "CallActivity_FeasibilityStudy", FEASIBILITY_STUDY,
                Map.of("screeningDecision", "ACCEPT", "studyOutcome", "PRE_DEMONSTRATION_SURVEY"));
        finishStage(lifecycle, "CallActivity_PreDemonstrationSurvey", PRE_DEMONSTRATION_SURVEY);
        return lifecycle;
    }

    /** Through the stage gate and the MOU: both tracks have started. */
    private ProcessInstance withBothTracks() {
        ProcessInstance lifecycle = atStageGate();
        finishStage(lifecycle, "CallActivity_StageGate", STAGE_GATE, Map.of("stageGateDecision", "APPROPRIATE"));
        finishStage(lifecycle, "CallActivity_Mou", MOU,
                Map.of("negotiationStatus", "AGREED", "mouSignedDate", "2025-06-30"));
        assertThat(lifecycle).isWaitingAt("CallActivity_Demonstration", "CallActivity_JcmTrack");
        return lifecycle;
    }

    private ProcessInstance atMrvApplicationSurvey() {
        ProcessInstance lifecycle = start();
        finishStage(lifecycle, "CallActivity_FeasibilityStudy", FEASIBILITY_STUDY,
                Map.of("screeningDecision", "ACCEPT", "studyOutcome", "MRV_APPLICATION_SURVEY"));
        return lifecycle;
    }

    @Test
    void afterTheMouTheDemonstrationAndTheJcmTrackRunSideBySide(RecordingCaseStages stages) {
        ProcessInstance lifecycle = withBothTracks();
        ProcessInstance demonstration = stage(lifecycle, "CallActivity_Demonstration", DEMONSTRATION);
        assertThat(demonstration).variables().containsEntry("mouSignedDate", "2025-06-30");
        ProcessInstance jcmTrack = stage(lifecycle, "CallActivity_JcmTrack", MRV);
        assertThat(task(demonstration)).isNotNull();
        assertThat(task(jcmTrack)).isNotNull();
        Assertions.assertThat(stages.jcmTrack()).containsExactly("METHODOLOGY");

        // the follow-up years run from the end of the demonstration, while monitoring goes on
        finishStage(lifecycle, "CallActivity_Demonstration", DEMONSTRATION);
        assertThat(lifecycle).isWaitingAt("CallActivity_FollowUp", "CallActivity_JcmTrack");
        finishStage(lifecycle, "CallActivity_FollowUp", FOLLOW_UP);
        assertThat(lifecycle).isNotEnded().isWaitingAt("CallActivity_JcmTrack");
        Assertions.assertThat(stages.entered()).last().isEqualTo("FOLLOW_UP");

        finishStage(lifecycle, "CallActivity_JcmTrack", MRV);
        assertThat(lifecycle)
                .hasPassedInOrder("CallActivity_FeasibilityStudy", "CallActivity_PreDemonstrationSurvey",
                        "Gateway_StageGateApplies", "CallActivity_StageGate", "CallActivity_Mou", "Gateway_TracksSplit",
                        "CallActivity_Demonstration", "CallActivity_FollowUp", "Gateway_TracksJoin", "End_Completed")
                .hasPassed("Gateway_JcmTrackStart", "CallActivity_JcmTrack", "Gateway_JcmTrackEnded")
                .hasNotPassed("CallActivity_MrvApplicationSurvey", "CallActivity_SurveyFollowUp")
                .isEnded()
                .variables().containsEntry("stageGateOutcome", "APPROPRIATE").containsEntry("mouOutcome", "SIGNED");
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "PRE_DEMONSTRATION_SURVEY",
                "STAGE_GATE", "MOU", "DEMONSTRATION", "FOLLOW_UP", "COMPLETED");
        Assertions.assertThat(stages.jcmTrack()).containsExactly("METHODOLOGY", "ENDED");
        Assertions.assertThat(stageGatePolicy.notApplicable()).isEmpty();
    }

    @Test
    void aJcmTrackThatEndsFirstWaitsForTheFollowUp(RecordingCaseStages stages) {
        ProcessInstance lifecycle = withBothTracks();
        finishStage(lifecycle, "CallActivity_JcmTrack", MRV);
        assertThat(lifecycle).isWaitingAt("CallActivity_Demonstration").isNotEnded();
        Assertions.assertThat(stages.jcmTrack()).containsExactly("METHODOLOGY", "ENDED");
        finishStage(lifecycle, "CallActivity_Demonstration", DEMONSTRATION);
        finishStage(lifecycle, "CallActivity_FollowUp", FOLLOW_UP);
        assertThat(lifecycle).hasPassed("Gateway_TracksJoin", "End_Completed").isEnded();
        Assertions.assertThat(stages.entered()).endsWith("DEMONSTRATION", "FOLLOW_UP", "COMPLETED");
    }

    @Test
    void aCaseOfAFiscalYearBeforeTheStageGateGoesToTheMouWithoutIt(RecordingCaseStages stages) {
        stageGatePolicy.applies(false);
        ProcessInstance lifecycle = atStageGate();
        assertThat(lifecycle).isWaitingAt("CallActivity_Mou").hasNotPassed("CallActivity_StageGate");
        Assertions.assertThat(stageGatePolicy.notApplicable()).containsExactly(CASE_ID);
        finishStage(lifecycle, "CallActivity_Mou", MOU,
                Map.of("negotiationStatus", "AGREED", "mouSignedDate", "2013-09-30"));
        assertThat(lifecycle).isWaitingAt("CallActivity_Demonstration", "CallActivity_JcmTrack");
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "PRE_DEMONSTRATION_SURVEY",
                "MOU", "DEMONSTRATION");
    }

    @Test
    void proposalRejectedAtScreeningTerminatesTheCase(RecordingCaseStages stages) {
        ProcessInstance lifecycle = start();
        finishStage(lifecycle, "CallActivity_FeasibilityStudy", FEASIBILITY_STUDY,
                Map.of("screeningDecision", "REJECT"));
        assertThat(lifecycle).hasPassed("End_TerminatedAfterFeasibility").isEnded()
                .variables().containsEntry("feasibilityOutcome", "REJECTED");
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "TERMINATED");
    }

    @Test
    void terminatedStudyTerminatesTheCase(RecordingCaseStages stages) {
        ProcessInstance lifecycle = start();
        finishStage(lifecycle, "CallActivity_FeasibilityStudy", FEASIBILITY_STUDY,
                Map.of("screeningDecision", "ACCEPT", "studyOutcome", "TERMINATE"));
        assertThat(lifecycle).hasPassed("End_TerminatedAfterFeasibility").isEnded()
                .variables().containsEntry("feasibilityOutcome", "TERMINATE");
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "TERMINATED");
    }

    @Test
    void studyTransfersTheCaseToTheNamedScheme(RecordingCaseStages stages) {
        ProcessInstance lifecycle = start();
        finishStage(lifecycle, "CallActivity_FeasibilityStudy", FEASIBILITY_STUDY,
                Map.of("screeningDecision", "ACCEPT", "studyOutcome", "TRANSFER", "transferScheme", "MOE_SUBSIDY"));
        assertThat(lifecycle).hasPassed("End_Transferred").isEnded()
                .variables().containsEntry("transferScheme", "MOE_SUBSIDY");
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "TRANSFERRED");
        Assertions.assertThat(stages.transferScheme()).isEqualTo("MOE_SUBSIDY");
    }

    @Test
    void notAppropriateStageGateDecisionTerminatesTheCase(RecordingCaseStages stages) {
        ProcessInstance lifecycle = atStageGate();
        finishStage(lifecycle, "CallActivity_StageGate", STAGE_GATE, Map.of("stageGateDecision", "NOT_APPROPRIATE"));
        assertThat(lifecycle).hasPassed("End_TerminatedAtStageGate").hasNotPassed("CallActivity_Mou").isEnded()
                .variables().containsEntry("stageGateOutcome", "NOT_APPROPRIATE");
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "PRE_DEMONSTRATION_SURVEY",
                "STAGE_GATE", "TERMINATED");
        Assertions.assertThat(stages.jcmTrack()).isEmpty();
    }

    @Test
    void conditionalStageGateDecisionAtTheRevisionLimitTerminatesTheCase(RecordingCaseStages stages) {
        ProcessInstance lifecycle = atStageGate();
        finishStage(lifecycle, "CallActivity_StageGate", STAGE_GATE, Map.of("stageGateDecision", "CONDITIONAL"));
        assertThat(lifecycle).hasPassed("End_TerminatedAtStageGate").isEnded()
                .variables().containsEntry("stageGateOutcome", "NOT_APPROPRIATE");
        Assertions.assertThat(stages.entered()).endsWith("STAGE_GATE", "TERMINATED");
    }

    @Test
    void abandonedMouTerminatesTheCaseBeforeEitherTrack(RecordingCaseStages stages) {
        ProcessInstance lifecycle = atStageGate();
        finishStage(lifecycle, "CallActivity_StageGate", STAGE_GATE, Map.of("stageGateDecision", "APPROPRIATE"));
        finishStage(lifecycle, "CallActivity_Mou", MOU, Map.of("negotiationStatus", "ABANDONED"));
        assertThat(lifecycle).hasPassed("End_TerminatedAtMou")
                .hasNotPassed("CallActivity_Demonstration", "CallActivity_JcmTrack").isEnded()
                .variables().containsEntry("mouOutcome", "ABANDONED");
        Assertions.assertThat(stages.entered()).endsWith("MOU", "TERMINATED");
        Assertions.assertThat(stages.jcmTrack()).isEmpty();
    }

    @Test
    void mrvApplicationSurveyLeadsToTheJcmTrackFollowUpAndCompletion(RecordingCaseStages stages) {
        ProcessInstance lifecycle = atMrvApplicationSurvey();
        finishStage(lifecycle, "CallActivity_MrvApplicationSurvey", MRV_APPLICATION_SURVEY,
                Map.of("mrvApplicationDecision", "PROCEED_TO_MRV"));
        assertThat(lifecycle).isWaitingAt("CallActivity_JcmTrack");
        finishStage(lifecycle, "CallActivity_JcmTrack", MRV);
        finishStage(lifecycle, "CallActivity_SurveyFollowUp", FOLLOW_UP);
        assertThat(lifecycle)
                .hasPassedInOrder("CallActivity_MrvApplicationSurvey", "Gateway_JcmTrackStart", "CallActivity_JcmTrack",
                        "Gateway_JcmTrackEnded", "CallActivity_SurveyFollowUp", "End_CompletedAfterSurveyFollowUp")
                .hasNotPassed("CallActivity_PreDemonstrationSurvey", "CallActivity_Demonstration",
                        "Gateway_TracksJoin")
                .isEnded();
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "MRV_APPLICATION_SURVEY", "MRV",
                "FOLLOW_UP", "COMPLETED");
        Assertions.assertThat(stages.jcmTrack()).containsExactly("METHODOLOGY", "ENDED");
    }

    @Test
    void closedMrvApplicationSurveyCompletesTheCase(RecordingCaseStages stages) {
        ProcessInstance lifecycle = atMrvApplicationSurvey();
        finishStage(lifecycle, "CallActivity_MrvApplicationSurvey", MRV_APPLICATION_SURVEY,
                Map.of("mrvApplicationDecision", "CLOSE"));
        assertThat(lifecycle).hasPassed("End_CompletedAfterSurvey").hasNotPassed("CallActivity_JcmTrack").isEnded();
        Assertions.assertThat(stages.entered()).containsExactly("FEASIBILITY_STUDY", "MRV_APPLICATION_SURVEY",
                "COMPLETED");
    }
}
