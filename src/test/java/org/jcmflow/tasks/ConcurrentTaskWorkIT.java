package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two programme managers act on the same task at the same instant, 200 times over: each pair of requests leaves
 * its two threads together at a barrier. Exactly one of them may claim, and exactly one may complete; the other
 * is told of the conflict (409 problem+json), the history holds the work once, and the case is where the winner's
 * decision put it. On a database of its own: its 200 cases would crowd the inboxes of the tests that share theirs.
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-concurrency-test")
class ConcurrentTaskWorkIT {

    private static final int TASKS = 200;
    private static final String SCREENING = "Task_ScreenProposal";

    @Autowired
    JdbcClient jdbc;

    /** Only to find the cases' screening tasks without reading 200 case files over HTTP. */
    @Autowired
    TaskService camundaTasks;

    final CaseDriver driver;
    ApiClient sato;
    ApiClient takahashi;
    ExecutorService pool;

    ConcurrentTaskWorkIT(CaseDriver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void clients() {
        sato = driver.as(PROGRAM_MANAGER);
        takahashi = driver.as(OTHER_PROGRAM_MANAGER);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** What one race ended with: the status each manager got, and the problem the loser was shown. */
    record Race(int satoStatus, int takahashiStatus, ApiClient.Response loser) {

        String winner() {
            return satoStatus == 204 ? PROGRAM_MANAGER : OTHER_PROGRAM_MANAGER;
        }

        boolean oneWonOneConflicted() {
            return (satoStatus == 204 && takahashiStatus == 409) || (satoStatus == 409 && takahashiStatus == 204);
        }
    }

    @Test
    void ofTwoManagersClaimingAndCompletingOneTaskAtTheSameInstantExactlyOneSucceeds() throws Exception {
        List<String> caseIds = openCases();
        Map<String, String> screeningTaskOfCase = new TreeMap<>();
        for (String caseId : caseIds) {
            screeningTaskOfCase.put(caseId, camundaTasks.createTaskQuery().processInstanceBusinessKey(caseId)
                    .taskDefinitionKey(SCREENING).active().singleResult().getId());
        }

        Map<String, Integer> claims = new TreeMap<>();
        Map<String, Integer> completions = new TreeMap<>();
        List<Race> claimRaces = new ArrayList<>();
        List<Race> completionRaces = new ArrayList<>();
        Map<String, String> claimedBy = new TreeMap<>();
        Map<String, String> completedBy = new TreeMap<>();
        for (String caseId : caseIds) {
            String taskId = screeningTaskOfCase.get(caseId);

            Race claim = race(client -> client.post("/api/tasks/" + taskId + "/claim"));
            count(claims, claim);
            claimRaces.add(claim);
            String assignee = camundaTasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
            claimedBy.put(taskId, String.valueOf(assignee));
            if (assignee != null) {
                // handed back, so that both may complete it
                ApiClient.Response unclaimed = (assignee.equals(PROGRAM_MANAGER) ? sato : takahashi)
                        .post("/api/tasks/" + taskId + "/unclaim");
                assertThat(unclaimed.status()).as(unclaimed.text()).isEqualTo(204);
            }

            // each manager decides differently, so the case shows whose completion counted
            Race completion = race(client -> client.post("/api/tasks/" + taskId + "/complete", Map.of("variables",
                    Map.of("screeningDecision", client == sato ? "ACCEPT" : "REJECT",
                            "screeningComments", "Screened in a race"))));
            count(completions, completion);
            completionRaces.add(completion);
            completedBy.put(caseId, completion.winner());
        }
        System.out.printf("Concurrent work on %d tasks, two managers at the same instant each: claims %s, "
                + "completions %s%n", TASKS, claims, completions);

        for (int i = 0; i < TASKS; i++) {
            String taskId = screeningTaskOfCase.get(caseIds.get(i));
            Race claim = claimRaces.get(i);
            assertThat(claim.oneWonOneConflicted()).as("claims of task %s: %s", taskId, claim).isTrue();
            assertConflictProblem(claim.loser());
            assertThat(claimedBy.get(taskId)).as("assignee of task %s", taskId).isEqualTo(claim.winner());
            Race completion = completionRaces.get(i);
            assertThat(completion.oneWonOneConflicted()).as("completions of task %s: %s", taskId, completion).isTrue();
            assertConflictProblem(completion.loser());
        }
        for (String caseId : caseIds) {
            String winner = completedBy.get(caseId);
            JsonNode file = driver.caseFile(caseId);
            List<JsonNode> screenings = new ArrayList<>();
            file.path("history").forEach(step -> {
                if (step.path("stepKey").asText().equals(SCREENING)) {
                    screenings.add(step);
                }
            });
            assertThat(screenings).as("screening steps in the history of case %s", caseId).hasSize(1);
            assertThat(screenings.get(0).path("who").asText()).isEqualTo(winner);
            if (winner.equals(PROGRAM_MANAGER)) {
                assertThat(screenings.get(0).path("outcome").asText()).isEqualTo("ACCEPT");
                assertThat(file.path("stage").asText()).as("stage of case %s", caseId).isEqualTo("FEASIBILITY_STUDY");
                assertThat(file.path("openTasks").findValuesAsText("taskKey"))
                        .as("open tasks of case %s", caseId).containsExactly("Task_SubmitFeasibilityReport");
            } else {
                assertThat(screenings.get(0).path("outcome").asText()).isEqualTo("REJECT");
                assertThat(file.path("stage").asText()).as("stage of case %s", caseId).isEqualTo("TERMINATED");
                assertThat(file.path("openTasks")).as("open tasks of case %s", caseId).isEmpty();
            }
        }

        // Camunda's own history: each screening task once, completed once
        List<String> taskIds = List.copyOf(screeningTaskOfCase.values());
        List<Map<String, Object>> historic = jdbc.sql("""
                select id_, end_time_, delete_reason_ from act_hi_taskinst
                where task_def_key_ = :key and proc_inst_id_ in (
                    select proc_inst_id_ from act_hi_taskinst where id_ in (:ids))""")
                .param("key", SCREENING).param("ids", taskIds).query().listOfRows();
        assertThat(historic).hasSize(TASKS);
        assertThat(historic).allSatisfy(row -> {
            assertThat(row.get("end_time_")).isNotNull();
            assertThat(row.get("delete_reason_")).isEqualTo("completed");
        });
        assertThat(historic.stream().map(row -> row.get("id_")).toList()).containsExactlyInAnyOrderElementsOf(taskIds);
        Long completionsInCaseHistory = jdbc.sql("""
                select count(*) from case_history
                where step_key = :key and case_id in (:cases)""")
                .param("key", SCREENING).param("cases", caseIds.stream().map(java.util.UUID::fromString).toList())
                .query(Long.class).single();
        assertThat(completionsInCaseHistory).isEqualTo(TASKS);
    }

    private List<String> openCases() throws Exception {
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String title = "Race " + i;
            opened.add(pool.submit(() -> driver.openCase(PROPONENT, title)));
        }
        List<String> caseIds = new ArrayList<>();
        for (Future<String> caseId : opened) {
            caseIds.add(caseId.get(2, TimeUnit.MINUTES));
        }
        return caseIds;
    }

    /** Both managers send their request when both threads have reached the barrier. */
    private Race race(Function<ApiClient, ApiClient.Response> request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Future<ApiClient.Response> bySato = pool.submit(() -> {
            together.await();
            return request.apply(sato);
        });
        Future<ApiClient.Response> byTakahashi = pool.submit(() -> {
            together.await();
            return request.apply(takahashi);
        });
        ApiClient.Response satoResponse = bySato.get(1, TimeUnit.MINUTES);
        ApiClient.Response takahashiResponse = byTakahashi.get(1, TimeUnit.MINUTES);
        return new Race(satoResponse.status(), takahashiResponse.status(),
                satoResponse.status() == 204 ? takahashiResponse : satoResponse);
    }

    private static void count(Map<String, Integer> counts, Race race) {
        String outcome = race.oneWonOneConflicted() ? "one 204, one 409"
                : "sato " + race.satoStatus() + ", takahashi " + race.takahashiStatus();
        counts.merge(outcome, 1, Integer::sum);
    }

    private static void assertConflictProblem(ApiClient.Response loser) {
        assertThat(loser.contentType()).as(loser.text()).startsWith("application/problem+json");
        assertThat(loser.json().path("status").asInt()).isEqualTo(409);
        assertThat(loser.json().path("detail").asText()).isNotBlank();
    }
}
