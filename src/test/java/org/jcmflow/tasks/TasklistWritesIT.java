package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER_OF_SAKURA;
import static org.jcmflow.testsupport.DemoUser.INDEPENDENT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.JOINT_COMMITTEE;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;
import static org.jcmflow.testsupport.DemoUser.SECOND_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.THIRD_COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.VERIFIER;
import static org.jcmflow.testsupport.TasklistSession.ENGINE_API;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.jcmflow.identity.Role;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.TasklistSession;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the programme's roles may write through the engine API of the Camunda webapps, and through the engine
 * itself: only the task actions our rules check (claim, unclaim, complete, submit the form). Every other write is
 * refused, and afterwards no assignee, variable, task or stage-gate record has changed. A committee member's
 * evaluation, given to them by name, stays theirs, and is recorded under the person who completed it.
 */
@ApplicationTest
class TasklistWritesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One signed-in user of each of the programme's roles that work in Tasklist. */
    private static final List<String> PROGRAMME_ROLES =
            List.of(PROGRAM_MANAGER, SECOND_COMMITTEE_MEMBER, VERIFIER, JOINT_COMMITTEE);

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    final CaseDriver driver;

    TasklistWritesIT(CaseDriver driver) {
        this.driver = driver;
    }

    /** A case whose committee of three is evaluating it; kobayashi's evaluation, given to him by name. */
    private record AtEvaluation(String caseId, String evaluation, String stageGate, String lifecycle,
                                String stageGateDefinition) {
    }

    private AtEvaluation atEvaluation(String title) {
        String caseId = driver.openCaseAtEvaluation(PROPONENT, title);
        Task evaluation = taskService.createTaskQuery()
                .taskId(driver.openTask(caseId, "Task_EvaluateCase", COMMITTEE_MEMBER)).singleResult();
        assertThat(evaluation.getAssignee()).isEqualTo(COMMITTEE_MEMBER);
        ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
                .subProcessInstanceId(evaluation.getProcessInstanceId()).singleResult();
        return new AtEvaluation(caseId, evaluation.getId(), evaluation.getProcessInstanceId(),
                lifecycle == null ? evaluation.getProcessInstanceId() : lifecycle.getId(),
                evaluation.getProcessDefinitionId());
    }

    /** A write to the webapps' engine API: method, path below the engine, JSON body. */
    private record Write(String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every write of Camunda 7.24's task and process-instance resources, and the ways to start or move a process. */
    private static List<Write> refusedWrites(AtEvaluation at, String self) {
        String task = "/task/" + at.evaluation();
        String instance = "/process-instance/" + at.stageGate();
        String forged = json(Map.of("value", "forged", "type", "String"));
        String modifications = json(Map.of("modifications", Map.of("forged", Map.of("value", "forged", "type", "String"),
                "stageGateRevisions", Map.of("value", 2, "type", "Integer")), "deletions", List.of("evaluationDeadline")));
        return List.of(
                new Write("POST", task + "/resolve", json(Map.of("variables",
                        Map.of("stageGateRevisions", Map.of("value", 2, "type", "Integer"))))),
                new Write("POST", task + "/delegate", json(Map.of("userId", self))),
                new Write("POST", task + "/assignee", json(Map.of("userId", self))),
                new Write("POST", task + "/assignee", "{\"userId\": null}"),
                new Write("PUT", task + "/variables/forged", forged),
                new Write("POST", task + "/variables", modifications),
                new Write("DELETE", task + "/variables/stageGateRevisions", null),
                new Write("PUT", task + "/localVariables/forged", forged),
                new Write("POST", task + "/localVariables", modifications),
                new Write("DELETE", task + "/localVariables/committeeMember", null),
                new Write("POST", task + "/identity-links", json(Map.of("userId", self, "type", "candidate"))),
                new Write("POST", task + "/identity-links/delete",
                        json(Map.of("groupId", Role.STAGE_GATE_COMMITTEE.groupId(), "type", "candidate"))),
                new Write("POST", task + "/bpmnError", json(Map.of("errorCode", "forged"))),
                new Write("POST", task + "/bpmnEscalation", json(Map.of("escalationCode", "forged"))),
                new Write("POST", task + "/comment/create", json(Map.of("message", "forged"))),
                new Write("POST", task + "/attachment/create", json(Map.of("attachment-name", "forged"))),
                new Write("PUT", task, json(Map.of("name", "Forged", "assignee", self))),
                new Write("POST", "/task/create", json(Map.of("name", "Forged task", "assignee", self))),
                new Write("DELETE", task, null),
                new Write("PUT", instance + "/variables/forged", forged),
                new Write("POST", instance + "/variables", modifications),
                new Write("DELETE", instance + "/variables/stageGateRevisions", null),
                new Write("POST", instance + "/modification", json(Map.of("instructions",
                        List.of(Map.of("type", "cancel", "activityId", "Task_EvaluateCase"))))),
                new Write("PUT", instance + "/suspended", json(Map.of("suspended", true))),
                new Write("DELETE", instance, null),
                new Write("POST", "/process-instance/delete", json(Map.of("processInstanceIds", List.of(at.stageGate()),
                        "deleteReason", "forged"))),
                new Write("POST", "/process-instance/job-retries",
                        json(Map.of("processInstances", List.of(at.stageGate()), "retries", 0))),
                new Write("POST", "/process-instance/set-removal-time",
                        json(Map.of("processInstanceIds", List.of(at.stageGate()), "clearedRemovalTime", true))),
                new Write("POST", "/process-instance/" + at.lifecycle() + "/variables", modifications),
                new Write("POST", "/message", json(Map.of("messageName", "forged", "processInstanceId", at.stageGate()))),
                new Write("POST", "/signal", json(Map.of("name", "forged"))),
                new Write("POST", "/process-definition/" + at.stageGateDefinition() + "/start",
                        json(Map.of("businessKey", at.caseId()))),
                new Write("POST", "/process-definition/" + at.stageGateDefinition() + "/submit-form",
                        json(Map.of("businessKey", at.caseId()))),
                new Write("POST", "/process-definition/key/jcm-stage-gate/start", json(Map.of())),
                new Write("POST", "/execution/" + at.stageGate() + "/signal", json(Map.of())));
    }

    /** The actions our rules check, which reach those rules; on another member's evaluation they are refused. */
    private static Map<Write, Map<String, Integer>> checkedActions(AtEvaluation at, String self) {
        String task = "/task/" + at.evaluation();
        String values = json(Map.of("variables", TasklistSession.typed(ValidSubmissions.of("Task_EvaluateCase"))));
        // a committee member finds it given to kobayashi; the other roles are not the committee
        Map<String, Integer> byRole = Map.of(PROGRAM_MANAGER, 403, SECOND_COMMITTEE_MEMBER, 409, VERIFIER, 403,
                JOINT_COMMITTEE, 403, PROPONENT, 403);
        Map<String, Integer> forbidden = Map.of(PROGRAM_MANAGER, 403, SECOND_COMMITTEE_MEMBER, 403, VERIFIER, 403,
                JOINT_COMMITTEE, 403, PROPONENT, 403);
        Map<Write, Map<String, Integer>> actions = new LinkedHashMap<>();
        actions.put(new Write("POST", task + "/claim", json(Map.of("userId", self))), byRole);
        actions.put(new Write("POST", task + "/unclaim", null), forbidden);
        actions.put(new Write("POST", task + "/complete", values), forbidden);
        actions.put(new Write("POST", task + "/submit-form", values), forbidden);
        return actions;
    }

    @Test
    void everyOtherWriteOfTheWebappsEngineApiIsRefusedToTheProgrammesRolesAndChangesNothing() {
        AtEvaluation at = atEvaluation("Tasklist: every write refused");
        State before = state(at);
        SoftAssertions softly = new SoftAssertions();
        // proponents work in the portal only: the webapps turn them away before any of this
        ApiClient tanaka = ApiClient.as(port, PROPONENT);
        for (Write write : refusedWrites(at, PROPONENT)) {
            softly.assertThat(tanaka.send(write.method(), ENGINE_API + write.path(), write.body(), Map.of()).status())
                    .as("%s by %s", write, PROPONENT).isEqualTo(403);
        }
        checkedActions(at, PROPONENT).forEach((write, expected) -> softly.assertThat(
                tanaka.send(write.method(), ENGINE_API + write.path(), write.body(), Map.of()).status())
                .as("%s by %s", write, PROPONENT).isEqualTo(expected.get(PROPONENT)));
        softly.assertThat(state(at)).as("after the proponent's writes").isEqualTo(before);
        for (String username : PROGRAMME_ROLES) {
            TasklistSession session = TasklistSession.open(port, username);
            for (Write write : refusedWrites(at, username)) {
                ApiClient.Response answer = session.send(write.method(), ENGINE_API + write.path(), write.body());
                softly.assertThat(answer.status()).as("%s by %s: %s", write, username, answer.text()).isEqualTo(403);
                softly.assertThat(answer.contentType()).as("%s by %s", write, username)
                        .startsWith("application/problem+json");
                if (answer.contentType() != null && answer.contentType().startsWith("application/problem+json")) {
                    softly.assertThat(answer.json().path("detail").asText()).as("%s by %s", write, username)
                            .contains("claim", "unclaim", "complete");
                }
                softly.assertThat(state(at)).as("after %s by %s", write, username).isEqualTo(before);
            }
            checkedActions(at, username).forEach((write, expected) -> {
                ApiClient.Response answer = session.send(write.method(), ENGINE_API + write.path(), write.body());
                softly.assertThat(answer.status()).as("%s by %s: %s", write, username, answer.text())
                        .isEqualTo(expected.get(username));
                softly.assertThat(state(at)).as("after %s by %s", write, username).isEqualTo(before);
            });
        }
        softly.assertAll();
    }

    @Test
    void tasklistsReadsStillWorkForACommitteeMember() {
        AtEvaluation at = atEvaluation("Tasklist: reads still work");
        TasklistSession kobayashi = TasklistSession.open(port, COMMITTEE_MEMBER);
        String task = ENGINE_API + "/task/" + at.evaluation();
        for (String read : List.of(task, task + "/form", task + "/deployed-form", task + "/form-variables",
                task + "/identity-links", ENGINE_API + "/filter?resourceType=Task&itemCount=true",
                ENGINE_API + "/process-definition/" + at.stageGateDefinition(),
                ENGINE_API + "/process-definition/" + at.stageGateDefinition() + "/xml",
                "/camunda/api/engine/engine/")) {
            ApiClient.Response answer = kobayashi.get(read);
            assertThat(answer.status()).as("GET %s: %s", read, answer.text()).isEqualTo(200);
        }
        // the form in the reader's language, with the portal's translations; English for whoever asks for it
        ApiClient.Response japanese = kobayashi.client().send("GET", task + "/deployed-form", null,
                Map.of("Accept-Language", "ja,en;q=0.5"));
        assertThat(japanese.status()).isEqualTo(200);
        assertThat(japanese.json().path("id").asText()).isEqualTo("stage-gate-evaluate");
        assertThat(japanese.text()).contains("\"技術の有効性\"", "1（低い）～5（非常に高い）")
                .doesNotContain("\"Technical effectiveness\"");
        assertThat(kobayashi.client().send("GET", task + "/deployed-form", null, Map.of("Accept-Language", "en"))
                .text()).contains("\"Technical effectiveness\"");
        ApiClient.Response query = kobayashi.post(ENGINE_API + "/task", Map.of("assignee", COMMITTEE_MEMBER));
        assertThat(query.status()).as(query.text()).isEqualTo(200);
        assertThat(kobayashi.get(ENGINE_API + "/job").status()).as("not a read Tasklist makes").isEqualTo(403);
    }

    @Test
    void yamamotoCannotTakeOverKobayashisEvaluation() {
        AtEvaluation at = atEvaluation("Tasklist: one member, one vote");
        State before = state(at);
        TasklistSession yamamoto = TasklistSession.open(port, SECOND_COMMITTEE_MEMBER);

        ApiClient.Response resolve = yamamoto.post(ENGINE_API + "/task/" + at.evaluation() + "/resolve", Map.of());
        assertThat(resolve.status()).as(resolve.text()).isEqualTo(403);
        assertThat(resolve.contentType()).startsWith("application/problem+json");
        ApiClient portal = ApiClient.as(port, SECOND_COMMITTEE_MEMBER);
        assertThat(portal.post("/api/tasks/" + at.evaluation() + "/claim").status()).isEqualTo(409);
        assertThat(portal.post("/api/tasks/" + at.evaluation() + "/complete",
                Map.of("variables", ValidSubmissions.of("Task_EvaluateCase"))).status()).isEqualTo(403);

        // nor through the engine itself, signed in as yamamoto
        asSignedIn(SECOND_COMMITTEE_MEMBER, Set.of(Role.STAGE_GATE_COMMITTEE), null, () -> {
            assertRefused(() -> taskService.resolveTask(at.evaluation()));
            assertRefused(() -> taskService.resolveTask(at.evaluation(), Map.of("stageGateRevisions", 2)));
            assertRefused(() -> taskService.setAssignee(at.evaluation(), null));
            assertRefused(() -> taskService.setAssignee(at.evaluation(), SECOND_COMMITTEE_MEMBER));
            assertRefused(() -> taskService.delegateTask(at.evaluation(), SECOND_COMMITTEE_MEMBER));
            assertRefused(() -> taskService.setOwner(at.evaluation(), SECOND_COMMITTEE_MEMBER));
            assertRefused(() -> taskService.setVariable(at.evaluation(), "stageGateRevisions", 2));
        });
        // nor by an operator, whose roles reach everything else
        TasklistSession admin = TasklistSession.open(port, ADMIN);
        assertThat(admin.post(ENGINE_API + "/task/" + at.evaluation() + "/resolve", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post(ENGINE_API + "/task/" + at.evaluation() + "/assignee",
                Map.of("userId", THIRD_COMMITTEE_MEMBER)).status()).isEqualTo(403);
        asSignedIn(ADMIN, Set.of(Role.ADMIN), null,
                () -> assertRefused(() -> taskService.setAssignee(at.evaluation(), THIRD_COMMITTEE_MEMBER)));

        assertThat(taskService.createTaskQuery().taskId(at.evaluation()).singleResult().getAssignee())
                .isEqualTo(COMMITTEE_MEMBER);
        assertThat(state(at)).isEqualTo(before);
    }

    @Test
    void itoCannotWriteTheProcessesVariables() {
        AtEvaluation at = atEvaluation("Tasklist: no variables from outside a completion");
        State before = state(at);
        asSignedIn(COMMITTEE_MEMBER_OF_SAKURA, Set.of(Role.STAGE_GATE_COMMITTEE), "sakura-engineering", () -> {
            assertRefused(() -> taskService.setVariable(at.evaluation(), "stageGateRevisions", 2));
            assertRefused(() -> taskService.setVariableLocal(at.evaluation(), "forged", "x"));
            assertRefused(() -> taskService.removeVariable(at.evaluation(), "evaluationDeadline"));
            assertRefused(() -> runtimeService.setVariable(at.stageGate(), "forged", "x"));
        });
        // kobayashi, working his own evaluation, neither: only its completion writes
        asSignedIn(COMMITTEE_MEMBER, Set.of(Role.STAGE_GATE_COMMITTEE), null, () -> {
            assertRefused(() -> taskService.setVariable(at.evaluation(), "stageGateRevisions", 2));
            assertRefused(() -> taskService.complete(at.evaluation(), ValidSubmissions.of("Task_EvaluateCase")));
        });
        assertThat(state(at)).isEqualTo(before);
    }

    @Test
    void anEvaluationIsRecordedUnderTheMemberWhoCompletedIt() {
        AtEvaluation at = atEvaluation("Tasklist: whose evaluation");
        Map<String, String> evaluations = new HashMap<>();
        taskService.createTaskQuery().processInstanceId(at.stageGate()).taskDefinitionKey("Task_EvaluateCase").list()
                .forEach(task -> evaluations.put(task.getAssignee(), task.getId()));
        assertThat(evaluations).containsOnlyKeys(INDEPENDENT_COMMITTEE);

        // yamamoto tries to vote in kobayashi's place, as the finding did: Tasklist's resolve, then our API
        TasklistSession.open(port, SECOND_COMMITTEE_MEMBER)
                .post(ENGINE_API + "/task/" + evaluations.get(COMMITTEE_MEMBER) + "/resolve", Map.of());
        ApiClient yamamoto = ApiClient.as(port, SECOND_COMMITTEE_MEMBER);
        yamamoto.post("/api/tasks/" + evaluations.get(COMMITTEE_MEMBER) + "/claim");
        yamamoto.post("/api/tasks/" + evaluations.get(COMMITTEE_MEMBER) + "/complete",
                Map.of("variables", wordsOf(SECOND_COMMITTEE_MEMBER)));

        for (String member : INDEPENDENT_COMMITTEE) {
            if (taskService.createTaskQuery().taskId(evaluations.get(member)).count() > 0) {
                ApiClient.Response done = ApiClient.as(port, member).post("/api/tasks/" + evaluations.get(member)
                        + "/complete", Map.of("variables", wordsOf(member)));
                assertThat(done.status()).as(member + ": " + done.text()).isEqualTo(204);
            }
        }
        Map<String, String> recorded = new TreeMap<>();
        jdbc.query("""
                select e.username, e.comment from stage_gate_evaluation e join stage_gate_round r on r.id = e.round_id
                where r.case_id = ?::uuid""", row -> {
            recorded.put(row.getString("username"), row.getString("comment"));
        }, at.caseId());
        assertThat(recorded).containsExactlyInAnyOrderEntriesOf(Map.of(
                COMMITTEE_MEMBER, "In the words of " + COMMITTEE_MEMBER,
                SECOND_COMMITTEE_MEMBER, "In the words of " + SECOND_COMMITTEE_MEMBER,
                THIRD_COMMITTEE_MEMBER, "In the words of " + THIRD_COMMITTEE_MEMBER));
    }

    private static Map<String, Object> wordsOf(String member) {
        Map<String, Object> values = new HashMap<>(ValidSubmissions.of("Task_EvaluateCase"));
        values.put("evaluationComments", "In the words of " + member);
        return values;
    }

    /** As the webapps call the engine for a signed-in user: the user in the request, their groups in the engine. */
    private void asSignedIn(String username, Set<Role> roles, String organization, Runnable work) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (organization != null) {
            authorities.add(new SimpleGrantedAuthority("ORG_" + organization));
        }
        List<String> groups = new ArrayList<>(roles.stream().map(Role::groupId).toList());
        if (roles.contains(Role.ADMIN)) {
            groups.add("camunda-admin");
        }
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        identityService.setAuthentication(username, groups);
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    private static void assertRefused(ThrowingCallable write) {
        assertThatThrownBy(write).isInstanceOf(ProcessEngineException.class);
    }

    /** What a write could change: the case's variables and tasks, the evaluation's links, the committee's records. */
    private record State(Map<String, String> variables, List<String> tasks, List<String> links, int comments,
                         int attachments, long allTasks, boolean suspended, List<String> evaluations) {
    }

    private State state(AtEvaluation at) {
        Map<String, String> variables = new TreeMap<>();
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(at.stageGate(), at.lifecycle())
                .disableCustomObjectDeserialization().list()
                .forEach(variable -> variables.put(variable.getExecutionId() + "/" + variable.getTaskId() + "/"
                        + variable.getName(), variable.getTypedValue() instanceof SerializableValue serialized
                        ? serialized.getValueSerialized() : String.valueOf(variable.getValue())));
        List<String> tasks = taskService.createTaskQuery().processInstanceId(at.stageGate()).orderByTaskId().asc()
                .list().stream().map(task -> task.getId() + ":" + task.getAssignee() + ":" + task.getOwner() + ":"
                        + task.getDelegationState() + ":" + task.getName() + ":" + task.isSuspended()).toList();
        boolean open = taskService.createTaskQuery().taskId(at.evaluation()).count() > 0;
        List<String> links = !open ? List.of() : taskService.getIdentityLinksForTask(at.evaluation()).stream()
                .map(link -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId()).sorted().toList();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(at.stageGate())
                .singleResult();
        List<String> evaluations = jdbc.queryForList("""
                select e.username || ':' || coalesce(e.comment, '') from stage_gate_evaluation e
                join stage_gate_round r on r.id = e.round_id where r.case_id = ?::uuid order by 1""",
                String.class, at.caseId());
        return new State(variables, tasks, links, open ? taskService.getTaskComments(at.evaluation()).size() : -1,
                open ? taskService.getTaskAttachments(at.evaluation()).size() : -1, taskService.createTaskQuery().count(),
                instance == null || instance.isSuspended(), evaluations);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
