package org.jcmflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme manager reads the dashboard in a real browser: the charts drawn by Chart.js, the numbers beside them,
 * the budget form, Japanese, and the printable ledger. On the browser tests' application (see PortalBrowserIT),
 * with cases in Ethiopia in FY2015 that no other browser test uses.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class DashboardBrowserIT {

    private static final List<String> CHARTS = List.of("chart-pipeline", "chart-countries", "chart-outcome",
            "chart-activity", "chart-conversion", "chart-reductions", "chart-timeInStage", "chart-budget");

    @LocalServerPort
    int port;

    private final CaseDriver driver;
    private Browser browser;

    DashboardBrowserIT(CaseDriver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aProgrammeManagerReadsTheChartsAndTheNumbersEntersABudgetAndPrintsTheLedger() {
        ethiopianCases();
        browser.logIn(PROGRAM_MANAGER);
        browser.clickToNextPage(By.linkText("Dashboard"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Programme dashboard");
        new Select(browser.find(By.cssSelector(".filters select[name=fiscalYear]"))).selectByVisibleText("FY2015");
        new Select(browser.find(By.cssSelector(".filters select[name=partnerCountry]"))).selectByVisibleText("Ethiopia");
        browser.clickToNextPage(By.cssSelector(".filters button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/dashboard?fiscalYear=2015&partnerCountry=ET");

        assertChartsDrawn();
        assertThat(browser.text(By.cssSelector("#kpi-cases strong"))).isEqualTo("3");
        assertThat(browser.text(By.cssSelector("#kpi-methodologies strong"))).isEqualTo("1 of 10");
        assertThat(browser.text(By.cssSelector("#pipeline tr[data-stage=FOLLOW_UP] td"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("#pipeline tr[data-stage=TERMINATED] td"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("#countries tr[data-country=ET]"))).isEqualTo("Ethiopia 3");
        assertThat(browser.text(By.cssSelector("#conversion tr[data-measure=toAnyNextStage]")))
                .endsWith("2 100.0%");
        // verified in MRV; the survey's estimate is no demonstration's, so it is not among the demonstrations'
        assertThat(browser.text(By.id("reductions"))).contains("Verified in MRV (t-CO2) 1,180",
                "Estimated for the demonstrations (t-CO2/year) 0");
        // what Chart.js draws is what the table says
        assertThat(browser.script("return Chart.getChart(document.getElementById('chart-countries')).data.datasets[0].data"))
                .isEqualTo(List.of(3L));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("dashboard");

        // a budget that is no number is refused next to the field, then entered
        new Select(browser.find(By.id("budget-fiscalYear"))).selectByVisibleText("FY2015");
        browser.type(By.id("budget-budgetMillionJpy"), "about 2000");
        browser.clickToNextPage(By.cssSelector("#budget-form button[type=submit]"));
        assertThat(browser.text(By.id("budget-budgetMillionJpy-error"))).isEqualTo("Please enter a number.");
        assertThat(browser.find(By.id("budget-budgetMillionJpy")).getDomProperty("value")).isEqualTo("about 2000");
        assertChartsDrawn();
        browser.screenshot("dashboard-budget-error");
        browser.type(By.id("budget-budgetMillionJpy"), "1,900");
        browser.type(By.id("budget-returnedMillionJpy"), "100");
        browser.clickToNextPage(By.cssSelector("#budget-form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("The budget of FY2015 is saved.");
        assertThat(browser.path()).isEqualTo("/dashboard?fiscalYear=2015&partnerCountry=ET#budget");
        assertThat(browser.text(By.cssSelector("#budget-table tr[data-fiscal-year='2015']")))
                .startsWith("FY2015 1,900 100 1,800 960");

        browser.clickToNextPage(By.linkText("日本語"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("事業ダッシュボード");
        assertThat(browser.text(By.id("pipeline"))).contains("段階別の案件数", "フォローアップ 1", "中止 1", "移管 1");
        assertThat(browser.text(By.cssSelector("#countries tr[data-country=ET]"))).isEqualTo("エチオピア 3");
        assertThat(browser.text(By.id("budget"))).contains("予算と執行（百万円）", "執行率");
        assertChartsDrawn();
        assertThat(browser.script("return Chart.getChart(document.getElementById('chart-pipeline')).data.labels[0]"))
                .isEqualTo("実現可能性調査");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("dashboard-ja");

        browser.clickToNextPage(By.id("ledger-link"));
        assertThat(browser.path()).isEqualTo("/dashboard/ledger?fiscalYear=2015&partnerCountry=ET");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("事業原簿");
        assertThat(browser.text(By.id("ledger-budget"))).contains("事業期間・予算", "2015年度", "予算額", "1,900",
                "(1,800)", "執行額", "960", "合計");
        assertThat(browser.text(By.id("ledger-objectives"))).contains("成果指標", "活動指標", "目標", "実績");
        assertThat(browser.text(By.id("ledger-outcomes")))
                .contains("方法論の承認：1件（目標10件）", "2件（100%）が次段階に進展。");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("ledger-ja");

        // printed: the ledger alone, without the portal's header and buttons, on A4
        browser.emulatePrint(true);
        assertThat(browser.findAll(By.cssSelector(".topbar")).get(0).isDisplayed()).isFalse();
        assertThat(browser.findAll(By.cssSelector(".print-button")).get(0).isDisplayed()).isFalse();
        browser.screenshot("ledger-print");
        browser.emulatePrint(false);
        byte[] pdf = browser.printOnA4("ledger");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pages(pdf)).isEqualTo(1);
    }

    private void assertChartsDrawn() {
        for (String chart : CHARTS) {
            assertThat(browser.find(By.id(chart)).getTagName()).isEqualTo("canvas");
            // Chart.js keeps every chart it drew; a canvas it did not draw has none
            Object drawn = browser.script("var canvas = document.getElementById(arguments[0]);"
                    + " return typeof Chart !== 'undefined' && Chart.getChart(canvas) !== undefined && canvas.width > 0;",
                    chart);
            assertThat(drawn).as(chart).isEqualTo(true);
        }
    }

    /** Chromium writes each page of a PDF as an object of type /Page. */
    private static long pages(byte[] pdf) {
        return Pattern.compile("/Type\\s*/Page\\b(?!s)").matcher(new String(pdf, StandardCharsets.ISO_8859_1))
                .results().count();
    }

    /**
     * Three cases: one through an MRV application survey to an approved methodology, verified credits and a
     * follow-up report; one rejected at screening; one transferred to private commercialisation.
     */
    private void ethiopianCases() {
        String surveyed = studiedEthiopianCase("MRV for installed LED street lights");
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

        String rejected = ethiopianCase("Rejected at screening");
        driver.complete(rejected, "Task_ScreenProposal", PROGRAM_MANAGER, "screeningDecision", "REJECT");

        String commercialised = studiedEthiopianCase("Solar pumps, commercialised privately");
        // executed: what the accounts settled under the study's contract in FY2015
        Map<String, Object> contract = new LinkedHashMap<>(Map.of("contractNumber", "ET-2015-FS", "caseId",
                commercialised, "kind", "FEASIBILITY_STUDY", "signedOn", "2015-05-20", "startsOn", "2015-06-01",
                "endsOn", "2016-03-31"));
        contract.put("amountMillionJpy", 1000);
        ApiClient.Response signed = driver.as(PROGRAM_MANAGER).post("/api/contracts", contract);
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(driver.as(PROGRAM_MANAGER).put("/api/contracts/" + signed.json().path("id").asText()
                + "/spending/2015", "{\"executedMillionJpy\": 960}").status()).isEqualTo(204);
        driver.complete(commercialised, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER,
                "studyOutcome", "TRANSFER", "transferScheme", "PRIVATE_COMMERCIALISATION");
    }

    private String ethiopianCase(String title) {
        return driver.openCase(PROPONENT, title, "ET", 2015);
    }

    private String studiedEthiopianCase(String title) {
        return driver.openStudiedCase(PROPONENT, title, "ET", 2015);
    }
}
