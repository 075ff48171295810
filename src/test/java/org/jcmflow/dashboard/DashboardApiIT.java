package org.jcmflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures against hand-computed ones, on cases in Palau in FY2012 (which no other test uses;
 * the application tests share one database).
 */
@ApplicationTest
class DashboardApiIT {

    private static final String FILTER = "?fiscalYear=2012&partnerCountry=PW";

    final CaseDriver driver;

    DashboardApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void figuresFollowTheOutcomesOfTheStudies() {
        String rejected = palauCase("Rejected at screening");
        driver.complete(rejected, "Task_ScreenProposal", PROGRAM_MANAGER, "screeningDecision", "REJECT");
        String surveyed = studiedPalauCase("Goes to the pre-demonstration survey");
        driver.complete(surveyed, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        String subsidised = studiedPalauCase("Continued, then to the MOE subsidy");
        driver.complete(subsidised, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "CONTINUE_STUDY");
        driver.complete(subsidised, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(subsidised, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER,
                "studyOutcome", "TRANSFER", "transferScheme", "MOE_SUBSIDY");
        String commercialised = studiedPalauCase("Private commercialisation");
        driver.complete(commercialised, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER,
                "studyOutcome", "TRANSFER", "transferScheme", "PRIVATE_COMMERCIALISATION");
        String terminated = studiedPalauCase("Terminated after the study");
        driver.complete(terminated, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "TERMINATE");
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        assertThat(put(manager, "/api/budget/2012", "{\"budgetMillionJpy\": 2400}")).isEqualTo(204);
        contract(manager, surveyed, "PW-2011-0001", "2011-12-01", "2012-06-30");
        contract(manager, subsidised, "PW-2012-0002", "2012-05-01", "2012-10-31");
        contract(manager, terminated, "PW-2012-0003", "2013-01-15", "2013-09-30");

        JsonNode dashboard = manager.get("/api/dashboard" + FILTER).json();

        JsonNode byStage = dashboard.path("pipeline").path("byStage");
        assertThat(byStage.path("TERMINATED").asLong()).isEqualTo(2);
        assertThat(byStage.path("TRANSFERRED").asLong()).isEqualTo(2);
        assertThat(byStage.path("PRE_DEMONSTRATION_SURVEY").asLong()).isEqualTo(1);
        assertThat(byStage.path("FEASIBILITY_STUDY").asLong()).isZero();
        JsonNode country = dashboard.path("pipeline").path("byPartnerCountry").get(0);
        assertThat(country.path("partnerCountry").asText()).isEqualTo("PW");
        assertThat(country.path("nameJa").asText()).isEqualTo("パラオ");
        assertThat(country.path("cases").asLong()).isEqualTo(5);

        JsonNode conversion = dashboard.path("feasibilityStudyConversion");
        // four projects: the continued study counts once, with its final outcome (the MOE subsidy)
        assertThat(conversion.path("studiesCompleted").asLong()).isEqualTo(4);
        assertThat(conversion.path("toNedoNextStage").path("count").asLong()).isEqualTo(1);
        assertThat(conversion.path("toNedoNextStage").path("share").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(conversion.path("toJcmProject").path("count").asLong()).isEqualTo(2);
        assertThat(conversion.path("toAnyNextStage").path("count").asLong()).isEqualTo(3);
        assertThat(conversion.path("toAnyNextStage").path("share").decimalValue()).isEqualByComparingTo("0.75");

        // the activity of FY2012: the three contracts running in it, from FY2011 and into FY2013 among them
        JsonNode activity = dashboard.path("indicators").path("studiesAndDemonstrations").get(0);
        assertThat(activity.path("fiscalYear").asInt()).isEqualTo(2012);
        assertThat(activity.path("feasibilityStudies").asLong()).isEqualTo(3);
        assertThat(activity.path("demonstrations").asLong()).isZero();
        assertThat(activity.path("target").asInt()).isEqualTo(10);
        assertThat(dashboard.path("indicators").path("methodologiesApproved").path("target").asInt()).isEqualTo(10);

        JsonNode budget = dashboard.path("budget").get(0);
        assertThat(budget.path("fiscalYear").asInt()).isEqualTo(2012);
        assertThat(budget.path("budgetMillionJpy").decimalValue()).isEqualByComparingTo("2400");
        // nothing executed: the screened-in proposals asked for 1,920, but no contract has spending recorded
        assertThat(budget.path("executedMillionJpy").decimalValue()).isEqualByComparingTo("0");

        assertThat(dashboard.path("reductions").path("verifiedTco2").decimalValue()).isEqualByComparingTo("0");
        assertThat(dashboard.path("overdueTasks").asLong()).isZero();
        List<String> stagesTimed = dashboard.path("timeInStage").findValuesAsText("stage");
        assertThat(stagesTimed).contains("FEASIBILITY_STUDY", "PRE_DEMONSTRATION_SURVEY");
    }

    /**
     * Right after a step, the figures count it: its case's fiscal year and country are counted again, and every
     * view that holds the case shows it. On a case in Palau in FY2014, which no other test uses.
     */
    @Test
    void theFiguresRightAfterAStepCountIt() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        String ofTheGroup = "?fiscalYear=2014&partnerCountry=PW";
        JsonNode everything = manager.get("/api/dashboard").json().path("pipeline").path("byStage");
        JsonNode group = manager.get("/api/dashboard" + ofTheGroup).json().path("pipeline").path("byStage");

        String caseId = driver.openCase(PROPONENT, "Counted right after its proposal", "PW", 2014);
        assertThat(byStage(manager, "", "FEASIBILITY_STUDY"))
                .isEqualTo(everything.path("FEASIBILITY_STUDY").asLong() + 1);
        assertThat(byStage(manager, ofTheGroup, "FEASIBILITY_STUDY"))
                .isEqualTo(group.path("FEASIBILITY_STUDY").asLong() + 1);

        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER, "screeningDecision", "REJECT");
        assertThat(byStage(manager, "", "FEASIBILITY_STUDY")).isEqualTo(everything.path("FEASIBILITY_STUDY").asLong());
        assertThat(byStage(manager, "", "TERMINATED")).isEqualTo(everything.path("TERMINATED").asLong() + 1);
        assertThat(byStage(manager, ofTheGroup, "TERMINATED")).isEqualTo(group.path("TERMINATED").asLong() + 1);
        // the other fiscal years of the country hold nothing of it
        assertThat(byStage(manager, "?fiscalYear=2015&partnerCountry=PW", "TERMINATED")).isZero();
    }

    private static long byStage(ApiClient manager, String filter, String stage) {
        return manager.get("/api/dashboard" + filter).json().path("pipeline").path("byStage").path(stage).asLong();
    }

    /**
     * A study, survey or demonstration with no contract recorded counts in the fiscal years it runs from the case's
     * time in its stage (a study from its accepted screening, not from the proposal), and the dashboard says how many
     * it counts so; once the work's contract is recorded, its period counts instead. On cases in Costa Rica, which no
     * other test uses.
     */
    @Test
    void workWithoutAContractCountsFromTheCasesTimeInItsStage() {
        int thisYear = FiscalYears.of(LocalDate.now(ZoneId.of("Asia/Tokyo")));
        driver.openCase(PROPONENT, "Awaiting its screening", "CR", thisYear);
        String rejected = driver.openCase(PROPONENT, "Rejected at its screening", "CR", thisYear);
        driver.complete(rejected, "Task_ScreenProposal", PROGRAM_MANAGER, "screeningDecision", "REJECT");
        String studied = driver.openStudiedCase(PROPONENT, "Studied, its contract not yet recorded", "CR", thisYear);
        String surveyed = driver.openStudiedCase(PROPONENT, "Studied and surveyed without contracts", "CR", thisYear);
        driver.complete(surveyed, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome",
                "PRE_DEMONSTRATION_SURVEY");
        ApiClient manager = driver.as(PROGRAM_MANAGER);

        // the two studies and the survey run this year; neither proposal that was not screened in does
        JsonNode activity = manager.get("/api/dashboard?partnerCountry=CR").json()
                .path("indicators").path("studiesAndDemonstrations");
        assertThat(activity.findValuesAsText("fiscalYear")).containsExactly(String.valueOf(thisYear));
        assertThat(activity.get(0).path("feasibilityStudies").asLong()).isEqualTo(3);
        assertThat(activity.get(0).path("demonstrations").asLong()).isZero();
        assertThat(activity.get(0).path("withoutContract").asLong()).isEqualTo(3);

        contract(manager, studied, "CR-2012-0001", "2012-05-01", "2013-04-30");

        activity = manager.get("/api/dashboard?partnerCountry=CR").json().path("indicators")
                .path("studiesAndDemonstrations");
        assertThat(activity.findValuesAsText("fiscalYear"))
                .containsExactly("2012", "2013", String.valueOf(thisYear));
        assertThat(activity.get(0).path("feasibilityStudies").asLong()).isEqualTo(1);
        assertThat(activity.get(0).path("withoutContract").asLong()).isZero();
        assertThat(activity.get(2).path("feasibilityStudies").asLong()).isEqualTo(2);
        assertThat(activity.get(2).path("withoutContract").asLong()).isEqualTo(2);
        // the dashboard's page says where the figure comes from
        assertThat(manager.getPage("/dashboard?partnerCountry=CR&lang=en").text())
                .contains("time in that stage (a study from its accepted screening)", "Of which without a contract");
    }

    @Test
    void theDashboardIsForTheProgrammeOffice() {
        assertThat(driver.as(PROPONENT).get("/api/dashboard").status()).isEqualTo(403);
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/dashboard").status()).isEqualTo(200);
        assertThat(put(driver.as(PROPONENT), "/api/budget/2013", "{\"budgetMillionJpy\": 1}")).isEqualTo(403);
        assertThat(put(driver.as(PROGRAM_MANAGER), "/api/budget/2009", "{\"budgetMillionJpy\": 1}")).isEqualTo(400);
        assertThat(put(driver.as(PROGRAM_MANAGER), "/api/budget/2013", "{\"budgetMillionJpy\": -1}")).isEqualTo(400);
    }

    @Test
    void theCaseListExportOpensInASpreadsheetAndHoldsOnlyVisibleCases() throws Exception {
        String own = driver.openCase(PROPONENT, "Efficiency labelling, \"phase 2\"");
        String other = driver.openCase(OTHER_PROPONENT, "Fluorocarbon recovery");
        java.net.http.HttpResponse<byte[]> export = driver.as(PROPONENT).download("/api/reports/cases.csv");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        byte[] body = export.body();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(row -> row.get("id")).contains(own).doesNotContain(other);
        Map<String, String> row = rows.stream().filter(r -> r.get("id").equals(own)).findFirst().orElseThrow();
        assertThat(row.get("title")).isEqualTo("Efficiency labelling, \"phase 2\"");
        assertThat(row.get("partnerCountryJa")).isEqualTo("ベトナム");
        assertThat(row.get("stage")).isEqualTo("FEASIBILITY_STUDY");
    }

    private String palauCase(String title) {
        return driver.openCase(PROPONENT, title, "PW", 2012);
    }

    private String studiedPalauCase(String title) {
        return driver.openStudiedCase(PROPONENT, title, "PW", 2012);
    }

    private static void contract(ApiClient manager, String caseId, String number, String startsOn, String endsOn) {
        ApiClient.Response signed = manager.post("/api/contracts", Map.of("contractNumber", number, "caseId", caseId,
                "kind", "FEASIBILITY_STUDY", "signedOn", startsOn, "startsOn", startsOn, "endsOn", endsOn,
                "amountMillionJpy", 10));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
    }

    private static int put(ApiClient client, String path, String json) {
        return client.put(path, json).status();
    }
}
