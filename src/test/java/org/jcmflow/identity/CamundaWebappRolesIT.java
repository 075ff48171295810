package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.SECOND_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.THIRD_COMMITTEE_MEMBER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.TasklistSession;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Camunda webapps through the portal's login, with the user's roles as Camunda groups: a committee member
 * works the committee's tasks in Tasklist, under the same rules as in the portal, and does not reach Cockpit or
 * Admin. Drives the REST calls Tasklist makes, in one session, with Camunda's CSRF token.
 */
@ApplicationTest
class CamundaWebappRolesIT {

    private static final String ENGINE_API = TasklistSession.ENGINE_API;

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    CamundaWebappAuthorizations webappAuthorizations;

    final CaseDriver driver;

    CamundaWebappRolesIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void anOpenTaskWithoutItsRolesGrantGetsItBackAtTheNextStart() {
        String screening = driver.openTask(driver.openCase(PROPONENT, "Tasklist: grant lost"), "Task_ScreenProposal");
        Authorization grant = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(screening).groupIdIn("program-manager").singleResult();
        assertThat(grant).as("the engine grants a new task's role").isNotNull();
        authorizationService.deleteAuthorization(grant.getId()); // as for a task created with authorizations off

        webappAuthorizations.createMissing();

        Authorization restored = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(screening).groupIdIn("program-manager").singleResult();
        assertThat(restored).isNotNull();
        assertThat(restored.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(restored.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    }

    @Test
    void aCommitteeMemberReachesTasklistButNotCockpitNorAdmin() {
        ApiClient kobayashi = tasklist(COMMITTEE_MEMBER);

        JsonNode user = kobayashi.get("/camunda/api/admin/auth/user/default").json();
        assertThat(user.path("userId").asText()).isEqualTo(COMMITTEE_MEMBER);
        assertThat(texts(user.path("authorizedApps"))).contains("tasklist").doesNotContain("cockpit", "admin");

        assertThat(kobayashi.getPage("/camunda/app/cockpit/default/").status()).isEqualTo(403);
        assertThat(kobayashi.getPage("/camunda/app/admin/default/").status()).isEqualTo(403);
        assertThat(kobayashi.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status())
                .isEqualTo(403);
        assertThat(kobayashi.get("/camunda/api/admin/plugin/adminPlugins/default/").status()).isEqualTo(403);
        assertThat(kobayashi.get("/engine-rest/task").status()).isEqualTo(403);
    }

    @Test
    void aCommitteeMemberSeesTheCommitteesTasksInTasklistAndNoneOfOtherRoles() {
        String atEvaluation = driver.openCaseAtEvaluation(PROPONENT, "Tasklist: committee evaluation");
        String evaluation = driver.openTask(atEvaluation, "Task_EvaluateCase", COMMITTEE_MEMBER);
        String atScreening = driver.openCase(PROPONENT, "Tasklist: still in screening");
        String screening = driver.openTask(atScreening, "Task_ScreenProposal");

        ApiClient kobayashi = tasklist(COMMITTEE_MEMBER);
        Map<String, String> filters = new HashMap<>();
        for (JsonNode filter : kobayashi.get(ENGINE_API + "/filter?resourceType=Task").json()) {
            filters.put(filter.path("name").asText(), filter.path("id").asText());
        }
        assertThat(filters).containsKeys("Tasks of my roles", "My tasks").doesNotContainKey("All tasks");

        // the evaluation is given to him by name; the programme office's screening is not his roles'
        JsonNode mine = kobayashi.get(ENGINE_API + "/filter/" + filters.get("My tasks") + "/list").json();
        assertThat(ids(mine)).contains(evaluation).doesNotContain(screening);
        JsonNode ofMyRoles = kobayashi.get(ENGINE_API + "/filter/" + filters.get("Tasks of my roles") + "/list").json();
        assertThat(texts(ofMyRoles, "taskDefinitionKey")).doesNotContain("Task_ScreenProposal");
        // not even asking for them directly
        assertThat(ids(kobayashi.get(ENGINE_API + "/task").json())).contains(evaluation).doesNotContain(screening);
        assertThat(kobayashi.get(ENGINE_API + "/task/" + screening).status()).isIn(403, 404);

        // the task's form, as Tasklist shows it
        assertThat(kobayashi.get(ENGINE_API + "/task/" + evaluation + "/deployed-form").status()).isEqualTo(200);

        ApiClient.Response incomplete = post(kobayashi, ENGINE_API + "/task/" + evaluation + "/submit-form",
                Map.of("variables", typed(Map.of("conflictOfInterest", false))));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().path("message").asText()).contains("evaluationComments", "is required");

        assertThat(post(kobayashi, ENGINE_API + "/task/" + evaluation + "/claim", Map.of("userId", COMMITTEE_MEMBER))
                .status()).isEqualTo(204);
        String stageGate = taskService.createTaskQuery().taskId(evaluation).singleResult().getProcessInstanceId();
        ApiClient.Response completed = post(kobayashi, ENGINE_API + "/task/" + evaluation + "/submit-form",
                Map.of("variables", typed(ValidSubmissions.of("Task_EvaluateCase"))));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
        // as through our API, the scores are the evaluation's (its register, the history), not the process's
        assertThat(processEngine.getRuntimeService().getVariables(stageGate))
                .doesNotContainKeys("scoreGhgReduction", "evaluationComments", "conflictOfInterest");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stageGate)
                .variableName("evaluationComments").count()).isZero();

        driver.complete(atEvaluation, "Task_EvaluateCase", SECOND_COMMITTEE_MEMBER);
        driver.complete(atEvaluation, "Task_EvaluateCase", THIRD_COMMITTEE_MEMBER);
        driver.openTask(atEvaluation, "Task_ConfirmStageGateDecision");
        JsonNode step = stepOf(driver.caseFile(atEvaluation).path("history"), "Task_EvaluateCase");
        assertThat(step.path("who").asText()).isEqualTo(COMMITTEE_MEMBER);
        assertThat(step.path("details").asText()).contains("\"scoreGhgReduction\": 4", "\"conflictOfInterest\": false");
    }

    @Test
    void tasklistsOwnListsShowTheTasksOfTheUserAndOfTheirRoles() {
        String atEvaluation = driver.openCaseAtEvaluation(PROPONENT, "Tasklist: the lists as Tasklist asks for them");
        String evaluation = driver.openTask(atEvaluation, "Task_EvaluateCase", COMMITTEE_MEMBER);
        String toConvene = driver.openCase(PROPONENT, "Tasklist: a committee to convene");
        for (String step : List.of("Task_ScreenProposal", "Task_SubmitFeasibilityReport", "Task_ReviewFeasibilityReport",
                "Task_SubmitSurveyResults", "Task_ReviewSurveyResults")) {
            driver.complete(toConvene, step, step.contains("Submit") ? PROPONENT : PROGRAM_MANAGER);
        }
        String convening = driver.openTask(toConvene, "Task_ConveneCommittee");

        assertThat(tasklistList(tasklist(COMMITTEE_MEMBER), "My tasks")).contains(evaluation);
        assertThat(tasklistList(tasklist(PROGRAM_MANAGER), "Tasks of my roles")).contains(convening)
                .doesNotContain(evaluation);
    }

    @Test
    void theWebappsWorkOnTheApplicationsOwnEngine() {
        tasklist(PROGRAM_MANAGER);
        // the webapps look their engine up by name; a camunda.cfg.xml on the classpath (say, a stale one in
        // target/test-classes) would start a second engine under the same name on another database
        assertThat(ProcessEngines.getProcessEngine("default")).isSameAs(processEngine);
    }

    /**
     * The ids in a filter's list as Tasklist's page fetches them: the filters with their counts, then the list as
     * hal+json with the variables Tasklist shows.
     */
    private List<String> tasklistList(ApiClient client, String filterName) {
        String filterId = null;
        for (JsonNode filter : client.get(ENGINE_API + "/filter?resourceType=Task&itemCount=true").json()) {
            if (filter.path("name").asText().equals(filterName)) {
                filterId = filter.path("id").asText();
                assertThat(filter.path("itemCount").asInt()).as(filterName + " counts its tasks").isPositive();
            }
        }
        assertThat(filterId).as(filterName).isNotNull();
        Map<String, Object> body = Map.of("processVariables", List.of(), "taskVariables", List.of(),
                "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")),
                "active", true);
        ApiClient.Response list = client.post(ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                body, Map.of("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"), "Accept", "application/hal+json"));
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().path("count").asInt()).as(list.text()).isPositive();
        List<String> ids = new ArrayList<>();
        list.json().path("_embedded").path("task").forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    @Test
    void aCommitteeMemberCannotEvaluateTheirOwnOrganisationsCaseInTasklist() {
        String sakurasCase = driver.openCaseAtEvaluation(OTHER_PROPONENT, "Tasklist: Sakura's own case");
        String evaluation = driver.openTask(sakurasCase, "Task_EvaluateCase", COMMITTEE_MEMBER);
        ApiClient ito = tasklist(COMMITTEE_MEMBER_OF_SAKURA);

        ApiClient.Response claim = post(ito, ENGINE_API + "/task/" + evaluation + "/claim",
                Map.of("userId", COMMITTEE_MEMBER_OF_SAKURA));
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.json().path("message").asText()).contains("own organisation");

        ApiClient.Response complete = post(ito, ENGINE_API + "/task/" + evaluation + "/submit-form",
                Map.of("variables", typed(ValidSubmissions.of("Task_EvaluateCase"))));
        assertThat(complete.status()).isEqualTo(403);
        assertThat(complete.json().path("message").asText()).contains("own organisation");
        assertThat(post(ito, ENGINE_API + "/task/" + evaluation + "/complete",
                Map.of("variables", typed(ValidSubmissions.of("Task_EvaluateCase")))).status()).isEqualTo(403);

        JsonNode stillOpen = null;
        for (JsonNode open : driver.caseFile(sakurasCase).path("openTasks")) {
            stillOpen = open.path("id").asText().equals(evaluation) ? open : stillOpen;
        }
        assertThat(stillOpen).as("the evaluation is still open").isNotNull();
        assertThat(stillOpen.path("assignee").asText(null)).as("still the member's it was given to")
                .isEqualTo(COMMITTEE_MEMBER);
    }

    @Test
    void theEngineItselfRefusesACompletionAgainstTheRules() {
        String sakurasCase = driver.openCaseAtEvaluation(OTHER_PROPONENT, "Engine: Sakura's own case");
        String evaluation = driver.openTask(sakurasCase, "Task_EvaluateCase", COMMITTEE_MEMBER);
        CurrentUser ito = new CurrentUser(COMMITTEE_MEMBER_OF_SAKURA, Set.of(Role.STAGE_GATE_COMMITTEE),
                "sakura-engineering");

        // as the webapps call the engine for a logged-in user: that user in the request, their groups in the engine
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(ito.username(), null, ito.authorities()));
        identityService.setAuthentication(ito.username(), ito.groupIds());
        try {
            // the evaluation is kobayashi's, given by name: the engine refuses to hand it over
            assertThatThrownBy(() -> taskService.claim(evaluation, ito.username()))
                    .isInstanceOf(ProcessEngineException.class);
            assertThatThrownBy(() -> taskService.complete(evaluation, ValidSubmissions.of("Task_EvaluateCase")))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("own organisation");
        } finally {
            identityService.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
        assertThat(driver.openTask(sakurasCase, "Task_EvaluateCase", COMMITTEE_MEMBER)).isEqualTo(evaluation);
    }

    @Test
    void aProgrammeManagerCannotCompleteTheCommitteesTaskInTasklist() {
        String caseId = driver.openCaseAtEvaluation(PROPONENT, "Tasklist: not the manager's task");
        String evaluation = driver.openTask(caseId, "Task_EvaluateCase");
        ApiClient sato = tasklist(PROGRAM_MANAGER);

        assertThat(ids(sato.get(ENGINE_API + "/task").json())).doesNotContain(evaluation);
        ApiClient.Response complete = post(sato, ENGINE_API + "/task/" + evaluation + "/submit-form",
                Map.of("variables", typed(ValidSubmissions.of("Task_EvaluateCase"))));
        assertThat(complete.status()).isEqualTo(403);
        assertThat(driver.openTask(caseId, "Task_EvaluateCase")).isEqualTo(evaluation);
    }

    /** A client that has opened Tasklist, as a browser would: logged in, with Camunda's CSRF cookie. */
    private ApiClient tasklist(String username) {
        return TasklistSession.open(port, username).client();
    }

    private static ApiClient.Response post(ApiClient client, String path, Object body) {
        return client.post(path, body, "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        return TasklistSession.typed(values);
    }

    private static List<String> ids(JsonNode tasks) {
        return texts(tasks, "id");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.path(field).asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static JsonNode stepOf(JsonNode history, String taskKey) {
        for (JsonNode step : history) {
            if (step.path("stepKey").asText().equals(taskKey)) {
                return step;
            }
        }
        throw new AssertionError("No step " + taskKey + " in " + history);
    }
}
