package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.casefile.Stage;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding work in the inbox through the API: sorted by due date, newest first, case or stage; filters saved under
 * a name, each person's own; and several tasks claimed at once, each under the rules of a single claim.
 */
@ApplicationTest
class FindingWorkApiIT {

    /** Only to tell that a refused filter wrote nothing. */
    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;

    FindingWorkApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theInboxSortsByDueDateNewestFirstCaseAndStage() {
        String token = token();
        // opened one after the other: the first opened is due first, the last opened is the newest
        driver.openCase(PROPONENT, token + " Charlie boilers");
        driver.openCase(PROPONENT, token + " Alpha chillers");
        driver.openCase(PROPONENT, token + " Bravo pumps");

        assertThat(titles("q=" + token)).as("due date first, by default")
                .containsExactly(token + " Charlie boilers", token + " Alpha chillers", token + " Bravo pumps");
        assertThat(titles("q=" + token + "&sort=due")).containsExactly(token + " Charlie boilers",
                token + " Alpha chillers", token + " Bravo pumps");
        assertThat(titles("q=" + token + "&sort=created")).containsExactly(token + " Bravo pumps",
                token + " Alpha chillers", token + " Charlie boilers");
        assertThat(titles("q=" + token + "&sort=case")).containsExactly(token + " Alpha chillers",
                token + " Bravo pumps", token + " Charlie boilers");

        // the whole inbox by stage: the cases' stages in the lifecycle's order
        JsonNode byStage = driver.as(PROGRAM_MANAGER).get("/api/tasks?sort=stage&size=200").json().path("content");
        List<Integer> positions = new ArrayList<>();
        byStage.forEach(task -> {
            if (task.path("jcmTrackStage").isMissingNode() || task.path("jcmTrackStage").isNull()) {
                positions.add(Stage.valueOf(task.path("stage").asText()).ordinal());
            }
        });
        assertThat(positions).isNotEmpty().isSorted();

        ApiClient.Response unknown = driver.as(PROGRAM_MANAGER).get("/api/tasks?sort=priority");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text()).contains("\"sort\"");
    }

    @Test
    void aFilterIsSavedUnderANameAndIsItsOwnersAlone() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        String name = "Viet Nam studies " + token();
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("name", name);
        filter.put("stage", "FEASIBILITY_STUDY");
        filter.put("partnerCountry", "VN");
        filter.put("q", "ごみ発電");
        filter.put("sort", "case");
        ApiClient.Response saved = manager.post("/api/task-filters", filter);
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        long id = saved.json().path("id").asLong();
        assertThat(saved.json().path("link").asText()).isEqualTo("/tasks?stage=FEASIBILITY_STUDY&partnerCountry=VN"
                + "&q=%E3%81%94%E3%81%BF%E7%99%BA%E9%9B%BB&sort=case");
        assertThat(manager.get("/api/task-filters").json().findValuesAsText("name")).contains(name);
        assertThat(driver.as(OTHER_PROGRAM_MANAGER).get("/api/task-filters").json().findValuesAsText("name"))
                .as("another person's filters are not listed").doesNotContain(name);

        long before = savedFilters();
        Map<Map<String, Object>, String> bad = new LinkedHashMap<>();
        bad.put(Map.of("name", name.toUpperCase()), "name");
        bad.put(Map.of("name", " "), "name");
        bad.put(Map.of("name", "x".repeat(81)), "name");
        bad.put(Map.of("name", "Bad stage", "stage", "NOWHERE"), "stage");
        bad.put(Map.of("name", "Bad country", "partnerCountry", "ZZ"), "partnerCountry");
        bad.put(Map.of("name", "Bad sort", "sort", "priority"), "sort");
        bad.put(Map.of("name", "Long search", "q", "検".repeat(201)), "q");
        for (var entry : bad.entrySet()) {
            ApiClient.Response refused = manager.post("/api/task-filters", entry.getKey());
            assertThat(refused.status()).as("%s: %s", entry.getKey(), refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).as(entry.getKey().toString()).contains("\"" + entry.getValue() + "\"");
        }
        assertThat(savedFilters()).as("nothing written by a refused filter").isEqualTo(before);

        assertThat(driver.as(OTHER_PROGRAM_MANAGER).send("DELETE", "/api/task-filters/" + id, null, Map.of())
                .status()).as("another person's filter is none of theirs").isEqualTo(404);
        assertThat(manager.send("DELETE", "/api/task-filters/" + id, null, Map.of()).status()).isEqualTo(204);
        assertThat(manager.get("/api/task-filters").json().findValuesAsText("name")).doesNotContain(name);
        assertThat(manager.send("DELETE", "/api/task-filters/" + id, null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void severalTasksAreClaimedAtOnceAndEachRefusalSaysWhy() {
        String token = token();
        String first = driver.openTask(driver.openCase(PROPONENT, token + " first"), "Task_ScreenProposal");
        String second = driver.openTask(driver.openCase(PROPONENT, token + " second"), "Task_ScreenProposal");
        String taken = driver.openTask(driver.openCase(PROPONENT, token + " taken"), "Task_ScreenProposal");
        assertThat(driver.as(OTHER_PROGRAM_MANAGER).post("/api/tasks/" + taken + "/claim").status()).isEqualTo(204);

        JsonNode outcome = driver.as(PROGRAM_MANAGER).post("/api/tasks/claim",
                Map.of("taskIds", List.of(first, second, taken, "no-such-task"))).json();
        List<String> claimed = new ArrayList<>();
        outcome.path("claimed").forEach(id -> claimed.add(id.asText()));
        assertThat(claimed).containsExactly(first, second);
        Map<String, Integer> refused = new LinkedHashMap<>();
        outcome.path("refused").forEach(r -> refused.put(r.path("taskId").asText(), r.path("status").asInt()));
        assertThat(refused).containsExactly(Map.entry(taken, 409), Map.entry("no-such-task", 404));
        assertThat(outcome.path("refused").get(0).path("detail").asText()).contains("takahashi");

        JsonNode mine = driver.as(PROGRAM_MANAGER).get("/api/tasks?q=" + token + "&size=200").json().path("content");
        Map<String, String> assignees = new LinkedHashMap<>();
        mine.forEach(task -> assignees.put(task.path("id").asText(), task.path("assignee").asText()));
        assertThat(assignees).containsEntry(first, PROGRAM_MANAGER).containsEntry(second, PROGRAM_MANAGER)
                .doesNotContainKey(taken);

        JsonNode byProponent = driver.as(PROPONENT).post("/api/tasks/claim", Map.of("taskIds", List.of(taken)))
                .json();
        assertThat(byProponent.path("claimed")).isEmpty();
        assertThat(byProponent.path("refused").get(0).path("status").asInt())
                .as("the proponent sees the case, but the screening is the programme office's").isEqualTo(403);

        for (Object body : List.of(Map.of("taskIds", List.of()), Map.of(), Map.of("taskIds", List.of(" ")))) {
            ApiClient.Response refusedBody = driver.as(PROGRAM_MANAGER).post("/api/tasks/claim", body);
            assertThat(refusedBody.status()).as(body.toString()).isEqualTo(400);
            assertThat(refusedBody.text()).contains("\"taskIds\"");
        }
    }

    private List<String> titles(String query) {
        ApiClient.Response response = driver.as(PROGRAM_MANAGER).get("/api/tasks?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        response.json().path("content").forEach(task -> titles.add(task.path("caseTitle").asText()));
        return titles;
    }

    private long savedFilters() {
        return jdbc.sql("select count(*) from saved_task_filter").query(Long.class).single();
    }

    /** A word no other test's case title holds, so that the search finds this test's cases alone. */
    private static String token() {
        return "FW" + UUID.randomUUID().toString().substring(0, 8);
    }
}
