package org.jcmflow.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme's settings, evaluations, versioned targets and policy work through the API, and on the ledger
 * and the case page. The application tests share one database: the settings are put back as they were, the
 * targets are revised to the values they have, and the revisions and evaluations end with each test, so that the
 * ledger the other tests read (and print) is the programme's without them.
 */
@ApplicationTest
class ProgrammeRecordsApiIT {

    /** Only to take this test's programme-wide records away again. */
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void recordsEnd() {
        jdbc.sql("delete from indicator_target").update();
        jdbc.sql("delete from programme_evaluation").update();
    }

    final CaseDriver driver;

    ProgrammeRecordsApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theLedgerIsHeadedByTheProgrammesSettingsAndClosedByItsEvaluation() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        JsonNode settings = manager.get("/api/programme/settings").json();
        assertThat(settings.path("pjCode").asText()).isEqualTo("11013");
        assertThat(settings.path("lastFiscalYear").asInt()).isEqualTo(2017);
        assertThat(driver.as(PROPONENT).get("/api/programme/settings").status()).isEqualTo(403);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("pjCode", " ");
        bad.put("department", "国際部地球環境対策推進室");
        bad.put("contractType", "COMMISSIONED");
        bad.put("account", "エネルギー需給勘定");
        bad.put("firstFiscalYear", 2011);
        bad.put("lastFiscalYear", 2010);
        JsonNode refused = manager.put("/api/programme/settings", json(bad)).json();
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("pjCode",
                "lastFiscalYear");
        assertThat(manager.get("/api/programme/settings").json().path("pjCode").asText()).isEqualTo("11013");
        assertThat(driver.as(ADMIN).put("/api/programme/settings", json(bad)).status()).isEqualTo(403);

        // the period is the programme's, not the current fiscal year
        String ledger = manager.getPage("/dashboard/ledger?lang=en").text();
        assertThat(ledger).contains("Programme period: FY2011 – FY2017", ">11013<", ">国際部地球環境対策推進室<",
                "Commissioned (委託)", ">エネルギー需給勘定<");

        JsonNode noResult = manager.post("/api/programme/evaluations",
                Map.of("kind", "EARLY_EX_POST", "heldOn", "2099-01-01")).json();
        assertThat(noResult.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("heldOn", "result");
        int before = manager.get("/api/programme/evaluations").json().size();
        ApiClient.Response recorded = manager.post("/api/programme/evaluations", Map.of("kind", "EARLY_EX_POST",
                "heldOn", "2017-06-28", "result", "=HYPERLINK(\"x\") On track, dissemination to follow up"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(manager.get("/api/programme/evaluations").json()).hasSize(before + 1);
        assertThat(driver.as(PROPONENT).post("/api/programme/evaluations", Map.of("kind", "INTERIM",
                "heldOn", "2015-01-01", "result", "x")).status()).isEqualTo(403);
        assertThat(manager.getPage("/dashboard/ledger?lang=ja").text())
                .contains("前倒し事後評価（2017-06-28実施）：=HYPERLINK");
        String page = manager.getPage("/programme?lang=ja").text();
        assertThat(page).contains("事業の設定と記録", "11013", "前倒し事後評価", "settings-form", "policy-form");
        assertThat(driver.as(PROPONENT).getPage("/programme").status()).isEqualTo(403);
        // a cell of text is never a formula in the export
        assertThat(manager.get("/api/reports/evaluations.csv").text()).contains("'=HYPERLINK");
    }

    @Test
    void aTargetIsRevisedWithItsReasonAndTheRevisionsAreKept() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        JsonNode refused = manager.post("/api/programme/targets", Map.of("indicator", "ACTIVITY", "targetValue", -1,
                "deadlineFiscalYear", 2017, "revisedOn", today.toString())).json();
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("targetValue",
                "deadlineFiscalYear", "reason");
        assertThat(manager.get("/api/programme/targets").json()).isEmpty();

        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("indicator", "OUTCOME");
        revision.put("targetValue", 10);
        revision.put("deadlineFiscalYear", 2017);
        revision.put("revisedOn", today.minusDays(1).toString());
        revision.put("reason", "情勢変化: confirmed at the interim review");
        assertThat(manager.post("/api/programme/targets", revision).status()).isEqualTo(201);
        revision.put("revisedOn", today.minusDays(2).toString());
        assertThat(manager.post("/api/programme/targets", revision).status()).isEqualTo(409);
        revision.put("revisedOn", today.toString());
        revision.put("reason", "Confirmed again by the committee");
        assertThat(manager.post("/api/programme/targets", revision).status()).isEqualTo(201);

        JsonNode targets = manager.get("/api/programme/targets").json();
        assertThat(targets.findValuesAsText("reason")).containsExactly("情勢変化: confirmed at the interim review",
                "Confirmed again by the committee");
        assertThat(manager.get("/api/dashboard").json().path("indicators").path("methodologiesApproved")
                .path("target").asInt()).isEqualTo(10);
        assertThat(manager.getPage("/dashboard/ledger?lang=en").text()).contains("Revisions of the targets",
                "情勢変化: confirmed at the interim review");
        assertThat(manager.get("/api/reports/targets.csv").text()).contains("Confirmed again by the committee");
        assertThat(driver.as(PROPONENT).get("/api/programme/targets").status()).isEqualTo(403);
    }

    @Test
    void policyWorkIsLoggedPerCaseAndCountryAndShownToWhoeverMaySeeTheCase() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        String caseId = driver.openCase(PROPONENT, "Inverter air-conditioning with labelling", "MX", 2016);
        long before = manager.get("/api/dashboard?partnerCountry=MX").json().path("policyWork").path("total").asLong();

        Map<String, Object> work = new LinkedHashMap<>();
        work.put("caseId", caseId);
        work.put("partnerCountry", "VN");
        work.put("heldOn", "2016-11-15");
        work.put("kind", "TECHNICIAN_TRAINING");
        work.put("participants", -3);
        JsonNode refused = manager.post("/api/policy-work", work).json();
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("partnerCountry",
                "counterpart", "participants", "outcome");
        assertThat(manager.get("/api/cases/" + caseId + "/policy-work").json()).isEmpty();

        work.remove("partnerCountry");
        work.put("participants", 45);
        work.put("counterpart", "Comisión Nacional para el Uso Eficiente de la Energía");
        work.put("outcome", "Technicians trained to install and service labelled equipment");
        work.put("documents", "Training manual");
        ApiClient.Response recorded = manager.post("/api/policy-work", work);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.json().path("partnerCountry").asText()).isEqualTo("MX");
        assertThat(driver.as(PROPONENT).post("/api/policy-work", work).status()).isEqualTo(403);

        assertThat(driver.as(PROPONENT).get("/api/cases/" + caseId + "/policy-work").json()).hasSize(1);
        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + caseId + "/policy-work").status()).isEqualTo(404);
        assertThat(driver.as(PROPONENT).get("/api/policy-work").status()).isEqualTo(403);
        assertThat(driver.as(PROPONENT).getPage("/cases/" + caseId + "?lang=en").text())
                .contains("Joint policy work with the partner ministries", "Technician training", "Training manual");
        assertThat(manager.get("/api/dashboard?partnerCountry=MX").json().path("policyWork").path("total").asLong())
                .isEqualTo(before + 1);
        assertThat(manager.get("/api/reports/policy-work.csv").text()).contains("Training manual");
        assertThat(manager.download("/api/reports/programme.xlsx").statusCode()).isEqualTo(200);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
