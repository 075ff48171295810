package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/tasks/{id}/draft}: a form saved half-filled by its assignee, which decides nothing. */
@ApplicationTest
class TaskDraftApiIT {

    @Autowired
    TaskService engineTasks;
    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;

    TaskDraftApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aDraftIsTheAssigneesOwnAndIsNoDecision() {
        String caseId = driver.openCase(PROPONENT, "Screening drafted");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        int stepsBefore = driver.caseFile(caseId).path("history").size();
        ApiClient manager = driver.as(PROGRAM_MANAGER);

        ApiClient.Response saved = manager.put("/api/tasks/" + screening + "/draft",
                "{\"variables\":{\"screeningComments\":\"Fits the call; budget to check.\"}}");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.json().path("variables").path("screeningComments").asText())
                .isEqualTo("Fits the call; budget to check.");

        // saving claimed the task, so that nobody else completes it meanwhile
        assertThat(manager.get("/api/tasks/" + screening).json().path("assignee").asText()).isEqualTo(PROGRAM_MANAGER);
        JsonNode draft = manager.get("/api/tasks/" + screening + "/draft").json();
        assertThat(draft.path("variables").path("screeningComments").asText()).isEqualTo("Fits the call; budget to check.");
        assertThat(draft.path("savedAt").asText()).isNotBlank();
        // the form to resume from starts with the draft's values
        assertThat(manager.get("/api/tasks/" + screening + "/form").json().path("data").path("screeningComments")
                .asText()).isEqualTo("Fits the call; budget to check.");

        // nobody else sees it or writes over it; it is in no history and no process variable
        ApiClient other = driver.as(OTHER_PROGRAM_MANAGER);
        assertThat(other.get("/api/tasks/" + screening + "/draft").status()).isEqualTo(404);
        assertThat(other.get("/api/tasks/" + screening + "/form").json().path("data").has("screeningComments")).isFalse();
        assertThat(other.put("/api/tasks/" + screening + "/draft", "{\"variables\":{}}").status()).isEqualTo(403);
        assertThat(driver.as(PROPONENT).get("/api/tasks/" + screening + "/draft").status()).isEqualTo(404);
        assertThat(driver.caseFile(caseId).path("history")).hasSize(stepsBefore);
        assertThat(engineTasks.getVariables(screening)).doesNotContainKeys("screeningComments", "screeningDecision");

        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        assertThat(jdbc.sql("select count(*) from task_draft where task_id = ?").param(screening).query(Long.class)
                .single()).isZero();
    }

    @Test
    void badValuesAreRefusedNamingEachFieldAndNothingIsWrittenNorClaimed() {
        String caseId = driver.openCase(PROPONENT, "Bad draft");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient manager = driver.as(PROGRAM_MANAGER);

        ApiClient.Response refused = manager.put("/api/tasks/" + screening + "/draft",
                "{\"variables\":{\"screeningDecision\":\"MAYBE\",\"screeningComments\":\"" + "x".repeat(4001)
                        + "\",\"colour\":\"green\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("screeningDecision", "screeningComments", "colour");
        assertThat(manager.get("/api/tasks/" + screening + "/draft").status()).isEqualTo(404);
        assertThat(manager.get("/api/tasks/" + screening).json().has("assignee")).isFalse();
    }

    @Test
    void aDraftIsResumedThenDiscardedAndAnUnknownTaskHasNone() {
        String caseId = driver.openCase(PROPONENT, "Draft resumed");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        ApiClient proponent = driver.as(PROPONENT);
        assertThat(proponent.put("/api/tasks/" + report + "/draft",
                "{\"variables\":{\"estimatedReductionTco2PerYear\":1300.5}}").status()).isEqualTo(200);
        assertThat(proponent.put("/api/tasks/" + report + "/draft",
                "{\"variables\":{\"estimatedReductionTco2PerYear\":1400,\"mrvApproach\":\"Metered.\"}}").status())
                .isEqualTo(200);
        JsonNode draft = proponent.get("/api/tasks/" + report + "/draft").json().path("variables");
        assertThat(draft.path("estimatedReductionTco2PerYear").asDouble()).isEqualTo(1400.0);
        assertThat(draft.path("mrvApproach").asText()).isEqualTo("Metered.");

        assertThat(proponent.send("DELETE", "/api/tasks/" + report + "/draft", null, Map.of()).status())
                .isEqualTo(204);
        assertThat(proponent.get("/api/tasks/" + report + "/draft").status()).isEqualTo(404);
        assertThat(proponent.get("/api/tasks/no-such-task/draft").status()).isEqualTo(404);
        ApiClient.Response completed = proponent.post("/api/tasks/" + report + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_SubmitFeasibilityReport")));
        assertThat(completed.status()).isEqualTo(204);
        assertThat(proponent.get("/api/tasks/" + report + "/draft").status()).isEqualTo(409);
    }
}
