package org.jcmflow.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
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

/** A case driven through its MRV over the API: the methodology register and the case's monitoring periods follow. */
@ApplicationTest
class MrvApiIT {

    final CaseDriver driver;

    MrvApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void rejectedThenApprovedMethodologyAndTwoMonitoringPeriodsWithACorrection() {
        String caseId = caseAtMrv("Mongolian heat-only boilers");

        driver.complete(caseId, "Task_DraftMethodology", PROPONENT, "methodologyTitle", "Boilers, first draft");
        JsonNode proposed = mrvOf(caseId).path("methodology");
        assertThat(proposed.path("title").asText()).isEqualTo("Boilers, first draft");
        assertThat(proposed.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.path("partnerCountry").asText()).isEqualTo("MN");
        driver.complete(caseId, "Task_CheckMethodologyCompleteness", JOINT_COMMITTEE);
        driver.letPublicInputsRunOut(caseId);
        driver.complete(caseId, "Task_DecideMethodology", JOINT_COMMITTEE, "methodologyDecision", "REJECTED");
        assertThat(mrvOf(caseId).path("methodology").path("status").asText()).isEqualTo("REJECTED");

        driver.complete(caseId, "Task_DraftMethodology", PROPONENT, "methodologyTitle", "High-efficiency heat-only boilers");
        driver.complete(caseId, "Task_CheckMethodologyCompleteness", JOINT_COMMITTEE);
        driver.letPublicInputsRunOut(caseId);
        driver.complete(caseId, "Task_DecideMethodology", JOINT_COMMITTEE, "methodologyReference", "MN_AM009");
        JsonNode approved = mrvOf(caseId).path("methodology");
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("reference").asText()).isEqualTo("MN_AM009");
        assertThat(approved.path("jcDecisionDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

        // the register, open to every role, lists both of the country's methodologies; filtered by status, one
        ApiClient verifier = driver.as(VERIFIER);
        JsonNode register = verifier.get("/api/methodologies?partnerCountry=MN").json();
        assertThat(titles(register)).containsExactly("Boilers, first draft", "High-efficiency heat-only boilers");
        JsonNode approvedOnly = verifier.get("/api/methodologies?partnerCountry=MN&status=APPROVED").json();
        assertThat(titles(approvedOnly)).containsExactly("High-efficiency heat-only boilers");
        assertThat(approvedOnly.path("totalElements").asLong()).isEqualTo(1);
        ApiClient.Response one = driver.as(OTHER_PROPONENT).get("/api/methodologies/" + approved.path("id").asLong());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("title").asText()).isEqualTo("High-efficiency heat-only boilers");

        driver.registerProject(caseId, PROPONENT, 2);
        String firstReport = driver.uploadReport(caseId, PROPONENT, "monitoring-report-2018.pdf");
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT, "monitoringPeriodStart", "2018-01-01",
                "monitoringPeriodEnd", "2018-12-31", "reportedReductionTco2", 900.0,
                "monitoringReportDocument", firstReport);
        JsonNode submitted = mrvOf(caseId).path("monitoringPeriods").get(0);
        assertThat(submitted.path("monitoringReportDocument").asText()).isEqualTo(firstReport);
        assertThat(submitted.path("monitoringReportFileName").asText()).isEqualTo("monitoring-report-2018.pdf");
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER, "verificationDecision", "REVISION_REQUIRED");
        JsonNode sentBack = mrvOf(caseId).path("monitoringPeriods").get(0);
        assertThat(sentBack.path("verificationOutcome").asText()).isEqualTo("REVISION_REQUIRED");
        assertThat(sentBack.path("correctionsRequested").asInt()).isEqualTo(1);

        // the corrected report replaces the first one on the period
        String correctedReport = driver.uploadReport(caseId, PROPONENT, "monitoring-report-2018-corrected.pdf");
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT, "monitoringPeriodStart", "2018-01-01",
                "monitoringPeriodEnd", "2018-12-31", "reportedReductionTco2", 880.0,
                "monitoringReportDocument", correctedReport);
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER, "verifiedReductionTco2", 870.5);
        driver.issueCredits(caseId, PROPONENT, 870.5);
        driver.complete(caseId, "Task_SubmitMonitoringReport", PROPONENT, "monitoringPeriodStart", "2019-01-01",
                "monitoringPeriodEnd", "2019-12-31", "reportedReductionTco2", 950.0, "monitoringReportDocument",
                driver.uploadReport(caseId, PROPONENT, "monitoring-report-2019.pdf"));
        driver.complete(caseId, "Task_VerifyMonitoringReport", VERIFIER, "verifiedReductionTco2", 940.0);
        driver.issueCredits(caseId, PROPONENT, 940.0);

        JsonNode periods = mrvOf(caseId).path("monitoringPeriods");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).path("periodNumber").asInt()).isEqualTo(1);
        assertThat(periods.get(0).path("monitoredReductionTco2").decimalValue()).isEqualByComparingTo("880.0");
        assertThat(periods.get(0).path("verificationOutcome").asText()).isEqualTo("VERIFIED");
        assertThat(periods.get(0).path("correctionsRequested").asInt()).isEqualTo(1);
        assertThat(periods.get(0).path("verifiedReductionTco2").decimalValue()).isEqualByComparingTo("870.5");
        assertThat(periods.get(0).path("verifiedBy").asText()).isEqualTo(VERIFIER);
        assertThat(periods.get(0).path("monitoringReportDocument").asText()).isEqualTo(correctedReport);
        assertThat(periods.get(1).path("monitoringReportFileName").asText()).isEqualTo("monitoring-report-2019.pdf");
        assertThat(periods.get(1).path("periodStart").asText()).isEqualTo("2019-01-01");
        assertThat(periods.get(1).path("correctionsRequested").asInt()).isEqualTo(0);
        assertThat(periods.get(1).path("creditsIssuedTco2").decimalValue()).isEqualByComparingTo("940.0");

        // the dashboard counts the approved methodology and the verified reductions of the country
        JsonNode dashboard = driver.as(PROGRAM_MANAGER).get("/api/dashboard?partnerCountry=MN").json();
        assertThat(dashboard.path("indicators").path("methodologiesApproved").path("actual").asLong()).isEqualTo(1);
        assertThat(dashboard.path("reductions").path("verifiedTco2").decimalValue()).isEqualByComparingTo("1810.5");

        // the case page shows the same: the methodology with the Joint Committee's decision, and each period
        ApiClient.Response page = driver.as(PROPONENT).getPage("/cases/" + caseId);
        assertThat(page.status()).isEqualTo(200);
        String methodology = text(between(page.text(), "class=\"facts mrv-methodology\"", "</dl>"));
        assertThat(methodology).contains("High-efficiency heat-only boilers", "MN_AM009", "Approved",
                "Joint Committee decision " + approved.path("jcDecisionDate").asText());
        assertThat(text(between(page.text(), "data-period=\"1\"", "</tr>")))
                .isEqualTo("1 2018-01-01 to 2018-12-31 880 monitoring-report-2018-corrected.pdf Verified 1 870.5 870.5");
        assertThat(text(between(page.text(), "data-period=\"2\"", "</tr>")))
                .isEqualTo("2 2019-01-01 to 2019-12-31 950 monitoring-report-2019.pdf Verified 0 940 940");
        assertThat(page.text()).contains("/cases/" + caseId + "/documents/" + correctedReport);
    }

    @Test
    void theMonitoringReportMustBeADocumentOfTheCase() {
        String caseId = registeredCase("Mongolian boiler monitoring");
        String otherCase = caseAtMrv("Another Mongolian case");
        String otherCasesReport = driver.uploadReport(otherCase, PROPONENT, "other-case-report.pdf");
        driver.uploadReport(caseId, PROPONENT, "monitoring-report.pdf");
        String taskId = driver.openTask(caseId, "Task_SubmitMonitoringReport");
        Map<String, Object> values = new HashMap<>(ValidSubmissions.of("Task_SubmitMonitoringReport"));

        values.put("monitoringReportDocument", otherCasesReport);
        ApiClient.Response refused = driver.as(PROPONENT).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", values));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("monitoringReportDocument");

        values.remove("monitoringReportDocument");
        ApiClient.Response missing = driver.as(PROPONENT).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", values));
        assertThat(missing.status()).as(missing.text()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsText("field")).containsExactly("monitoringReportDocument");
        assertThat(mrvOf(caseId).path("monitoringPeriods")).isEmpty();

        // the task page offers the case's own documents, not the other case's
        String form = driver.as(PROPONENT).getPage("/tasks/" + taskId).text();
        assertThat(form).contains("monitoring-report.pdf").doesNotContain("other-case-report.pdf");
    }

    @Test
    void aSecondCaseOfTheCountryAppliesTheApprovedMethodologyWithoutADecision() {
        // a country of its own, so that the other tests' register of Mongolia stays as they made it
        String first = caseAtMrv("Lao coal-saving stoves", "LA");
        driver.complete(first, "Task_DraftMethodology", PROPONENT, "methodologyTitle", "Efficient household stoves");
        driver.complete(first, "Task_CheckMethodologyCompleteness", JOINT_COMMITTEE);
        driver.letPublicInputsRunOut(first);
        driver.complete(first, "Task_DecideMethodology", JOINT_COMMITTEE, "methodologyReference", "MN_AM010");
        long approvedId = mrvOf(first).path("methodology").path("id").asLong();

        String second = caseAtMrv("More coal-saving stoves in Laos", "LA");
        ApiClient proponent = driver.as(PROPONENT);
        String taskId = driver.openTask(second, "Task_DraftMethodology");
        // a methodology that is not approved for the country is refused, naming the field
        ApiClient.Response refused = proponent.post("/api/tasks/" + taskId + "/complete", Map.of("variables",
                Map.of("methodologyChoice", "REUSE_APPROVED", "reusedMethodology", "999999")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("reusedMethodology");

        ApiClient.Response applied = proponent.post("/api/tasks/" + taskId + "/complete", Map.of("variables",
                Map.of("methodologyChoice", "REUSE_APPROVED", "reusedMethodology", String.valueOf(approvedId))));
        assertThat(applied.status()).as(applied.text()).isEqualTo(204);
        JsonNode reused = mrvOf(second).path("methodology");
        assertThat(reused.path("id").asLong()).isEqualTo(approvedId);
        assertThat(reused.path("title").asText()).isEqualTo("Efficient household stoves");
        // straight to the project design document: the Joint Committee has already decided
        driver.openTask(second, "Task_SubmitProjectDesign");
    }

    @Test
    void caseMrvIsAsVisibleAsTheCaseAndBadFiltersAreNamed() {
        String caseId = caseAtMrv("Mongolian district heating controls");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId + "/mrv").status()).isEqualTo(404);
        JsonNode before = mrvOf(caseId);
        assertThat(before.path("methodology").isNull() || before.path("methodology").isMissingNode()).isTrue();
        assertThat(before.path("monitoringPeriods")).isEmpty();

        ApiClient reader = driver.as(PROPONENT);
        assertThat(reader.get("/api/methodologies?status=PENDING").status()).isEqualTo(400);
        assertThat(reader.get("/api/methodologies?size=0").status()).isEqualTo(400);
        ApiClient.Response missing = reader.get("/api/methodologies/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asText()).contains("999999");
    }

    private String caseAtMrv(String title) {
        return caseAtMrv(title, "MN");
    }

    private String caseAtMrv(String title, String partnerCountry) {
        Map<String, Object> body = CaseDriver.newCase(title);
        body.put("partnerCountry", partnerCountry);
        String caseId = driver.openCase(PROPONENT, body);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "MRV_APPLICATION_SURVEY");
        driver.complete(caseId, "Task_SubmitMrvApplicationSurvey", PROPONENT);
        driver.complete(caseId, "Task_ReviewMrvApplicationSurvey", PROGRAM_MANAGER);
        return caseId;
    }

    /** A case of its own with an approved methodology, validated and registered: waiting for its first report. */
    private String registeredCase(String title) {
        String caseId = caseAtMrv(title);
        driver.proposeMethodology(caseId, PROPONENT);
        driver.registerProject(caseId, PROPONENT, 1);
        return caseId;
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        return html.substring(from + start.length(), html.indexOf(end, from));
    }

    /** The text of an HTML fragment as a reader sees it, its words separated by single spaces. */
    private static String text(String html) {
        return html.replaceAll("^[^>]*>", "").replaceAll("<[^>]+>", " ").replace("&amp;", "&").strip()
                .replaceAll("\\s+", " ");
    }

    private JsonNode mrvOf(String caseId) {
        ApiClient.Response response = driver.as(PROPONENT).get("/api/cases/" + caseId + "/mrv");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("content").forEach(methodology -> titles.add(methodology.path("title").asText()));
        return titles;
    }
}
