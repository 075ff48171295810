package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.INDEPENDENT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/tasks/{id}/form} stands on its own: the options that come from the case are in the form's
 * {@code data}, where form-js reads them, so that a client completes the task with nothing else.
 */
@ApplicationTest
class TaskFormApiIT {

    final CaseDriver driver;

    TaskFormApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theConveningFormOffersTheCommitteeCandidatesAndIsCompletedFromThemAlone() {
        String caseId = caseAtConvening(OTHER_PROPONENT, "Convened from the form alone");
        String convene = driver.openTask(caseId, "Task_ConveneCommittee");
        JsonNode form = driver.as(PROGRAM_MANAGER).get("/api/tasks/" + convene + "/form").json();
        assertThat(form.path("id").asText()).isEqualTo("stage-gate-convene");
        JsonNode candidates = form.path("data").path("committeeCandidates");
        assertThat(values(candidates)).containsAll(INDEPENDENT_COMMITTEE).doesNotContain(COMMITTEE_MEMBER_OF_SAKURA);
        assertThat(labels(candidates)).as("each by name, with their organisation's name")
                .contains("Yuki Kobayashi (Tohoku University)");
        JsonNode inJapanese = driver.as(PROGRAM_MANAGER).get("/api/tasks/" + convene + "/form?lang=ja").json()
                .path("data").path("committeeCandidates");
        assertThat(labels(inJapanese)).contains("Yuki Kobayashi (東北大学)");

        ApiClient.Response done = driver.as(PROGRAM_MANAGER).post("/api/tasks/" + convene + "/complete",
                Map.of("variables", Map.of("committeeMembers", values(candidates))));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
    }

    @Test
    void whoMayNotWorkOnTheTaskReadsTheFormWithoutTheCasesOptions() {
        String caseId = caseAtConvening(PROPONENT, "Candidates kept from the proponent");
        String convene = driver.openTask(caseId, "Task_ConveneCommittee");
        ApiClient.Response form = driver.as(PROPONENT).get("/api/tasks/" + convene + "/form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().path("data").has("committeeCandidates")).isFalse();
    }

    @Test
    void theMethodologiesOfTheCountryAndTheCasesDocumentsAreOffered() {
        String second = caseAtMrv("More Cambodian rice-husk boilers");
        String draft = driver.openTask(second, "Task_DraftMethodology");
        assertThat(driver.as(PROPONENT).get("/api/tasks/" + draft + "/form").json().path("data")
                .path("approvedMethodologies")).as("none approved for the country yet").isEmpty();

        // approved by the Joint Committee while the second case's drafting step is open: offered to it at once
        String first = caseAtMrv("Cambodian rice-husk boilers");
        driver.proposeMethodology(first, PROPONENT, "methodologyReference", "KH_AM001");
        JsonNode approved = driver.as(PROPONENT).get("/api/tasks/" + draft + "/form").json().path("data")
                .path("approvedMethodologies");
        assertThat(approved).hasSize(1);
        assertThat(approved.get(0).path("label").asText()).startsWith("KH_AM001: ");
        ApiClient.Response applied = driver.as(PROPONENT).post("/api/tasks/" + draft + "/complete", Map.of("variables",
                Map.of("methodologyChoice", "REUSE_APPROVED", "reusedMethodology", approved.get(0).path("value").asText())));
        assertThat(applied.status()).as(applied.text()).isEqualTo(204);

        driver.registerProject(second, PROPONENT, 1);
        String report = driver.uploadReport(second, PROPONENT, "monitoring-2018.pdf");
        String monitoring = driver.openTask(second, "Task_SubmitMonitoringReport");
        JsonNode documents = driver.as(PROPONENT).get("/api/tasks/" + monitoring + "/form").json().path("data")
                .path("caseDocuments");
        JsonNode offered = StreamSupport.stream(documents.spliterator(), false)
                .filter(option -> option.path("value").asText().equals(report)).findFirst().orElseThrow();
        assertThat(offered.path("label").asText()).startsWith("monitoring-2018.pdf");

        Map<String, Object> values = new HashMap<>(ValidSubmissions.of("Task_SubmitMonitoringReport"));
        values.put("monitoringReportDocument", offered.path("value").asText());
        ApiClient.Response submitted = driver.as(PROPONENT).post("/api/tasks/" + monitoring + "/complete",
                Map.of("variables", values));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);

        // the verifier reads the report beside the verification: the document by its name, dates in their language
        String verification = driver.openTask(second, "Task_VerifyMonitoringReport");
        JsonNode part = driver.as(VERIFIER).get("/api/tasks/" + verification).json().path("submission").path("parts")
                .get(0);
        assertThat(part.path("stepKey").asText()).isEqualTo("Task_SubmitMonitoringReport");
        assertThat(text(part, "monitoringReportDocument")).isEqualTo("monitoring-2018.pdf");
        assertThat(text(part, "monitoringPeriodStart")).isEqualTo("Apr 15, 2017");
        assertThat(text(part, "reportedReductionTco2")).isEqualTo("1,190.4");
        assertThat(part.path("documents").findValuesAsText("id")).contains(report);
        JsonNode japanese = driver.as(VERIFIER).get("/api/tasks/" + verification + "?lang=ja").json()
                .path("submission").path("parts").get(0);
        assertThat(text(japanese, "monitoringPeriodStart")).isEqualTo("2017/04/15");
    }

    private static String text(JsonNode part, String field) {
        return StreamSupport.stream(part.path("values").spliterator(), false)
                .filter(value -> value.path("field").asText().equals(field)).findFirst()
                .map(value -> value.path("text").asText()).orElseThrow(() -> new AssertionError(field + " in " + part));
    }

    private String caseAtConvening(String proponent, String title) {
        String caseId = driver.openCase(proponent, title);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", proponent);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", proponent);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        return caseId;
    }

    private String caseAtMrv(String title) {
        Map<String, Object> body = CaseDriver.newCase(title);
        body.put("partnerCountry", "KH");
        String caseId = driver.openCase(PROPONENT, body);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "MRV_APPLICATION_SURVEY");
        driver.complete(caseId, "Task_SubmitMrvApplicationSurvey", PROPONENT);
        driver.complete(caseId, "Task_ReviewMrvApplicationSurvey", PROGRAM_MANAGER);
        return caseId;
    }

    private static List<String> values(JsonNode options) {
        return StreamSupport.stream(options.spliterator(), false).map(option -> option.path("value").asText()).toList();
    }

    private static List<String> labels(JsonNode options) {
        List<String> labels = new ArrayList<>();
        options.forEach(option -> labels.add(option.path("label").asText()));
        return labels;
    }
}
