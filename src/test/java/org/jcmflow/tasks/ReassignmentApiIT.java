package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.DemoUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A programme manager gives tasks to named people of their roles and hands them back, through the same rules as
 * any other work; a committee member away names a stand-in, who evaluates in their place where they may, and the
 * case's history says so.
 */
@ApplicationTest
class ReassignmentApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Only to tell that a refused request wrote nothing. */
    @Autowired
    JdbcClient jdbc;

    /**
     * The absences recorded here end with the test: the tests after it, on the same database, convene committees
     * whose members are all present.
     */
    @AfterEach
    void absencesEnd() {
        jdbc.sql("delete from absence").update();
    }

    final CaseDriver driver;

    ReassignmentApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aProgrammeManagerGivesATaskToAColleagueWhoIsToldAndHandsItBackAndTheHistorySaysSo() {
        String caseId = driver.openCase(PROPONENT, "Reassigned: chillers for a shopping mall");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        assertThat(reassign(PROGRAM_MANAGER, screening, OTHER_PROGRAM_MANAGER).status()).isEqualTo(204);
        assertThat(assignee(screening)).isEqualTo(OTHER_PROGRAM_MANAGER);
        // told once as one of the programme managers when the case opened, then again by name
        JsonNode told = awaitNotification(OTHER_PROGRAM_MANAGER, caseId, "/tasks/" + screening, 2);
        assertThat(told.path("title").asText()).isEqualTo("New task: Screen proposal (Reassigned: chillers for a shopping mall)");

        assertThat(driver.as(PROGRAM_MANAGER).post("/api/tasks/" + screening + "/assignee", Map.of()).status())
                .isEqualTo(204);
        assertThat(assignee(screening)).isNull();

        List<JsonNode> changes = new ArrayList<>();
        driver.caseFile(caseId).path("history").forEach(step -> {
            if (step.path("stepKey").asText().equals("TaskReassigned")) {
                changes.add(step);
            }
        });
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).path("who").asText()).isEqualTo(PROGRAM_MANAGER);
        assertThat(details(changes.get(0))).containsEntry("reassignedTo", "takahashi")
                .containsEntry("reassignedTask", "Screen proposal");
        assertThat(details(changes.get(1))).containsEntry("reassignedFrom", "takahashi").containsEntry("reassignedTo", "-");
        // the engine's guard lets the new assignee work on it as on any task of theirs
        assertThat(reassign(PROGRAM_MANAGER, screening, PROGRAM_MANAGER).status()).isEqualTo(204);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
    }

    @Test
    void onlyAProgrammeManagerReassignsAndOnlyToSomeoneWhoCouldClaimTheTaskNothingWrittenOtherwise() {
        String caseId = driver.openCase(PROPONENT, "Reassigned: refused changes");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        long history = historyCount(caseId);
        assertThat(reassign(PROPONENT, screening, PROPONENT).status()).isEqualTo(403);
        assertThat(reassign(COMMITTEE_MEMBER, screening, PROGRAM_MANAGER).status()).isEqualTo(403);
        assertThat(reassign(OTHER_PROPONENT, screening, PROGRAM_MANAGER).status()).as("no such task to them")
                .isEqualTo(404);
        for (Object person : List.of("nobody-at-all", PROPONENT, COMMITTEE_MEMBER, "x".repeat(101))) {
            ApiClient.Response refused = reassign(PROGRAM_MANAGER, screening, person);
            assertThat(refused.status()).as("%s: %s", person, refused.text()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).as(refused.text())
                    .contains("assignee");
        }
        for (Object wrong : List.of(12, true, List.of("sato"), Map.of("a", 1))) {
            ApiClient.Response refused = reassign(PROGRAM_MANAGER, screening, wrong);
            assertThat(refused.status()).as("%s: %s", wrong, refused.text()).isEqualTo(400);
            assertThat(refused.text()).contains("assignee");
        }
        assertThat(driver.as(PROGRAM_MANAGER).post("/api/tasks/" + screening + "/assignee",
                Map.of("assignee", "sato", "owner", "sato")).status()).isEqualTo(400);
        assertThat(assignee(screening)).isNull();
        assertThat(historyCount(caseId)).isEqualTo(history);
    }

    @Test
    void anAbsentCommitteeMembersStandInEvaluatesWhereTheyMayAndTheHistorySaysSo() {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        String until = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(10).toString();
        // refused absences write nothing
        Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
        bad.put(Map.of("startsOn", today, "endsOn", "2020-01-01", "standIn", COMMITTEE_MEMBER_OF_SAKURA), "endsOn");
        bad.put(Map.of("startsOn", today, "endsOn", until, "standIn", COMMITTEE_MEMBER), "standIn");
        bad.put(Map.of("startsOn", today, "endsOn", until, "standIn", PROGRAM_MANAGER), "standIn");
        bad.put(Map.of("startsOn", today, "endsOn", until, "standIn", "nobody-at-all"), "standIn");
        bad.put(Map.of("endsOn", until, "standIn", COMMITTEE_MEMBER_OF_SAKURA), "startsOn");
        bad.put(Map.of("startsOn", "tomorrow", "endsOn", until, "standIn", COMMITTEE_MEMBER_OF_SAKURA), "startsOn");
        bad.put(Map.of("startsOn", today, "endsOn", until), "standIn");
        for (var entry : bad.entrySet()) {
            ApiClient.Response refused = driver.as(COMMITTEE_MEMBER).post("/api/absences", new HashMap<>(entry.getKey()));
            assertThat(refused.status()).as("%s: %s", entry.getKey(), refused.text()).isEqualTo(400);
            assertThat(refused.text()).as(entry.getKey().toString()).contains("\"" + entry.getValue() + "\"");
        }
        assertThat(driver.as(COMMITTEE_MEMBER).post("/api/absences", Map.of("person", DemoUser.SECOND_COMMITTEE_MEMBER,
                "startsOn", today, "endsOn", until, "standIn", COMMITTEE_MEMBER_OF_SAKURA)).status())
                .as("only a programme manager records another's absence").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from absence").query(Long.class).single()).isZero();

        ApiClient.Response recorded = driver.as(COMMITTEE_MEMBER).post("/api/absences",
                Map.of("startsOn", today, "endsOn", until, "standIn", COMMITTEE_MEMBER_OF_SAKURA));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(driver.as(COMMITTEE_MEMBER_OF_SAKURA).get("/api/absences").text()).contains("\"person\":\"kobayashi\"");
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/absences").text()).contains("\"standIn\":\"ito\"");

        // a case of Nihon EcoTech: ito may evaluate it, in kobayashi's place
        String nihon = caseConvened(PROPONENT, "Stand-in: a Nihon EcoTech case");
        assertThat(evaluators(nihon)).containsExactlyInAnyOrder(COMMITTEE_MEMBER_OF_SAKURA,
                DemoUser.SECOND_COMMITTEE_MEMBER, DemoUser.THIRD_COMMITTEE_MEMBER);
        JsonNode standIn = step(driver.caseFile(nihon), "StandInForAbsentMember");
        assertThat(standIn.path("outcome").asText()).isEqualTo("STAND_IN");
        assertThat(details(standIn)).containsEntry("absentMember", "kobayashi").containsEntry("standIn", "ito")
                .containsEntry("absentUntil", until);
        JsonNode proponentsView = step(driver.as(PROPONENT).get("/api/cases/" + nihon).json(), "StandInForAbsentMember");
        assertThat(proponentsView.path("details").isMissingNode() || proponentsView.path("details").isNull())
                .as("who sits on the committee stays with the programme").isTrue();
        driver.complete(nihon, "Task_EvaluateCase", COMMITTEE_MEMBER_OF_SAKURA);

        // a case of Sakura Engineering: ito may not evaluate it, so kobayashi keeps the evaluation
        String sakura = caseConvened(OTHER_PROPONENT, "Stand-in: a Sakura Engineering case");
        assertThat(evaluators(sakura)).containsExactlyInAnyOrderElementsOf(DemoUser.INDEPENDENT_COMMITTEE);
        assertThat(step(driver.caseFile(sakura), "StandInForAbsentMember").path("outcome").asText())
                .isEqualTo("STAND_IN_REFUSED");
    }

    /** A new case of the proponent's, taken to the stage gate, with kobayashi, yamamoto and inoue convened. */
    private String caseConvened(String proponent, String title) {
        String caseId = driver.openCase(proponent, title);
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", proponent);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", proponent);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        return caseId;
    }

    private static Map<String, String> details(JsonNode step) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(step.path("details").asText(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError(step.toString(), e);
        }
    }

    private ApiClient.Response reassign(String username, String taskId, Object assignee) {
        Map<String, Object> body = new HashMap<>();
        body.put("assignee", assignee);
        return driver.as(username).post("/api/tasks/" + taskId + "/assignee", body);
    }

    private String assignee(String taskId) {
        return driver.as(PROGRAM_MANAGER).get("/api/tasks/" + taskId).json().path("assignee").asText(null);
    }

    private long historyCount(String caseId) {
        return jdbc.sql("select count(*) from case_history where case_id = cast(? as uuid)").param(caseId)
                .query(Long.class).single();
    }

    private List<String> evaluators(String caseId) {
        List<String> evaluators = new ArrayList<>();
        driver.caseFile(caseId).path("openTasks").forEach(task -> {
            if (task.path("taskKey").asText().equals("Task_EvaluateCase")) {
                evaluators.add(task.path("assignee").asText());
            }
        });
        return evaluators;
    }

    private static JsonNode step(JsonNode caseFile, String stepKey) {
        for (JsonNode step : caseFile.path("history")) {
            if (step.path("stepKey").asText().equals(stepKey)) {
                return step;
            }
        }
        throw new AssertionError("No step " + stepKey + " in " + caseFile.path("history"));
    }

    /** The newest of the person's new-task notifications of the task, once there are as many as expected. */
    private JsonNode awaitNotification(String username, String caseId, String link, int expected) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode entry : driver.as(username).get("/api/notifications?size=200").json().path("content")) {
                if (entry.path("caseId").asText().equals(caseId) && entry.path("link").asText().equals(link)
                        && entry.path("kind").asText().equals("newTask")) {
                    found.add(entry);
                }
            }
            if (found.size() >= expected) {
                return found.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No notification for " + username + " of " + link);
    }
}
