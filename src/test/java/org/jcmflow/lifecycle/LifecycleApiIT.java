package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path of the lifecycle, driven through /api alone by the users whose roles the BPMN names. */
@ApplicationTest
class LifecycleApiIT {

    @LocalServerPort
    int port;

    CaseDriver driver;

    @BeforeEach
    void driver() {
        driver = new CaseDriver(port);
    }

    @Test
    void caseRunsFromProposalToCompletedThroughEveryStage() {
        String caseId = driver.openCase(PROPONENT, "Hospital air-conditioning in Ho Chi Minh City");
        assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");

        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("PRE_DEMONSTRATION_SURVEY");

        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("STAGE_GATE");

        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("MOU");

        driver.complete(caseId, "Task_NegotiateMou", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_RecordMouSignature", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitImplementationDocument", PROPONENT);
        assertThat(driver.stage(caseId)).isEqualTo("DEMONSTRATION");

        driver.complete(caseId, "Task_InstallTechnology", PROPONENT);
        driver.complete(caseId, "Task_CommissionTechnology", PROPONENT);
        driver.complete(caseId, "Task_SubmitProgressReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewProgressReport", PROGRAM_MANAGER, "progressDecision", "CONTINUE_OPERATION");
        driver.complete(caseId, "Task_SubmitProgressReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewProgressReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFinalReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFinalReport", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("MRV");

        driver.complete(caseId, "Task_DraftMethodology", PROPONENT);
        driver.complete(caseId, "Task_DecideMethodology", JOINT_COMMITTEE);
        driver.complete(caseId, "Task_ValidateProjectDesign", VERIFIER);
        driver.complete(caseId, "Task_RegisterProject", JOINT_COMMITTEE, "monitoringPeriods", 2);
        for (int period = 1; period <= 2; period++) {
            driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT);
            driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER);
            driver.complete(caseId, "Task_IssueCredits", JOINT_COMMITTEE);
        }
        assertThat(driver.stage(caseId)).isEqualTo("FOLLOW_UP");

        for (int year = 1; year <= 5; year++) {
            driver.complete(caseId, "Task_SubmitDisseminationReport", PROPONENT);
            driver.complete(caseId, "Task_ReviewDisseminationReport", PROGRAM_MANAGER);
        }

        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("stage").asText()).isEqualTo("COMPLETED");
        assertThat(file.path("openTasks")).isEmpty();
        assertThat(stagesOf(file)).containsExactly("FEASIBILITY_STUDY", "PRE_DEMONSTRATION_SURVEY", "STAGE_GATE", "MOU",
                "DEMONSTRATION", "MRV", "FOLLOW_UP", "COMPLETED");
        JsonNode history = file.path("history");
        // the stage gate: convening, three members' evaluations, the decision; in the MRV, each of the two
        // monitoring reports uploaded before its step
        assertThat(history).hasSize(1 + 3 + 2 + 5 + 3 + 8 + 4 + 6 + 2 + 10);
        // the report chosen is kept with its step, which decides nothing
        JsonNode report = stepOf(history, "Task_SubmitMonitoringReport");
        assertThat(report.path("outcome").isMissingNode() || report.path("outcome").isNull()).isTrue();
        assertThat(report.path("details").asText()).contains("monitoringReportDocument");
        JsonNode decision = stepOf(history, "Task_ConfirmStageGateDecision");
        assertThat(decision.path("who").asText()).isEqualTo(PROGRAM_MANAGER);
        assertThat(decision.path("outcome").asText()).isEqualTo("APPROPRIATE");
        assertThat(decision.path("stage").asText()).isEqualTo("STAGE_GATE");
        assertThat(decision.path("when").asText()).isNotBlank();
        assertThat(stepOf(history, "Task_EvaluateCase").path("who").asText()).isEqualTo(COMMITTEE_MEMBER);
    }

    @Test
    void proposalRejectedAtScreeningTerminatesTheCase() {
        String caseId = driver.openCase(PROPONENT, "Rejected proposal");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER, "screeningDecision", "REJECT");
        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("stage").asText()).isEqualTo("TERMINATED");
        assertThat(file.path("openTasks")).isEmpty();
        assertThat(stepOf(file.path("history"), "Task_ScreenProposal").path("outcome").asText()).isEqualTo("REJECT");
    }

    @Test
    void studyCanContinueThenBeTerminated() {
        String caseId = studied("Study continued, then terminated");
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "CONTINUE_STUDY");
        assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "TERMINATE");
        assertThat(driver.stage(caseId)).isEqualTo("TERMINATED");
    }

    @Test
    void studyTransfersTheCaseToTheNamedScheme() {
        String caseId = studied("Transferred to the MOE subsidy");
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER,
                "studyOutcome", "TRANSFER", "transferScheme", "MOE_SUBSIDY");
        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("stage").asText()).isEqualTo("TRANSFERRED");
        assertThat(file.path("transferScheme").asText()).isEqualTo("MOE_SUBSIDY");
    }

    @Test
    void stageGateNotAppropriateTerminatesTheCase() {
        String caseId = atStageGate("Not appropriate at the stage gate");
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER, "stageGateDecision", "NOT_APPROPRIATE");
        assertThat(driver.stage(caseId)).isEqualTo("TERMINATED");
    }

    @Test
    void conditionalDecisionsReturnTheCaseForRevisionTwiceAtMost() {
        String caseId = atStageGate("Conditional three times");
        for (int revision = 1; revision <= 2; revision++) {
            driver.evaluateAtStageGate(caseId);
            driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER,
                    "stageGateDecision", "CONDITIONAL", "revisionConditions", "Lower the cost per unit.");
            assertThat(driver.stage(caseId)).isEqualTo("STAGE_GATE");
            driver.complete(caseId, "Task_ReviseProposal", PROPONENT);
        }
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER,
                "stageGateDecision", "CONDITIONAL", "revisionConditions", "Still too expensive.");
        assertThat(driver.stage(caseId)).isEqualTo("TERMINATED");
    }

    @Test
    void conditionalDecisionThenAppropriateGoesToMou() {
        String caseId = atStageGate("Conditional, then appropriate");
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER,
                "stageGateDecision", "CONDITIONAL", "revisionConditions", "Add a dissemination target.");
        driver.complete(caseId, "Task_ReviseProposal", PROPONENT);
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("MOU");
    }

    @Test
    void abandonedMouNegotiationTerminatesTheCase() {
        String caseId = atStageGate("MOU abandoned");
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_NegotiateMou", PROGRAM_MANAGER, "negotiationStatus", "ABANDONED");
        assertThat(driver.stage(caseId)).isEqualTo("TERMINATED");
    }

    @Test
    void mrvApplicationSurveyCanLeadToMrvAndFollowUp() {
        String caseId = studied("MRV for installed LED fishing lights");
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "MRV_APPLICATION_SURVEY");
        assertThat(driver.stage(caseId)).isEqualTo("MRV_APPLICATION_SURVEY");
        driver.complete(caseId, "Task_SubmitMrvApplicationSurvey", PROPONENT);
        driver.complete(caseId, "Task_ReviewMrvApplicationSurvey", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("MRV");
        driver.complete(caseId, "Task_DraftMethodology", PROPONENT);
        driver.complete(caseId, "Task_DecideMethodology", JOINT_COMMITTEE, "methodologyDecision", "APPROVED_WITH_REVISIONS");
        driver.complete(caseId, "Task_ReviseMethodology", PROPONENT);
        driver.complete(caseId, "Task_ValidateProjectDesign", VERIFIER);
        driver.complete(caseId, "Task_RegisterProject", JOINT_COMMITTEE);
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT);
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER);
        driver.complete(caseId, "Task_IssueCredits", JOINT_COMMITTEE);
        assertThat(driver.stage(caseId)).isEqualTo("FOLLOW_UP");
    }

    @Test
    void mrvApplicationSurveyCanCloseTheCase() {
        String caseId = studied("MRV application survey closed");
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "MRV_APPLICATION_SURVEY");
        driver.complete(caseId, "Task_SubmitMrvApplicationSurvey", PROPONENT);
        driver.complete(caseId, "Task_ReviewMrvApplicationSurvey", PROGRAM_MANAGER, "mrvApplicationDecision", "CLOSE");
        assertThat(driver.stage(caseId)).isEqualTo("COMPLETED");
    }

    private String studied(String title) {
        String caseId = driver.openCase(PROPONENT, title);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        return caseId;
    }

    private String atStageGate(String title) {
        String caseId = studied(title);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        assertThat(driver.stage(caseId)).isEqualTo("STAGE_GATE");
        return caseId;
    }

    private static List<String> stagesOf(JsonNode file) {
        List<String> stages = new ArrayList<>();
        file.path("stages").forEach(period -> stages.add(period.path("stage").asText()));
        return stages;
    }

    private static JsonNode stepOf(JsonNode history, String stepKey) {
        for (JsonNode step : history) {
            if (step.path("stepKey").asText().equals(stepKey)) {
                return step;
            }
        }
        throw new AssertionError("No step " + stepKey + " in " + history);
    }
}
