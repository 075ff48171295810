package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

/** Every path of the lifecycle, driven through /api alone by the users whose roles the BPMN names. */
@ApplicationTest
class LifecycleApiIT {

    final CaseDriver driver;

    LifecycleApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void afterTheMouTheDemonstrationAndTheJcmTrackRunSideBySideToCompletion() {
        String caseId = driver.openCase(PROPONENT, "Hospital air-conditioning in Ho Chi Minh City");
        assertThat(driver.stage(caseId)).isEqualTo("FEASIBILITY_STUDY");
        assertThat(driver.caseFile(caseId).path("jcmTrackStage").asText()).isEqualTo("NOT_STARTED");

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
        assertThat(driver.caseFile(caseId).path("openTasks").findValuesAsText("taskKey"))
                .as("no installation before the MOU's implementation document").containsExactly(
                        "Task_SubmitImplementationDocument");
        driver.complete(caseId, "Task_SubmitImplementationDocument", PROPONENT);

        // both tracks at once: the installation and the methodology are open together, each in its track's stage
        JsonNode both = driver.caseFile(caseId);
        assertThat(both.path("stage").asText()).isEqualTo("DEMONSTRATION");
        assertThat(both.path("jcmTrackStage").asText()).isEqualTo("METHODOLOGY");
        assertThat(both.path("openTasks").findValuesAsText("taskKey"))
                .containsExactlyInAnyOrder("Task_InstallTechnology", "Task_DraftMethodology");
        JsonNode inbox = driver.as(PROPONENT).get("/api/tasks?size=200").json().path("content");
        assertThat(taskOf(inbox, caseId, "Task_InstallTechnology").path("stage").asText()).isEqualTo("DEMONSTRATION");
        assertThat(taskOf(inbox, caseId, "Task_DraftMethodology").path("stage").asText()).isEqualTo("MRV");
        assertThat(taskOf(inbox, caseId, "Task_DraftMethodology").path("jcmTrackStage").asText())
                .isEqualTo("METHODOLOGY");
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/cases?jcmTrack=METHODOLOGY&size=200").json()
                .path("content").findValuesAsText("id")).contains(caseId);

        driver.complete(caseId, "Task_InstallTechnology", PROPONENT);
        driver.proposeMethodology(caseId, PROPONENT);
        assertThat(driver.caseFile(caseId).path("jcmTrackStage").asText()).isEqualTo("VALIDATION");
        driver.complete(caseId, "Task_CommissionTechnology", PROPONENT);
        driver.registerProject(caseId, PROPONENT, 2);
        // the monitoring periods run with the demonstration's operation
        JsonNode operating = driver.caseFile(caseId);
        assertThat(operating.path("stage").asText()).isEqualTo("DEMONSTRATION");
        assertThat(operating.path("jcmTrackStage").asText()).isEqualTo("MONITORING");
        assertThat(operating.path("openTasks").findValuesAsText("taskKey"))
                .containsExactlyInAnyOrder("Task_SubmitProgressReport", "Task_SubmitMonitoringReport");
        assertThat(driver.as(VERIFIER).get("/api/cases?jcmTrack=MONITORING&size=200").json()
                .path("content").findValuesAsText("id")).contains(caseId);

        driver.complete(caseId, "Task_SubmitProgressReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewProgressReport", PROGRAM_MANAGER, "progressDecision", "CONTINUE_OPERATION");
        // a monitoring period starts with the technology's operation, not before its commissioning (2017-04-15)
        String firstReport = driver.uploadReport(caseId, PROPONENT, "monitoring-report-1.pdf");
        Map<String, Object> early = new HashMap<>(ValidSubmissions.of("Task_SubmitMonitoringReport"));
        early.put("monitoringPeriodStart", "2017-01-01");
        early.put("monitoringReportDocument", firstReport);
        ApiClient.Response refused = driver.as(PROPONENT).post("/api/tasks/"
                + driver.openTask(caseId, "Task_SubmitMonitoringReport") + "/complete", Map.of("variables", early));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("monitoringPeriodStart");
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT, "monitoringReportDocument", firstReport);
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER);
        driver.issueCredits(caseId, PROPONENT);
        driver.complete(caseId, "Task_SubmitProgressReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewProgressReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFinalReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFinalReport", PROGRAM_MANAGER);

        // the follow-up years run from the end of the demonstration, while monitoring goes on
        JsonNode followingUp = driver.caseFile(caseId);
        assertThat(followingUp.path("stage").asText()).isEqualTo("FOLLOW_UP");
        assertThat(followingUp.path("jcmTrackStage").asText()).isEqualTo("MONITORING");
        assertThat(followingUp.path("openTasks").findValuesAsText("taskKey"))
                .containsExactlyInAnyOrder("Task_SubmitDisseminationReport", "Task_SubmitMonitoringReport");
        for (int year = 1; year <= 5; year++) {
            driver.complete(caseId, "Task_SubmitDisseminationReport", PROPONENT);
            driver.complete(caseId, "Task_ReviewDisseminationReport", PROGRAM_MANAGER);
        }
        assertThat(driver.stage(caseId)).as("the case waits for its JCM track").isEqualTo("FOLLOW_UP");
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT);
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER);
        assertThat(driver.caseFile(caseId).path("jcmTrackStage").asText()).isEqualTo("ISSUANCE");
        driver.issueCredits(caseId, PROPONENT);

        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("stage").asText()).isEqualTo("COMPLETED");
        assertThat(file.path("jcmTrackStage").asText()).isEqualTo("ENDED");
        assertThat(file.path("openTasks")).isEmpty();
        assertThat(stagesOf(file, "MAIN")).containsExactly("FEASIBILITY_STUDY", "PRE_DEMONSTRATION_SURVEY",
                "STAGE_GATE", "MOU", "DEMONSTRATION", "FOLLOW_UP", "COMPLETED");
        assertThat(stagesOf(file, "JCM")).containsExactly("METHODOLOGY", "VALIDATION", "REGISTRATION", "MONITORING",
                "VERIFICATION", "ISSUANCE", "MONITORING", "VERIFICATION", "ISSUANCE", "ENDED");
        JsonNode history = file.path("history");
        // the stage gate: convening, three members' evaluations, the decision; in the MRV, each of the two
        // monitoring reports uploaded before its step; the Joint Committee's procedure: the completeness check,
        // the PDD uploaded and submitted, the registration request, and for each period the issuance request and
        // the notification of both governments
        assertThat(history).hasSize(1 + 3 + 2 + 5 + 3 + 8 + 4 + 6 + 2 + 10 + 8);
        // the report chosen is kept with its step, which decides nothing
        JsonNode report = stepOf(history, "Task_SubmitMonitoringReport");
        assertThat(report.path("outcome").isMissingNode() || report.path("outcome").isNull()).isTrue();
        assertThat(report.path("details").asText()).contains("monitoringReportDocument");
        assertThat(report.path("stage").asText()).as("a step of the JCM track").isEqualTo("MRV");
        assertThat(stepOf(history, "Task_InstallTechnology").path("stage").asText()).isEqualTo("DEMONSTRATION");
        JsonNode decision = stepOf(history, "Task_ConfirmStageGateDecision");
        assertThat(decision.path("who").asText()).isEqualTo(PROGRAM_MANAGER);
        assertThat(decision.path("outcome").asText()).isEqualTo("APPROPRIATE");
        assertThat(decision.path("stage").asText()).isEqualTo("STAGE_GATE");
        assertThat(decision.path("when").asText()).isNotBlank();
        assertThat(stepOf(history, "Task_EvaluateCase").path("who").asText()).isEqualTo(COMMITTEE_MEMBER);
    }

    @Test
    void aCaseOfAFiscalYearBeforeTheStageGateGoesFromItsSurveyToTheMou() {
        String caseId = driver.openCase(PROPONENT, "LED fishing lights decided in FY2013", "ID", 2013);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("stage").asText()).isEqualTo("MOU");
        assertThat(stagesOf(file, "MAIN")).doesNotContain("STAGE_GATE");
        JsonNode skipped = stepOf(file.path("history"), "Gateway_StageGateApplies");
        assertThat(skipped.path("outcome").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(skipped.path("details").asText()).contains("2013", "2014");
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
        assertThat(driver.caseFile(caseId).path("jcmTrackStage").asText()).isEqualTo("METHODOLOGY");
        driver.proposeMethodology(caseId, PROPONENT, "methodologyDecision", "APPROVED_WITH_REVISIONS");
        driver.complete(caseId, "Task_ReviseMethodology", PROPONENT);
        driver.registerProject(caseId, PROPONENT, 1);
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT);
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER);
        driver.issueCredits(caseId, PROPONENT);
        assertThat(driver.stage(caseId)).isEqualTo("FOLLOW_UP");
        assertThat(driver.caseFile(caseId).path("jcmTrackStage").asText()).isEqualTo("ENDED");
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

    private static List<String> stagesOf(JsonNode file, String track) {
        List<String> stages = new ArrayList<>();
        file.path("stages").forEach(period -> {
            if (period.path("track").asText().equals(track)) {
                stages.add(period.path("stage").asText());
            }
        });
        return stages;
    }

    private static JsonNode taskOf(JsonNode tasks, String caseId, String taskKey) {
        for (JsonNode task : tasks) {
            if (task.path("caseId").asText().equals(caseId) && task.path("taskKey").asText().equals(taskKey)) {
                return task;
            }
        }
        throw new AssertionError("No task " + taskKey + " of case " + caseId + " in " + tasks);
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
