package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.INDEPENDENT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

/** {@code GET /api/tasks/{id}}: a reviewing task carries what it decides on, as the reviewer reads it. */
@ApplicationTest
class TaskSubmissionApiIT {

    final CaseDriver driver;

    TaskSubmissionApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theStudyReviewShowsTheSubmittedReportUnderItsFormsLabelsWithTheDocumentsOfTheStep() {
        String caseId = driver.openCase(PROPONENT, "Submission in view");
        String before = driver.uploadReport(caseId, PROPONENT, "proposal-annex.pdf");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String report = driver.uploadReport(caseId, PROPONENT, "feasibility-report.pdf");
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        String review = driver.openTask(caseId, "Task_ReviewFeasibilityReport");

        JsonNode part = onlyPart(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + review).json());
        assertThat(part.path("stepKey").asText()).isEqualTo("Task_SubmitFeasibilityReport");
        assertThat(part.path("submittedBy").asText()).isEqualTo(PROPONENT);
        assertThat(part.path("revised").asBoolean()).isFalse();
        JsonNode reduction = value(part, "estimatedReductionTco2PerYear");
        assertThat(reduction.path("label").asText()).isEqualTo("Estimated GHG reduction (t-CO2/year)");
        assertThat(reduction.path("text").asText()).isEqualTo("1,300.5");
        assertThat(value(part, "businessViability").path("text").asText())
                .isEqualTo("Checked on site with the partner ministry.");
        assertThat(ids(part.path("documents"))).containsExactly(report).doesNotContain(before);

        JsonNode japanese = onlyPart(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + review + "?lang=ja").json());
        assertThat(value(japanese, "estimatedReductionTco2PerYear").path("label").asText())
                .isEqualTo("想定GHG削減量（t-CO2/年）");
        assertThat(japanese.path("step").asText()).isEqualTo("調査の実施と報告書の提出");
    }

    @Test
    void aRevisedReportShowsWhatChangedSinceTheLastRound() {
        String caseId = driver.openCase(PROPONENT, "Study continued");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "CONTINUE_STUDY");
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT, "estimatedReductionTco2PerYear", 1450,
                "financingPlan", "A loan from JBIC now covers half of the cost.");

        JsonNode part = onlyPart(driver.as(PROGRAM_MANAGER)
                .get("/api/tasks/" + driver.openTask(caseId, "Task_ReviewFeasibilityReport")).json());
        assertThat(part.path("revised").asBoolean()).isTrue();
        assertThat(part.path("round").asInt()).isEqualTo(2);
        JsonNode reduction = value(part, "estimatedReductionTco2PerYear");
        assertThat(reduction.path("changed").asBoolean()).isTrue();
        assertThat(reduction.path("text").asText()).isEqualTo("1,450");
        assertThat(reduction.path("previous").asText()).isEqualTo("1,300.5");
        assertThat(value(part, "financingPlan").path("changed").asBoolean()).isTrue();
        assertThat(value(part, "mrvApproach").path("changed").asBoolean()).isFalse();
        assertThat(value(part, "mrvApproach").has("previous")).isFalse();
    }

    @Test
    void screeningShowsTheProposalWithItsChoicesByName() {
        String caseId = driver.openCase(PROPONENT, "Proposal in view");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");

        JsonNode part = onlyPart(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + screening).json());
        assertThat(part.path("stepKey").asText()).isEqualTo("Start_CaseCreated");
        assertThat(value(part, "title").path("text").asText()).isEqualTo("Proposal in view");
        assertThat(value(part, "partnerCountry").path("text").asText()).isEqualTo("Viet Nam");
        assertThat(value(part, "budgetMillionJpy").path("text").asText()).isEqualTo("480");
        JsonNode japanese = onlyPart(driver.as(PROGRAM_MANAGER).get("/api/tasks/" + screening + "?lang=ja").json());
        assertThat(value(japanese, "partnerCountry").path("text").asText()).isEqualTo("ベトナム");
        assertThat(value(japanese, "fiscalYear").path("text").asText()).isEqualTo("2016年度");
    }

    @Test
    void theCommitteeMemberReadsTheConveningNoteAndTheSurveyTheProponentsOrganisationNotTheNote() {
        String caseId = driver.openCase(PROPONENT, "Evaluation in view");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        ApiClient.Response uploaded = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents", List.of(
                new ApiClient.FilePart("file", "survey-public.pdf", "application/pdf", ValidSubmissions.REPORT_PDF),
                new ApiClient.FilePart("confidentialVersion", "survey-complete.pdf", "application/pdf",
                        ValidSubmissions.REPORT_PDF)));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER,
                "conveningNote", "Please weigh the hospital's own financing.");
        String evaluation = driver.openTask(caseId, "Task_EvaluateCase", COMMITTEE_MEMBER);

        JsonNode submission = driver.as(COMMITTEE_MEMBER).get("/api/tasks/" + evaluation).json().path("submission");
        assertThat(steps(submission)).containsExactly("Task_ConveneCommittee", "Task_SubmitSurveyResults");
        JsonNode note = submission.path("parts").get(0);
        assertThat(note.path("values")).hasSize(1);
        assertThat(value(note, "conveningNote").path("text").asText())
                .isEqualTo("Please weigh the hospital's own financing.");
        assertThat(value(submission.path("parts").get(1), "estimatedCostMillionJpy").path("text").asText())
                .isEqualTo("450.5");
        // a committee member of another organisation reads the public version of the survey's document only
        assertThat(submission.path("parts").get(1).path("documents").findValuesAsText("fileName"))
                .containsExactly("survey-public.pdf");
        JsonNode asManager = driver.as(PROGRAM_MANAGER).get("/api/tasks/" + evaluation).json().path("submission");
        assertThat(asManager.path("parts").get(1).path("documents").findValuesAsText("fileName"))
                .containsExactly("survey-public.pdf", "survey-complete.pdf");

        ApiClient.Response asProponent = driver.as(PROPONENT).get("/api/tasks/" + evaluation);
        assertThat(asProponent.status()).isEqualTo(200);
        assertThat(steps(asProponent.json().path("submission"))).containsExactly("Task_SubmitSurveyResults");
        assertThat(asProponent.text()).doesNotContain("hospital's own financing");
    }

    @Test
    void inTheSecondRoundTheCommitteeReadsTheConditionsAndTheRevisionNotTheFirstRoundsNote() {
        String caseId = driver.openCase(PROPONENT, "Revised for the stage gate");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER, "conveningNote", "First round's note.");
        for (String member : INDEPENDENT_COMMITTEE) {
            driver.complete(caseId, "Task_EvaluateCase", member);
        }
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER, "stageGateDecision", "CONDITIONAL",
                "revisionConditions", "Secure the hospital's co-financing.");
        driver.complete(caseId, "Task_ReviseProposal", PROPONENT, "revisionSummary", "Co-financing agreed.");
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        String evaluation = driver.openTask(caseId, "Task_EvaluateCase", COMMITTEE_MEMBER);

        JsonNode submission = driver.as(COMMITTEE_MEMBER).get("/api/tasks/" + evaluation).json().path("submission");
        assertThat(steps(submission)).containsExactly("Task_SubmitSurveyResults", "Task_ConfirmStageGateDecision",
                "Task_ReviseProposal");
        assertThat(value(submission.path("parts").get(1), "revisionConditions").path("text").asText())
                .isEqualTo("Secure the hospital's co-financing.");
        assertThat(value(submission.path("parts").get(2), "revisionSummary").path("text").asText())
                .isEqualTo("Co-financing agreed.");
        assertThat(submission.toString()).doesNotContain("First round's note.");
    }

    @Test
    void aTaskThatDecidesOnNoSubmissionHasNone() {
        String caseId = driver.openCase(PROPONENT, "Own task");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        JsonNode task = driver.as(PROPONENT).get("/api/tasks/" + driver.openTask(caseId,
                "Task_SubmitFeasibilityReport")).json();
        assertThat(task.path("taskKey").asText()).isEqualTo("Task_SubmitFeasibilityReport");
        assertThat(task.has("submission")).isFalse();
    }

    private static JsonNode onlyPart(JsonNode task) {
        JsonNode parts = task.path("submission").path("parts");
        assertThat(parts).as(task.toString()).hasSize(1);
        return parts.get(0);
    }

    private static JsonNode value(JsonNode part, String field) {
        return StreamSupport.stream(part.path("values").spliterator(), false)
                .filter(value -> value.path("field").asText().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + field + " in " + part));
    }

    private static List<String> steps(JsonNode submission) {
        return StreamSupport.stream(submission.path("parts").spliterator(), false)
                .map(part -> part.path("stepKey").asText()).toList();
    }

    private static List<String> ids(JsonNode documents) {
        return StreamSupport.stream(documents.spliterator(), false).map(document -> document.path("id").asText())
                .toList();
    }
}
