package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.INDEPENDENT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.SECOND_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.THIRD_COMMITTEE_MEMBER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The task API's rules: who sees and may act on which task, and what a valid completion is. */
@ApplicationTest
class TaskApiIT {

    final CaseDriver driver;

    @Autowired
    HistoryService history;

    TaskApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void inboxListsTasksOpenToTheCallersRolesOnCasesTheyMaySee() {
        String caseId = driver.openCase(PROPONENT, "Inbox case");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");

        JsonNode managerTasks = driver.as(PROGRAM_MANAGER).get("/api/tasks?size=200").json();
        JsonNode task = find(managerTasks.path("content"), screening);
        assertThat(task.path("name").asText()).isEqualTo("Screen proposal");
        assertThat(task.path("caseId").asText()).isEqualTo(caseId);
        assertThat(task.path("caseTitle").asText()).isEqualTo("Inbox case");
        assertThat(task.path("stage").asText()).isEqualTo("FEASIBILITY_STUDY");
        assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("program-manager");
        assertThat(task.has("created")).isTrue();

        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        JsonNode ownTasks = driver.as(PROPONENT).get("/api/tasks?size=200").json().path("content");
        assertThat(find(ownTasks, report).path("due").asText()).isNotBlank();
        JsonNode otherTasks = driver.as(OTHER_PROPONENT).get("/api/tasks?size=200").json().path("content");
        assertThat(ids(otherTasks)).doesNotContain(report);
    }

    @Test
    void theInboxFiltersByStageAndPartnerCountry() {
        String caseId = driver.openCase(PROPONENT, "Filtered case in Viet Nam");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        assertThat(ids(manager.get("/api/tasks?size=200&partnerCountry=VN&stage=FEASIBILITY_STUDY").json()
                .path("content"))).contains(screening);
        assertThat(ids(manager.get("/api/tasks?size=200&partnerCountry=MN").json().path("content")))
                .doesNotContain(screening);
        assertThat(ids(manager.get("/api/tasks?size=200&stage=MOU").json().path("content"))).doesNotContain(screening);
    }

    @Test
    void formOfATaskIsTheCamundaFormSchema() {
        String caseId = driver.openCase(PROPONENT, "Form case");
        ApiClient.Response form = driver.as(PROGRAM_MANAGER)
                .get("/api/tasks/" + driver.openTask(caseId, "Task_ScreenProposal") + "/form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("feasibility-screen-proposal");
        assertThat(form.json().path("components").findValuesAsText("key")).contains("screeningDecision", "screeningComments");
    }

    @Test
    void invalidValuesAreRefusedFieldByFieldAndNothingChanges() {
        String caseId = driver.openCase(PROPONENT, "Validation case");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        int stepsBefore = driver.caseFile(caseId).path("history").size();

        Map<String, Object> values = new HashMap<>(ValidSubmissions.of("Task_SubmitFeasibilityReport"));
        values.remove("businessViability");
        values.put("estimatedReductionTco2PerYear", -5);
        values.put("financingPlan", 42);
        values.put("colour", "green");
        ApiClient.Response response = driver.as(PROPONENT).post("/api/tasks/" + taskId + "/complete", Map.of("variables", values));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json())).containsExactlyInAnyOrder("businessViability",
                "estimatedReductionTco2PerYear", "financingPlan", "colour");
        // the message codes that pages translate are not part of the API
        assertThat(response.json().path("errors").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("field", "message");
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isEqualTo(taskId);
        assertThat(driver.caseFile(caseId).path("history")).hasSize(stepsBefore);
    }

    @Test
    void choicesMustBeOneOfTheFormsOptionsAndNumbersWithinRange() {
        String caseId = driver.openCase(PROPONENT, "Choice case");
        String taskId = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient.Response response = driver.as(PROGRAM_MANAGER).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", Map.of("screeningDecision", "MAYBE", "screeningComments", "x")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("screeningDecision");

        response = driver.as(PROGRAM_MANAGER).post("/api/tasks/" + taskId + "/complete", Map.of("variables", Map.of()));
        assertThat(fields(response.json())).containsExactlyInAnyOrder("screeningDecision", "screeningComments");
    }

    @Test
    void installationMayNotStartBeforeTheMouWasSigned() {
        String caseId = caseInDemonstration();
        String taskId = driver.openTask(caseId, "Task_InstallTechnology");
        Map<String, Object> values = new HashMap<>(ValidSubmissions.of("Task_InstallTechnology"));
        values.put("installationStartDate", "2016-09-01");
        ApiClient.Response response = driver.as(PROPONENT).post("/api/tasks/" + taskId + "/complete", Map.of("variables", values));
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("installationStartDate");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("2016-10-03");
    }

    @Test
    void onlyTheRolesTheTaskNamesMayCompleteIt() {
        String caseId = driver.openCase(PROPONENT, "Role case");
        String taskId = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient.Response response = driver.as(PROPONENT).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_ScreenProposal")));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(driver.openTask(caseId, "Task_ScreenProposal")).isEqualTo(taskId);
    }

    /** Another organisation's task is answered like an unknown id, so that ids cannot be probed. */
    @Test
    void anotherOrganisationsTaskIsNotFoundLikeAnUnknownOne() {
        String caseId = driver.openCase(PROPONENT, "Nihon EcoTech's case");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        ApiClient other = driver.as(OTHER_PROPONENT);
        Map<String, ApiClient.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("task", other.get("/api/tasks/" + taskId));
        answers.put("form", other.get("/api/tasks/" + taskId + "/form"));
        answers.put("claim", other.post("/api/tasks/" + taskId + "/claim"));
        answers.put("unclaim", other.post("/api/tasks/" + taskId + "/unclaim"));
        answers.put("complete", other.post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_SubmitFeasibilityReport"))));
        answers.put("page", other.getPage("/tasks/" + taskId));
        ApiClient.Response unknown = other.get("/api/tasks/no-such-task");
        answers.forEach((what, answer) -> assertThat(answer.status()).as(what).isEqualTo(404));
        assertThat(answers.get("task").text().replace(taskId, "ID"))
                .isEqualTo(unknown.text().replace("no-such-task", "ID"));
        assertThat(answers.get("page").text()).doesNotContain("another organisation", "Nihon EcoTech's case");

        // completed, it is a conflict to those who may see its case, and still nothing to the others
        driver.complete(caseId, "Task_SubmitFeasibilityReport", PROPONENT);
        assertThat(driver.as(PROPONENT).get("/api/tasks/" + taskId).status()).isEqualTo(409);
        assertThat(other.get("/api/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(other.post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(404);
    }

    @Test
    void aPageFarBeyondTheEndOfTheInboxIsABadPage() {
        ApiClient.Response response = driver.as(PROGRAM_MANAGER).get("/api/tasks?page=2147483647&size=200");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json())).containsExactly("page");
        ApiClient.Response page = driver.as(PROGRAM_MANAGER).getPage("/tasks?page=2147483647");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("There is no such page");
        // the last page the engine can count to is an empty page
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/tasks?page=10737417&size=200").status()).isEqualTo(200);
    }

    @Test
    void aCommitteeMemberMayNotEvaluateACaseOfTheirOwnOrganisation() {
        String caseId = driver.openCase(OTHER_PROPONENT, "Sakura's case at the stage gate");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitFeasibilityReport", OTHER_PROPONENT);
        driver.complete(caseId, "Task_ReviewFeasibilityReport", PROGRAM_MANAGER);
        driver.complete(caseId, "Task_SubmitSurveyResults", OTHER_PROPONENT);
        driver.complete(caseId, "Task_ReviewSurveyResults", PROGRAM_MANAGER);
        // the programme manager cannot convene a member of the proponent's organisation
        String convene = driver.openTask(caseId, "Task_ConveneCommittee");
        ApiClient.Response refused = driver.as(PROGRAM_MANAGER).post("/api/tasks/" + convene + "/complete",
                Map.of("variables", Map.of("committeeMembers",
                        List.of(COMMITTEE_MEMBER_OF_SAKURA, COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER))));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactly("committeeMembers");
        driver.complete(caseId, "Task_ConveneCommittee", PROGRAM_MANAGER);
        // nor can that member take over another member's evaluation
        String taskId = driver.openTask(caseId, "Task_EvaluateCase", COMMITTEE_MEMBER);
        ApiClient.Response response = driver.as(COMMITTEE_MEMBER_OF_SAKURA).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_EvaluateCase")));
        assertThat(response.status()).isEqualTo(403);
        for (String member : INDEPENDENT_COMMITTEE) {
            driver.complete(caseId, "Task_EvaluateCase", member);
        }
        assertThat(driver.openTask(caseId, "Task_ConfirmStageGateDecision")).isNotBlank();
    }

    @Test
    void unknownTaskIsNotFound() {
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        assertThat(manager.post("/api/tasks/no-such-task/complete", Map.of("variables", Map.of())).status()).isEqualTo(404);
        assertThat(manager.get("/api/tasks/no-such-task/form").status()).isEqualTo(404);
        assertThat(manager.post("/api/tasks/no-such-task/claim").status()).isEqualTo(404);
    }

    @Test
    void completingATaskTwiceIsAConflict() {
        String caseId = driver.openCase(PROPONENT, "Twice");
        String taskId = driver.openTask(caseId, "Task_ScreenProposal");
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        ApiClient.Response again = driver.as(PROGRAM_MANAGER).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_ScreenProposal")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void whenTwoUsersCompleteATaskAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String caseId = driver.openCase(PROPONENT, "Race " + round);
                driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
                String taskId = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> completion = () -> {
                    start.await();
                    return driver.as(PROPONENT).post("/api/tasks/" + taskId + "/complete",
                            Map.of("variables", ValidSubmissions.of("Task_SubmitFeasibilityReport"))).status();
                };
                List<Future<Integer>> results = List.of(pool.submit(completion), pool.submit(completion));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(204, 409);
                JsonNode history = driver.caseFile(caseId).path("history");
                assertThat(history.findValuesAsText("stepKey")).containsOnlyOnce("Task_SubmitFeasibilityReport");
                assertThat(driver.openTask(caseId, "Task_ReviewFeasibilityReport")).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimingReservesATaskAndUnclaimingReleasesIt() {
        String caseId = driver.openCase(PROPONENT, "Claim case");
        String taskId = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient manager = driver.as(PROGRAM_MANAGER);
        assertThat(manager.post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
        assertThat(manager.get("/api/tasks/" + taskId).json().path("assignee").asText()).isEqualTo(PROGRAM_MANAGER);
        assertThat(manager.post("/api/tasks/" + taskId + "/unclaim").status()).isEqualTo(204);
        assertThat(manager.get("/api/tasks/" + taskId).json().has("assignee")).isFalse();
    }

    @Test
    void aTaskNobodyHoldsIsClaimedByWhoeverCompletesItWithTheCompletion() {
        String caseId = driver.openCase(PROPONENT, "Claimed on completion");
        String taskId = driver.openTask(caseId, "Task_ScreenProposal");
        ApiClient.Response completed = driver.as(OTHER_PROGRAM_MANAGER).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_ScreenProposal")));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getAssignee()).as("who did the step").isEqualTo(OTHER_PROGRAM_MANAGER);
        assertThat(done.getDeleteReason()).isEqualTo("completed");
    }

    @Test
    void aTaskClaimedBySomeoneElseCannotBeClaimedOrCompleted() {
        String caseId = driver.openCase(PROPONENT, "Claimed case");
        String taskId = driver.openTask(caseId, "Task_ScreenProposal");
        assertThat(driver.as(PROGRAM_MANAGER).post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(204);
        ApiClient colleague = driver.as(OTHER_PROGRAM_MANAGER);
        assertThat(colleague.post("/api/tasks/" + taskId + "/claim").status()).isEqualTo(409);
        assertThat(colleague.post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_ScreenProposal"))).status()).isEqualTo(403);
        assertThat(driver.openTask(caseId, "Task_ScreenProposal")).isEqualTo(taskId);
    }

    private String caseInDemonstration() {
        String caseId = driver.openCase(PROPONENT, "Installation case");
        for (String[] step : new String[][] {
                {"Task_ScreenProposal", PROGRAM_MANAGER}, {"Task_SubmitFeasibilityReport", PROPONENT},
                {"Task_ReviewFeasibilityReport", PROGRAM_MANAGER}, {"Task_SubmitSurveyResults", PROPONENT},
                {"Task_ReviewSurveyResults", PROGRAM_MANAGER}, {"Task_ConveneCommittee", PROGRAM_MANAGER},
                {"Task_EvaluateCase", COMMITTEE_MEMBER}, {"Task_EvaluateCase", SECOND_COMMITTEE_MEMBER},
                {"Task_EvaluateCase", THIRD_COMMITTEE_MEMBER},
                {"Task_ConfirmStageGateDecision", PROGRAM_MANAGER}, {"Task_NegotiateMou", PROGRAM_MANAGER},
                {"Task_RecordMouSignature", PROGRAM_MANAGER}, {"Task_SubmitImplementationDocument", PROPONENT}}) {
            driver.complete(caseId, step[0], step[1]);
        }
        return caseId;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    private static List<String> ids(JsonNode tasks) {
        return tasks.findValuesAsText("id");
    }

    private static JsonNode find(JsonNode tasks, String taskId) {
        for (JsonNode task : tasks) {
            if (task.path("id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("Task " + taskId + " not in " + tasks);
    }
}
