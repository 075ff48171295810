package org.jcmflow.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.SECOND_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.THIRD_COMMITTEE_MEMBER;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jcmflow.engine.EngineClock;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call for proposals from its opening to its selection, through the API as the programme's people use it. On
 * FY2020, which no other test files cases under (the application tests share one database, and a fiscal year
 * with a call takes proposals only through one).
 */
@ApplicationTest
class CallApiIT {

    private static final int FISCAL_YEAR = 2020;
    private static final List<String> CRITERIA = List.of("TECHNICAL_EFFECTIVENESS", "GHG_REDUCTION",
            "DISSEMINATION_POTENTIAL", "COST_EFFECTIVENESS", "POLICY_FIT");

    final CaseDriver driver;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcClient jdbc;

    CallApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void proposalsComeInWhileTheCallIsOpenAndTheSelectionScreensThem() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        int callsBefore = manager.get("/api/calls").json().size();

        JsonNode bad = manager.post("/api/calls", Map.of("fiscalYear", FISCAL_YEAR, "opensOn", "2026-01-20",
                "closesOn", "2026-01-05", "kinds", List.of("FEASIBILITY_STUDY"))).json();
        assertThat(bad.path("status").asInt()).isEqualTo(400);
        assertThat(bad.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "closesOn");
        JsonNode badKind = manager.post("/api/calls", Map.of("title", "x", "fiscalYear", FISCAL_YEAR,
                "opensOn", "2026-01-05", "closesOn", "2026-01-20", "kinds", List.of("HOLIDAY"))).json();
        assertThat(badKind.path("status").asInt()).isEqualTo(400);
        assertThat(badKind.path("errors").findValuesAsText("field")).containsExactly("kinds[0]");
        assertThat(driver.as(PROPONENT).post("/api/calls", call()).status()).isEqualTo(403);
        assertThat(manager.get("/api/calls").json().size()).isEqualTo(callsBefore);

        ApiClient.Response opened = manager.post("/api/calls", call());
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String callId = opened.json().path("id").asText();
        assertThat(opened.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(opened.json().path("criteria")).hasSize(5);

        String mine;
        String theirs;
        clock.stopAt(Instant.parse("2026-01-10T03:00:00Z"));
        try {
            assertThat(manager.get("/api/calls/" + callId).json().path("status").asText()).isEqualTo("OPEN");
            JsonNode noCall = driver.as(PROPONENT).post("/api/cases", proposal("Without a call", null)).json();
            assertThat(noCall.path("errors").findValuesAsText("field")).containsExactly("callId");
            Map<String, Object> otherYear = proposal("Of another year", callId);
            otherYear.put("fiscalYear", 2019);
            JsonNode wrongYear = driver.as(PROPONENT).post("/api/cases", otherYear).json();
            assertThat(wrongYear.path("errors").findValuesAsText("field")).containsExactly("fiscalYear");
            mine = driver.openCase(PROPONENT, proposal("Nihon EcoTech's heat pumps", callId));
            theirs = driver.openCase(OTHER_PROPONENT, proposal("Sakura's chillers", callId));
        } finally {
            clock.resume();
        }
        assertThat(manager.get("/api/calls/" + callId).json().path("proposals").asInt()).isEqualTo(2);

        ApiClient.Response late = driver.as(PROPONENT).post("/api/cases", proposal("Too late", callId));
        assertThat(late.status()).as(late.text()).isEqualTo(409);

        JsonNode notAMember = manager.put("/api/calls/" + callId + "/committee",
                json(Map.of("members", List.of(PROPONENT, COMMITTEE_MEMBER)))).json();
        assertThat(notAMember.path("errors").findValuesAsText("field")).contains("members[0]", "members");
        assertThat(manager.put("/api/calls/" + callId + "/committee", json(Map.of("members", List.of(COMMITTEE_MEMBER,
                SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER, COMMITTEE_MEMBER_OF_SAKURA)))).status()).isEqualTo(200);

        // the Sakura member is not offered Sakura's proposal, and may not score it
        JsonNode offered = driver.as(COMMITTEE_MEMBER_OF_SAKURA).get("/api/calls/" + callId + "/proposals").json();
        assertThat(offered.findValuesAsText("caseId")).containsExactly(mine);
        assertThat(score(COMMITTEE_MEMBER_OF_SAKURA, callId, theirs, 5).status()).isEqualTo(403);
        assertThat(driver.as(PROPONENT).get("/api/calls/" + callId + "/proposals").status()).isEqualTo(403);

        // a score missing, one out of range: refused, naming each, nothing written
        Map<String, Object> incomplete = new LinkedHashMap<>();
        incomplete.put("scores", Map.of("TECHNICAL_EFFECTIVENESS", 9));
        incomplete.put("comment", "Half done");
        JsonNode refused = driver.as(COMMITTEE_MEMBER).put("/api/calls/" + callId + "/proposals/" + mine + "/score",
                json(incomplete)).json();
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("errors").findValuesAsText("field")).contains("scores.TECHNICAL_EFFECTIVENESS",
                "scores.POLICY_FIT");
        assertThat(ranking(callId, mine).path("scores")).isEmpty();

        // the conflict declared keeps the university member's view of Nihon EcoTech's proposal out of the ranking
        assertThat(driver.as(COMMITTEE_MEMBER).put("/api/calls/" + callId + "/proposals/" + mine + "/score",
                json(Map.of("conflictOfInterest", true, "comment", "Advised the proponent last year"))).status())
                .isEqualTo(204);
        for (String member : List.of(COMMITTEE_MEMBER_OF_SAKURA, SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER)) {
            assertThat(score(member, callId, mine, 4).status()).isEqualTo(204);
        }
        for (String member : List.of(COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER)) {
            assertThat(score(member, callId, theirs, 3).status()).isEqualTo(204);
        }
        assertThat(ranking(callId, mine).path("ranking").asInt()).isEqualTo(1);
        assertThat(ranking(callId, mine).path("validEvaluations").asInt()).isEqualTo(3);
        assertThat(ranking(callId, theirs).path("ranking").asInt()).isEqualTo(2);

        // the pages: the ranking for the programme office, the proposals to score for a member, the call for all
        String rankingPage = manager.getPage("/calls/" + callId + "?lang=ja").text();
        assertThat(rankingPage).contains("採択審査委員会の順位", "Nihon EcoTech&#39;s heat pumps", "採択を記録");
        String scoringPage = driver.as(COMMITTEE_MEMBER_OF_SAKURA).getPage("/calls/" + callId + "?lang=en").text();
        assertThat(scoringPage).contains("Proposals to score", "Nihon EcoTech&#39;s heat pumps")
                .doesNotContain("Sakura&#39;s chillers");
        ApiClient.Response proponentsPage = driver.as(PROPONENT).getPage("/calls?lang=en");
        assertThat(proponentsPage.status()).isEqualTo(200);
        assertThat(proponentsPage.text()).contains("FY2020 call for feasibility studies", "Closed: selection under way")
                .doesNotContain("open-form");

        // a proposal of a call is screened by the selection, not on its own
        String screening = driver.openTask(mine, "Task_ScreenProposal");
        ApiClient.Response alone = manager.post("/api/tasks/" + screening + "/complete", Map.of("variables",
                Map.of("screeningDecision", "ACCEPT", "screeningComments", "Screened on its own")));
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.json().path("errors").findValuesAsText("field")).containsExactly("screeningDecision");

        // passing over the first-ranked needs a rationale
        JsonNode noRationale = manager.post("/api/calls/" + callId + "/selection",
                Map.of("selected", List.of(theirs))).json();
        assertThat(noRationale.path("errors").findValuesAsText("field")).containsExactly("rationale");
        assertThat(manager.get("/api/calls/" + callId).json().path("status").asText()).isEqualTo("CLOSED");
        ApiClient.Response selected = manager.post("/api/calls/" + callId + "/selection", Map.of("selected",
                List.of(theirs), "rationale", "The partner ministry asked for chillers first; heat pumps next year"));
        assertThat(selected.status()).as(selected.text()).isEqualTo(200);
        assertThat(selected.json().path("status").asText()).isEqualTo("SELECTED");
        assertThat(manager.post("/api/calls/" + callId + "/selection", Map.of("selected", List.of())).status())
                .isEqualTo(409);

        assertThat(driver.stage(mine)).isEqualTo("TERMINATED");
        assertThat(driver.stage(theirs)).isEqualTo("FEASIBILITY_STUDY");
        assertThat(driver.caseFile(theirs).path("openTasks").findValuesAsText("taskKey"))
                .contains("Task_SubmitFeasibilityReport");
        assertThat(ranking(callId, mine).path("selected").asBoolean(true)).isFalse();
        for (String caseId : List.of(mine, theirs)) {
            assertThat(jdbc.sql("select kind from inbox_notification where case_id = cast(? as uuid)")
                    .param(caseId).query(String.class).list()).as("the proponents told").contains("SELECTION_DECISION");
        }
        ApiClient.Response told = driver.as(PROPONENT).get("/api/notifications?size=200");
        assertThat(told.status()).as(told.text()).isEqualTo(200);
        assertThat(told.text()).contains("Selection of FY2020 call for feasibility studies: Not selected (Nihon EcoTech's heat pumps)");

        ApiClient.Response csv = manager.get("/api/reports/selection.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("Sakura's chillers", "Nihon EcoTech's heat pumps");
        assertThat(driver.as(PROPONENT).get("/api/reports/selection.csv").status()).isEqualTo(403);
        assertThat(manager.download("/api/reports/calls.xlsx").body().length).isPositive();
        assertThat(new String(manager.download("/api/reports/calls.csv").body(), StandardCharsets.UTF_8))
                .contains("FY2020 call for feasibility studies");
    }

    private static Map<String, Object> call() {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("title", "FY2020 call for feasibility studies");
        call.put("fiscalYear", FISCAL_YEAR);
        call.put("opensOn", "2026-01-05");
        call.put("closesOn", "2026-01-20");
        call.put("kinds", List.of("FEASIBILITY_STUDY", "MRV_APPLICATION_SURVEY"));
        return call;
    }

    private static Map<String, Object> proposal(String title, String callId) {
        Map<String, Object> proposal = CaseDriver.newCase(title);
        proposal.put("fiscalYear", FISCAL_YEAR);
        if (callId != null) {
            proposal.put("callId", callId);
        }
        return proposal;
    }

    private ApiClient.Response score(String member, String callId, String caseId, int each) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        CRITERIA.forEach(criterion -> scores.put(criterion, each));
        return driver.as(member).put("/api/calls/" + callId + "/proposals/" + caseId + "/score",
                json(Map.of("conflictOfInterest", false, "scores", scores, "comment", "Scored " + each)));
    }

    private JsonNode ranking(String callId, String caseId) {
        for (JsonNode proposal : driver.as(PROGRAM_MANAGER).get("/api/calls/" + callId + "/proposals").json()) {
            if (proposal.path("caseId").asText().equals(caseId)) {
                return proposal;
            }
        }
        throw new AssertionError("No proposal " + caseId);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
