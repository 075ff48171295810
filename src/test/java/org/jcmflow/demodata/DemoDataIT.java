package org.jcmflow.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.DemoApplication;
import org.jcmflow.testsupport.RunsBesideTheOthers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The application started with the demonstration data set, on a database of its own: the dashboard shows the
 * figures of the programme's ledger, and a start asked to load the data set again adds nothing. The application is
 * a process of its own, shared with EveryPageBrowserIT, which only reads it too.
 */
@RunsBesideTheOthers
@Order(RunsBesideTheOthers.DEMONSTRATION_DATA)
@ExtendWith(DemoApplication.Shared.class)
@ResourceLock(value = DemoApplication.LOCK, mode = ResourceAccessMode.READ)
class DemoDataIT {

    private static final List<String> PARTNER_COUNTRIES = List.of("MN", "BD", "ET", "KE", "MV", "VN", "LA", "ID", "CR",
            "PW", "KH", "MX", "SA", "CL", "MM", "TH", "PH");

    private final DemoApplication application;

    DemoDataIT(DemoApplication application) {
        this.application = application;
    }

    @Test
    void theDashboardShowsTheFiguresOfTheLedger() {
        JsonNode dashboard = dashboard();

        JsonNode conversion = dashboard.path("feasibilityStudyConversion");
        assertThat(conversion.path("studiesCompleted").asLong()).isEqualTo(95);
        assertThat(conversion.path("toNedoNextStage").path("count").asLong()).isEqualTo(23);
        assertThat(conversion.path("toJcmProject").path("count").asLong()).isEqualTo(35);
        assertThat(percent(conversion.path("toJcmProject"))).isEqualTo(37);
        assertThat(conversion.path("toAnyNextStage").path("count").asLong()).isEqualTo(57);
        assertThat(percent(conversion.path("toAnyNextStage"))).isEqualTo(60);

        assertThat(dashboard.path("pipeline").path("byStage").path("DEMONSTRATION").asLong()).isEqualTo(8);
        JsonNode reductions = dashboard.path("reductions");
        assertThat(reductions.path("estimatedTco2PerYearOfDemonstrations").decimalValue()).isEqualByComparingTo("27406");
        // the eight are still running: none has an accepted final report yet
        assertThat(reductions.path("atEndOfDemonstrationsTco2PerYear").decimalValue()).isEqualByComparingTo("0");
        assertThat(reductions.path("verifiedTco2").decimalValue()).isPositive();
        // the ledger's two reduction figures are forecasts made at selection, recorded per demonstration
        assertThat(reductions.path("forecastAtEndOfDemonstrationsTco2PerYear").decimalValue()).isEqualByComparingTo("27406");
        assertThat(reductions.path("forecastFiveYearsAfterTco2").decimalValue()).isEqualByComparingTo("1140000");
        assertThat(reductions.path("forecastsByCase")).hasSize(8);
        // none of the 8 has ended, so nothing is reported after them yet; the MRV application surveys' follow-up
        // reports are no demonstration's
        assertThat(reductions.path("followUpCumulativeTco2").decimalValue()).isEqualByComparingTo("0");

        assertThat(dashboard.path("pipeline").path("byPartnerCountry").findValuesAsText("partnerCountry"))
                .containsExactlyInAnyOrderElementsOf(PARTNER_COUNTRIES);

        JsonNode methodologies = dashboard.path("indicators").path("methodologiesApproved");
        assertThat(methodologies.path("actual").asLong()).isEqualTo(6);
        assertThat(methodologies.path("target").asInt()).isEqualTo(10);
        // each contract counts in every fiscal year of its period: counted again here from the contracts themselves
        Map<Integer, long[]> running = new TreeMap<>();
        for (JsonNode contract : ApiClient.as(application.port(), PROGRAM_MANAGER).get("/api/contracts").json()) {
            int from = fiscalYear(LocalDate.parse(contract.path("startsOn").asText()));
            int to = fiscalYear(LocalDate.parse(contract.path("currentEndsOn").asText()));
            for (int year = from; year <= to; year++) {
                running.computeIfAbsent(year, y -> new long[2])[contract.path("kind").asText().equals("DEMONSTRATION") ? 1 : 0]++;
            }
        }
        JsonNode activity = dashboard.path("indicators").path("studiesAndDemonstrations");
        assertThat(activity.findValuesAsText("fiscalYear")).containsExactlyElementsOf(
                running.keySet().stream().map(String::valueOf).toList());
        for (JsonNode year : activity) {
            long[] counted = running.get(year.path("fiscalYear").asInt());
            assertThat(year.path("feasibilityStudies").asLong()).isEqualTo(counted[0]);
            assertThat(year.path("demonstrations").asLong()).isEqualTo(counted[1]);
            // the data set records every study's, survey's and demonstration's contract
            assertThat(year.path("withoutContract").asLong()).isZero();
        }
        // FY2017 up to the ledger's date: the 4 follow-on studies and the Philippine survey, whose contracts run into
        // it, and the 8 demonstrations running (実施中), against the target of 10 a year
        JsonNode fy2017 = activity.get(activity.findValuesAsText("fiscalYear").indexOf("2017"));
        assertThat(fy2017.path("feasibilityStudies").asLong()).isEqualTo(5);
        assertThat(fy2017.path("demonstrations").asLong()).isEqualTo(8);
        assertThat(fy2017.path("total").asLong()).isEqualTo(13);
        assertThat(fy2017.path("target").asInt()).isEqualTo(10);
        // the 8 demonstrations all run in FY2016, the eighth signed that year
        assertThat(running.get(2016)[1]).isEqualTo(8);
        assertThat(running.get(2013)[0]).isGreaterThanOrEqualTo(10);
    }

    /** The ledger's budget table: up to FY2015, FY2016 and FY2017 (planned), in million JPY. */
    @Test
    void theDashboardShowsTheBudgetAndItsExecutionPerFiscalYear() {
        JsonNode budget = dashboard().path("budget");
        assertThat(budget.findValuesAsText("fiscalYear"))
                .containsExactly("2011", "2012", "2013", "2014", "2015", "2016", "2017");
        assertThat(sum(budget, "budgetMillionJpy", 2011, 2015)).isEqualByComparingTo("19010");
        assertThat(sum(budget, "returnedMillionJpy", 2011, 2015)).isEqualByComparingTo("2500");
        assertThat(sum(budget, "executedMillionJpy", 2011, 2015)).isEqualByComparingTo("6252");
        assertThat(sum(budget, "budgetMillionJpy", 2016, 2016)).isEqualByComparingTo("2400");
        assertThat(sum(budget, "executedMillionJpy", 2016, 2016)).isEqualByComparingTo("2635");
        assertThat(sum(budget, "budgetMillionJpy", 2017, 2017)).isEqualByComparingTo("1900");
        assertThat(sum(budget, "executedMillionJpy", 2017, 2017)).isEqualByComparingTo("0");
        BigDecimal total = sum(budget, "budgetMillionJpy", 2011, 2017);
        assertThat(total).isEqualByComparingTo("23310");
        assertThat(total.subtract(sum(budget, "returnedMillionJpy", 2011, 2017))).isEqualByComparingTo("20810");
        assertThat(sum(budget, "executedMillionJpy", 2011, 2017)).isEqualByComparingTo("8887");
        // the split up to FY2015 is the data set's own; the ledger gives only its total
        assertThat(budget.get(0).path("budgetMillionJpy").decimalValue()).isEqualByComparingTo("5000");
        assertThat(budget.get(0).path("executedMillionJpy").decimalValue()).isEqualByComparingTo("610");
    }

    /** The printable ledger page, laid out like the seed's ledger, with its figures. */
    @Test
    void theLedgerPageShowsTheFiguresOfTheLedger() {
        ApiClient.Response page = ApiClient.as(application.port(), PROGRAM_MANAGER)
                .getPage("/dashboard/ledger?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("95 studies completed.",
                "23 went on to a NEDO demonstration, MRV application survey or follow-on study.",
                "35 (37%) went on to a JCM project", "57 (60%) went on to a next stage",
                "8 demonstrations running.",
                "Forecast at selection for the end of the 8 demonstrations: 27,406 t-CO2/year in total.",
                "Forecast of the cumulative reduction over the five years after the demonstrations",
                "dissemination: 1,140,000 t-CO2.",
                "Methodologies approved: 6 (target 10)");
        // the header from the programme's settings, its period theirs and not the current year's
        assertThat(page.text()).contains("Programme period: FY2011 – FY2017", ">11013<", ">国際部地球環境対策推進室<",
                "Commissioned (委託)", ">エネルギー需給勘定<");
        // the targets' revisions, and the evaluation of June 2017 with its result
        assertThat(page.text()).contains("2013-04-01", "2015-04-01", "情勢変化: the JCM&#39;s partner countries doubled",
                "Early ex-post evaluation (前倒し事後評価), held on 2017-06-28: The evaluation subcommittee judged");
        // the budget table's total column: 23,310 budgeted, 20,810 after the 2,500 returned, 8,887 executed
        assertThat(page.text()).contains(">23,310<", "(20,810)", ">8,887<", ">2,400<", ">2,635<", ">1,900<");
    }

    /**
     * Every proposal came in under its fiscal year's call, and each call up to FY2016 was selected by the
     * committee's ranking: its selected proposals are the studies the ledger counts, the others closed.
     */
    @Test
    void everyProposalCameInUnderItsYearsCallAndWasSelectedByIt() {
        ApiClient manager = ApiClient.as(application.port(), PROGRAM_MANAGER);
        JsonNode calls = manager.get("/api/calls").json();
        assertThat(calls.findValuesAsText("fiscalYear")).containsExactly("2017", "2016", "2015", "2014", "2013",
                "2012", "2011");
        int proposals = 0;
        for (JsonNode call : calls) {
            proposals += call.path("proposals").asInt();
            assertThat(call.path("committee")).hasSize(3);
            JsonNode ranking = manager.get("/api/calls/" + call.path("id").asText() + "/proposals").json();
            if (call.path("fiscalYear").asInt() == 2017) {
                assertThat(call.path("status").asText()).isEqualTo("CLOSED");
                assertThat(ranking.findValuesAsText("selected")).isEmpty();
                continue;
            }
            assertThat(call.path("status").asText()).isEqualTo("SELECTED");
            assertThat(call.path("selectionRationale").asText(null)).isNull();
            for (JsonNode proposal : ranking) {
                assertThat(proposal.path("validEvaluations").asInt()).isEqualTo(3);
                // the selected share the first place; the one not selected comes after them
                if (proposal.path("selected").asBoolean()) {
                    assertThat(proposal.path("ranking").asInt()).isEqualTo(1);
                } else {
                    assertThat(proposal.path("ranking").asInt()).isGreaterThan(1);
                }
            }
            // one proposal a year was not selected
            assertThat(ranking.findValuesAsText("selected").stream().filter("false"::equals)).hasSize(1);
        }
        assertThat(proposals).isEqualTo(104);
    }

    /** The joint policy work the ledger reports, per country and case, counted on the dashboard. */
    @Test
    void thePolicyWorkWithTheMinistriesIsLoggedAndCounted() {
        ApiClient manager = ApiClient.as(application.port(), PROGRAM_MANAGER);
        assertThat(manager.get("/api/policy-work").json()).hasSize(6);
        assertThat(manager.get("/api/policy-work?partnerCountry=TH").json().findValuesAsText("kind"))
                .containsExactly("EQUIPMENT_AND_LABELLING", "TECHNICIAN_TRAINING");
        JsonNode policyWork = dashboard().path("policyWork");
        assertThat(policyWork.path("total").asLong()).isEqualTo(6);
        assertThat(policyWork.path("byKind").path("TECHNICIAN_TRAINING").asLong()).isEqualTo(2);
        JsonNode inFy2016 = manager.get("/api/dashboard?fiscalYear=2016").json().path("policyWork");
        assertThat(inFy2016.path("total").asLong()).isEqualTo(5);
        JsonNode led = manager.get("/api/cases?partnerCountry=ID&stage=DEMONSTRATION").json().path("content");
        String ledCase = null;
        for (JsonNode found : led) {
            if (found.path("technology").asText().equals("LED fishing lights")) {
                ledCase = found.path("id").asText();
            }
        }
        assertThat(manager.get("/api/cases/" + ledCase + "/policy-work").json().findValuesAsText("kind"))
                .containsExactly("STANDARD");
        assertThat(manager.getPage("/cases/" + ledCase + "?lang=ja").text()).contains("相手国省庁との政策協働",
                "Draft national standard for LED fishing lights agreed with the ministry");
    }

    @Test
    @ResourceLock(value = DemoApplication.LOCK, mode = ResourceAccessMode.READ_WRITE)
    void loadingTheDataSetAgainAddsNothing() {
        long cases = caseCount();
        JsonNode dashboard = dashboard();
        // the data set's 104, and any proposal EveryPageBrowserIT's proponent made on the same application before
        assertThat(cases).isGreaterThanOrEqualTo(104);

        String secondStart = application.restart();

        assertThat(secondStart).contains("Demonstration data set '" + DemoDataLoader.DATA_SET
                + "' is already loaded (104 cases); nothing added");
        assertThat(caseCount()).isEqualTo(cases);
        JsonNode after = dashboard();
        assertThat(after.path("feasibilityStudyConversion")).isEqualTo(dashboard.path("feasibilityStudyConversion"));
        assertThat(after.path("pipeline")).isEqualTo(dashboard.path("pipeline"));
        assertThat(after.path("budget")).isEqualTo(dashboard.path("budget"));
        assertThat(after.path("reductions")).isEqualTo(dashboard.path("reductions"));
    }

    /**
     * The data set's steps happened years ago: nobody is mailed of the tasks they made, which wait in the inboxes
     * (the timers of those past due remind and escalate, as for any task).
     */
    @Test
    void theDataSetsStepsMailNobodyOfTheirTasks() {
        ApiClient manager = ApiClient.as(application.port(), PROGRAM_MANAGER);
        List<String> titles = new ArrayList<>();
        for (int fiscalYear = 2011; fiscalYear <= 2017; fiscalYear++) {
            manager.get("/api/cases?size=200&fiscalYear=" + fiscalYear).json().path("content")
                    .forEach(listed -> titles.add(listed.path("title").asText()));
        }
        assertThat(titles).hasSize(104);
        List<String> mailSubjects = application.loadingLog().lines().filter(line -> line.startsWith("Subject: "))
                .filter(subject -> subject.contains("New task: ") || subject.contains("新しいタスク: ")).toList();
        for (String title : titles) {
            assertThat(mailSubjects).noneMatch(subject -> subject.contains(title));
        }
        assertThat(manager.get("/api/tasks?size=1").json().path("totalElements").asLong()).isPositive();
    }

    /** The steps carry the days they happened on, in the case record and in the engine alike. */
    @Test
    void theCasesHappenedOnTheirDays() {
        ApiClient manager = ApiClient.as(application.port(), PROGRAM_MANAGER);
        JsonNode demonstrations = manager.get("/api/cases?stage=DEMONSTRATION&fiscalYear=2013").json().path("content");
        assertThat(demonstrations).hasSize(3);
        JsonNode demonstration = manager.get("/api/cases/" + demonstrations.get(0).path("id").asText()).json();
        JsonNode history = demonstration.path("history");
        assertThat(history.get(0).path("when").asText()).startsWith("2013-");
        Instant ledgerDate = Instant.parse("2017-07-01T00:00:00Z");
        for (JsonNode step : history) {
            assertThat(Instant.parse(step.path("when").asText())).isBefore(ledgerDate);
        }
        // decided in FY2013, before the stage gate: the case went from its survey to the MOU
        assertThat(history.findValuesAsText("stepKey")).contains("Gateway_StageGateApplies",
                "Task_RecordMouSignature", "Task_CommissionTechnology", "Task_SubmitProgressReport")
                .doesNotContain("Task_EvaluateCase");
        // each demonstration and, beside it since the MOU, its JCM track where the programme's history has it: the
        // methodology approved during the demonstration, registered, its first monitoring period issued; registration
        // rejected and to be requested again; a methodology proposed late in the demonstration
        Map<String, List<String>> tracks = Map.of(
                "Inverter air-conditioning for hospitals", List.of("MONITORING", "Task_SubmitMonitoringReport"),
                "LED fishing lights", List.of("REGISTRATION", "Task_RequestRegistration"),
                "Energy-saving data centre", List.of("METHODOLOGY", "Task_CheckMethodologyCompleteness"));
        for (JsonNode listed : demonstrations) {
            JsonNode running = manager.get("/api/cases/" + listed.path("id").asText()).json();
            List<String> track = tracks.get(running.path("technology").asText());
            assertThat(running.path("jcmTrackStage").asText()).as(running.path("title").asText())
                    .isEqualTo(track.get(0));
            assertThat(running.path("openTasks").findValuesAsText("taskKey")).as(running.path("title").asText())
                    .containsExactlyInAnyOrder(track.get(1), "Task_SubmitProgressReport");
            for (JsonNode openTask : running.path("openTasks")) {
                assertThat(Instant.parse(openTask.path("created").asText())).isBefore(ledgerDate);
            }
            JsonNode mrv = manager.get("/api/cases/" + listed.path("id").asText() + "/mrv").json();
            if (track.get(0).equals("MONITORING")) {
                assertThat(mrv.path("methodology").path("reference").asText()).isEqualTo("VN_AM002");
                assertThat(mrv.path("registration").path("registrationNumber").asText()).isEqualTo("VN002");
                assertThat(mrv.path("monitoringPeriods").get(0).path("creditsIssuedTco2").decimalValue())
                        .isEqualByComparingTo("611");
            }
            if (track.get(0).equals("REGISTRATION")) {
                assertThat(mrv.path("methodology").path("status").asText()).isEqualTo("APPROVED_WITH_REVISIONS");
                List<String> outcomes = new ArrayList<>();
                running.path("history").forEach(step -> {
                    if (step.path("stepKey").asText().equals("Task_RegisterProject")) {
                        outcomes.add(step.path("outcome").asText());
                    }
                });
                assertThat(outcomes).containsExactly("REJECTED");
            }
        }
        JsonNode gated = manager.get("/api/cases?stage=DEMONSTRATION&fiscalYear=2014").json().path("content").get(0);
        assertThat(manager.get("/api/cases/" + gated.path("id").asText()).json().path("history")
                .findValuesAsText("stepKey")).contains("Task_EvaluateCase", "Task_ConfirmStageGateDecision")
                .doesNotContain("Gateway_StageGateApplies");

        // the three MRV cases of FY2012 still run; the engine's history of ended cases may be cleaned up by now
        JsonNode runningSinceFy2012 = ApiClient.as(application.port(), ADMIN)
                .get("/engine-rest/history/process-instance/count"
                + "?processDefinitionKey=jcm-project-lifecycle&unfinished=true"
                + "&startedBefore=2013-04-01T00:00:00.000%2B0900").json();
        assertThat(runningSinceFy2012.path("count").asLong()).isEqualTo(3);

        JsonNode studyTimes = dashboard().path("timeInStage");
        for (JsonNode stage : studyTimes) {
            if (stage.path("stage").asText().equals("FEASIBILITY_STUDY")) {
                assertThat(stage.path("medianDays").decimalValue()).isBetween(new BigDecimal("150"), new BigDecimal("400"));
            }
        }
        assertThat(studyTimes.findValuesAsText("stage")).contains("FEASIBILITY_STUDY");
    }

    @Test
    void everyMonitoringPeriodHasItsReportOnTheCase() {
        ApiClient manager = ApiClient.as(application.port(), PROGRAM_MANAGER);
        int periods = 0;
        for (JsonNode listed : manager.get("/api/cases?stage=MRV&size=200").json().path("content")) {
            String caseId = listed.path("id").asText();
            for (JsonNode period : manager.get("/api/cases/" + caseId + "/mrv").json().path("monitoringPeriods")) {
                periods++;
                assertThat(period.path("monitoringReportFileName").asText()).startsWith("monitoring-report-");
                ApiClient.Response report = manager.get("/api/cases/" + caseId + "/documents/"
                        + period.path("monitoringReportDocument").asText());
                assertThat(report.status()).isEqualTo(200);
                assertThat(report.contentType()).isEqualTo("application/pdf");
                assertThat(report.text()).startsWith("%PDF-").endsWith("%%EOF\n");
            }
        }
        assertThat(periods).isPositive();
    }

    private JsonNode dashboard() {
        ApiClient.Response response = ApiClient.as(application.port(), PROGRAM_MANAGER).get("/api/dashboard");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private long caseCount() {
        return ApiClient.as(application.port(), PROGRAM_MANAGER).get("/api/cases?size=1").json()
                .path("totalElements").asLong();
    }

    private static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    private static long percent(JsonNode share) {
        return share.path("share").decimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal sum(JsonNode budget, String field, int fromFiscalYear, int toFiscalYear) {
        List<BigDecimal> amounts = new ArrayList<>();
        for (JsonNode year : budget) {
            int fiscalYear = year.path("fiscalYear").asInt();
            if (fiscalYear >= fromFiscalYear && fiscalYear <= toFiscalYear) {
                amounts.add(year.path(field).decimalValue());
            }
        }
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
