package org.jcmflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contracts and the spending under them, and the dashboard's execution counted from that spending alone. On cases
 * in Saudi Arabia (which no other test uses; the application tests share one database), filtered by it.
 */
@ApplicationTest
class ContractApiIT {

    private static final String SAUDI_ARABIA = "?partnerCountry=SA";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter ENGINE_REST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String CSV = "text/csv";

    @LocalServerPort
    int port;

    final CaseDriver driver;
    ApiClient manager;

    ContractApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void manager() {
        manager = driver.as(PROGRAM_MANAGER);
    }

    @Test
    void executionIsTheSpendingUnderTheContractsNeverTheProposalsBudgets() {
        BigDecimal before2015 = executed(2015);
        Map<String, Object> proposal = CaseDriver.newCase("Asks for 5,000 million JPY");
        proposal.put("partnerCountry", "SA");
        proposal.put("fiscalYear", 2015);
        proposal.put("budgetMillionJpy", 5000);
        String caseId = driver.openCase(PROPONENT, proposal);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);

        assertThat(executed(2015)).isEqualByComparingTo(before2015);

        JsonNode contract = sign(caseId, "SA-2015-0001", "FEASIBILITY_STUDY", "120");
        String id = contract.path("id").asText();
        assertThat(contract.path("currentAmountMillionJpy").decimalValue()).isEqualByComparingTo("120");
        assertThat(executed(2015)).isEqualByComparingTo(before2015);

        assertThat(manager.put("/api/contracts/" + id + "/spending/2015",
                "{\"executedMillionJpy\": 80.5, \"carriedOverMillionJpy\": 20}").status()).isEqualTo(204);
        assertThat(executed(2015)).isEqualByComparingTo(before2015.add(new BigDecimal("80.5")));

        // above the contract's amount, 80.5 + 50 > 120: refused, until a change raises the amount
        JsonNode above = manager.put("/api/contracts/" + id + "/spending/2016", "{\"executedMillionJpy\": 50}").json();
        assertThat(above.path("status").asInt()).isEqualTo(400);
        assertThat(above.path("errors").findValuesAsText("field")).containsExactly("executedMillionJpy");
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("changedOn", "2016-02-01");
        change.put("amountMillionJpy", 140);
        change.put("endsOn", "2017-02-28");
        change.put("reason", "Second site added at the ministry's request");
        ApiClient.Response changed = manager.post("/api/contracts/" + id + "/changes", change);
        assertThat(changed.status()).as(changed.text()).isEqualTo(201);
        assertThat(changed.json().path("amountMillionJpy").decimalValue()).isEqualByComparingTo("120");
        assertThat(changed.json().path("currentAmountMillionJpy").decimalValue()).isEqualByComparingTo("140");
        assertThat(changed.json().path("currentEndsOn").asText()).isEqualTo("2017-02-28");
        assertThat(changed.json().path("changes").findValuesAsText("reason"))
                .containsExactly("Second site added at the ministry's request");
        assertThat(manager.put("/api/contracts/" + id + "/spending/2016", "{\"executedMillionJpy\": 50}").status())
                .isEqualTo(204);
        assertThat(executed(2016)).isEqualByComparingTo("50");

        // an accounts file with a bad row writes nothing, and names each bad row and field
        String bad = "contractNumber,fiscalYear,executedMillionJpy,returnedMillionJpy\n"
                + "SA-2015-0001,2015,90,\n"
                + "NO-SUCH-CONTRACT,2015,1,\n"
                + "SA-2015-0001,2016,lots,\n"
                + "SA-2015-0001,2019,1,-2\n";
        ApiClient.Response refused = manager.post("/api/spending/import", bad, Map.of("Content-Type", CSV));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).contains("rows[3].contractNumber",
                "rows[4].executedMillionJpy", "rows[5].fiscalYear", "rows[5].returnedMillionJpy");
        assertThat(executed(2015)).isEqualByComparingTo(before2015.add(new BigDecimal("80.5")));

        ApiClient.Response imported = manager.post("/api/spending/import",
                "\uFEFFcontractNumber,fiscalYear,executedMillionJpy,carriedOverMillionJpy,returnedMillionJpy\n"
                        + "SA-2015-0001,2015,\"90.0\",0,0\nSA-2015-0001,2016,45,,5\n", Map.of("Content-Type", CSV));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("rows").asInt()).isEqualTo(2);
        assertThat(executed(2015)).isEqualByComparingTo(before2015.add(new BigDecimal("90")));
        JsonNode fy2016 = year(2016);
        assertThat(fy2016.path("executedMillionJpy").decimalValue()).isEqualByComparingTo("45");
        assertThat(fy2016.path("returnedByContractorsMillionJpy").decimalValue()).isEqualByComparingTo("5");

        ApiClient.Response csv = manager.get("/api/reports/spending.csv", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("contractNumber", "SA-2015-0001,2016,45");
        assertThat(manager.get("/api/reports/contracts.xlsx", "*/*").status()).isEqualTo(200);
    }

    @Test
    void aContractIsForWorkTheProgrammeSelected() {
        String caseId = driver.openCase(PROPONENT, "Not yet screened", "SA", 2015);
        assertThat(manager.post("/api/contracts", entry(caseId, "SA-2015-0100", "FEASIBILITY_STUDY", "10")).status())
                .isEqualTo(409);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        assertThat(manager.post("/api/contracts", entry(caseId, "SA-2015-0100", "DEMONSTRATION", "10")).status())
                .isEqualTo(409);
        sign(caseId, "SA-2015-0100", "FEASIBILITY_STUDY", "10");
        assertThat(manager.post("/api/contracts", entry(caseId, "SA-2015-0100", "FEASIBILITY_STUDY", "10")).status())
                .isEqualTo(409);

        Map<String, Object> bad = entry(caseId, "no spaces allowed", "FEASIBILITY_STUDY", "-1");
        bad.put("endsOn", "2015-01-01");
        bad.remove("signedOn");
        JsonNode problem = manager.post("/api/contracts", bad).json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .contains("contractNumber", "amountMillionJpy", "endsOn", "signedOn");
    }

    @Test
    void programmeManagersWriteTheProgrammeOfficeReadsProponentsTheirOwn() {
        String caseId = driver.openCase(PROPONENT, "Read by its own organisation", "SA", 2015);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String id = sign(caseId, "SA-2015-0200", "FEASIBILITY_STUDY", "10").path("id").asText();

        assertThat(driver.as(PROPONENT).get("/api/contracts/" + id).status()).isEqualTo(200);
        assertThat(driver.as(PROPONENT).get("/api/contracts").json().findValuesAsText("contractNumber"))
                .contains("SA-2015-0200");
        assertThat(driver.as(OTHER_PROPONENT).get("/api/contracts/" + id).status()).isEqualTo(404);
        assertThat(driver.as(OTHER_PROPONENT).get("/api/contracts").json().findValuesAsText("contractNumber"))
                .doesNotContain("SA-2015-0200");
        assertThat(driver.as(ADMIN).get("/api/contracts/" + id).status()).isEqualTo(200);
        assertThat(driver.as(COMMITTEE_MEMBER).get("/api/contracts").status()).isEqualTo(403);
        assertThat(driver.as(ADMIN).put("/api/contracts/" + id + "/spending/2015", "{\"executedMillionJpy\": 1}")
                .status()).isEqualTo(403);
        assertThat(driver.as(PROPONENT).post("/api/contracts", entry(caseId, "SA-2015-0201", "FEASIBILITY_STUDY", "1"))
                .status()).isEqualTo(403);
        assertThat(driver.as(PROPONENT).post("/api/spending/import", "contractNumber,fiscalYear,executedMillionJpy\n",
                Map.of("Content-Type", CSV)).status()).isEqualTo(403);
    }

    /**
     * The study's report is due at the end of the contract's last day (in Tokyo), with its reminder a week before and
     * its escalation at that moment; a change of the contract's end moves them, a change of its amount does not.
     */
    @Test
    void theReportIsDueWhenTheContractEndsAndMovesWithItsEnd() {
        String caseId = driver.openCase(PROPONENT, "Reported by the contract's end", "SA", 2015);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        LocalDate ends = LocalDate.now(TOKYO).plusDays(200);
        Map<String, Object> entry = entry(caseId, "SA-2015-0400", "FEASIBILITY_STUDY", "10");
        entry.put("endsOn", ends.toString());
        ApiClient.Response signed = manager.post("/api/contracts", entry);
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        reportDueAtTheEndOf(caseId, report, ends);

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("changedOn", "2015-09-01");
        change.put("endsOn", ends.plusDays(90).toString());
        change.put("reason", "The partner ministry asked for a second measurement season");
        String contract = signed.json().path("id").asText();
        assertThat(manager.post("/api/contracts/" + contract + "/changes", change).status()).isEqualTo(201);
        reportDueAtTheEndOf(caseId, report, ends.plusDays(90));

        change.remove("endsOn");
        change.put("amountMillionJpy", 12);
        change.put("reason", "Travel costs rose");
        assertThat(manager.post("/api/contracts/" + contract + "/changes", change).status()).isEqualTo(201);
        reportDueAtTheEndOf(caseId, report, ends.plusDays(90));
    }

    /**
     * The demonstration's final report opens long after its contract was signed: it is due when the contract ends,
     * not when the process's duration for it runs out, with its reminder a week before and its escalation then.
     */
    @Test
    void aReportOpeningAfterTheContractWasSignedIsDueWhenTheContractEnds() {
        String caseId = driver.openCase(PROPONENT, "Final report by the contract's end", "SA", 2016);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", PROGRAM_MANAGER);
        LocalDate ends = LocalDate.now(TOKYO).plusDays(400);
        Map<String, Object> entry = entry(caseId, "SA-2016-0500", "DEMONSTRATION", "300");
        entry.put("endsOn", ends.toString());
        ApiClient.Response signed = manager.post("/api/contracts", entry);
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);

        driver.complete(caseId, "Task_NegotiateMou", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_RecordMouSignature", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitImplementationDocument", PROPONENT);
        driver.complete(caseId, "Task_InstallTechnology", PROPONENT);
        driver.complete(caseId, "Task_CommissionTechnology", PROPONENT);
        driver.complete(caseId, "Task_SubmitProgressReport", PROPONENT);
        driver.complete(caseId, "Task_ReviewProgressReport", PROGRAM_MANAGER);
        reportDueAtTheEndOf(caseId, "Task_SubmitFinalReport", driver.openTask(caseId, "Task_SubmitFinalReport"), ends);
    }

    private void reportDueAtTheEndOf(String caseId, String report, LocalDate lastDay) {
        reportDueAtTheEndOf(caseId, "Task_SubmitFeasibilityReport", report, lastDay);
    }

    private void reportDueAtTheEndOf(String caseId, String step, String report, LocalDate lastDay) {
        Instant due = lastDay.plusDays(1).atStartOfDay(TOKYO).minusSeconds(1).toInstant();
        JsonNode task = driver.as(PROPONENT).get("/api/tasks/" + report).json();
        assertThat(Instant.parse(task.path("due").asText())).isEqualTo(due);
        String boundary = "Boundary_" + step.substring("Task_".length());
        assertThat(timer(caseId, step, boundary + "Reminder")).isEqualTo(due.minus(Duration.ofDays(7)));
        assertThat(timer(caseId, step, boundary + "Overdue")).isEqualTo(due);
    }

    /** When the timer of the case's open report fires, as the engine has it. */
    private Instant timer(String caseId, String step, String boundary) {
        ApiClient admin = driver.as(ADMIN);
        String instance = admin.get("/engine-rest/task?processInstanceBusinessKey=" + caseId
                + "&taskDefinitionKey=" + step).json().get(0).path("processInstanceId").asText();
        JsonNode jobs = admin.get("/engine-rest/job?processInstanceId=" + instance + "&activityId=" + boundary).json();
        assertThat(jobs).as(boundary).hasSize(1);
        return OffsetDateTime.parse(jobs.get(0).path("dueDate").asText(), ENGINE_REST_TIME).toInstant();
    }

    /** The page records what the API does, in either language, with each error next to its field or line. */
    @Test
    void programmeManagersRecordContractsAndSpendingOnThePage() {
        String caseId = driver.openCase(PROPONENT, "Recorded on the page", "SA", 2015);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        PageSession sato = new PageSession(port, PROGRAM_MANAGER);

        PageSession.Page signed = sato.postForm("/contracts", Map.of("contractNumber", "SA-2015-0300", "caseId", caseId,
                "kind", "FEASIBILITY_STUDY", "signedOn", "2015-05-20", "startsOn", "2015-06-01", "endsOn", "2016-03-31",
                "amountMillionJpy", "25"));
        assertThat(signed.status()).isEqualTo(302);
        assertThat(sato.follow(signed).document().select("[data-contract=SA-2015-0300]")).hasSize(1);

        PageSession.Page refused = sato.postForm("/contracts/spending", Map.of("contractNumber", "SA-2015-0300",
                "fiscalYear", "2015", "executedMillionJpy", "26"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#spending-executedMillionJpy-error").text()).contains("25");

        PageSession.Page imported = sato.upload("/contracts/import", "accounts.csv",
                "contractNumber,fiscalYear,executedMillionJpy\nSA-2015-0300,2015,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(imported.document().select("#import-rows li").text()).contains("rows[2].executedMillionJpy");

        assertThat(sato.get("/contracts?lang=ja").html()).contains("委託契約と執行", "SA-2015-0300");
        assertThat(new PageSession(port, COMMITTEE_MEMBER).get("/contracts").status()).isEqualTo(403);
    }

    private JsonNode sign(String caseId, String number, String kind, String amount) {
        ApiClient.Response signed = manager.post("/api/contracts", entry(caseId, number, kind, amount));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        return signed.json();
    }

    private static Map<String, Object> entry(String caseId, String number, String kind, String amount) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("contractNumber", number);
        entry.put("caseId", caseId);
        entry.put("kind", kind);
        entry.put("signedOn", "2015-05-20");
        entry.put("startsOn", "2015-06-01");
        entry.put("endsOn", "2016-12-31");
        entry.put("amountMillionJpy", new BigDecimal(amount));
        return entry;
    }

    private BigDecimal executed(int fiscalYear) {
        JsonNode year = year(fiscalYear);
        return year.isMissingNode() ? BigDecimal.ZERO : year.path("executedMillionJpy").decimalValue();
    }

    private JsonNode year(int fiscalYear) {
        for (JsonNode year : manager.get("/api/dashboard" + SAUDI_ARABIA).json().path("budget")) {
            if (year.path("fiscalYear").asInt() == fiscalYear) {
                return year;
            }
        }
        return MissingNode.getInstance();
    }
}
