package org.jcmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.CaseTasks;
import org.jcmflow.casefile.Stage;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's table of open tasks says what the engine says, after every change a task goes through: compared, at
 * each step, with the engine's own task query and identity links, and with the case's organisation, stage and
 * country.
 */
@ApplicationTest
class OpenTaskProjectionIT {

    /** A role nobody has: the probe process's task shows in nobody's inbox. */
    private static final String PROBE_ROLE = "open-task-probe";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    EngineTables engineTables;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseTasks caseTasks;

    @Autowired
    TransactionTemplate transactions;

    final CaseDriver driver;

    OpenTaskProjectionIT(CaseDriver driver) {
        this.driver = driver;
    }

    record OpenTask(String id, String processInstance, String key, String name, String assignee, List<String> groups,
                    Instant created, Instant due, String organization, String stage, String country) {
    }

    @Test
    void followsEveryChangeOfACasesTasks() {
        String caseId = driver.openCase(PROPONENT, "Open task projection " + UUID.randomUUID());
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        assertFollows(caseId, "a new task");
        assertThat(projected(caseId)).extracting(OpenTask::groups).containsExactly(List.of("program-manager"));

        ApiClient manager = driver.as(PROGRAM_MANAGER);
        expect(manager.post("/api/tasks/" + screening + "/claim", Map.of()), 204);
        assertFollows(caseId, "claimed");
        assertThat(projected(caseId)).extracting(OpenTask::assignee).containsExactly(PROGRAM_MANAGER);

        expect(manager.post("/api/tasks/" + screening + "/unclaim", Map.of()), 204);
        assertFollows(caseId, "unclaimed");
        assertThat(projected(caseId)).extracting(OpenTask::assignee).containsOnlyNulls();

        expect(manager.post("/api/tasks/" + screening + "/assignee", Map.of("assignee", OTHER_PROGRAM_MANAGER)), 204);
        assertFollows(caseId, "reassigned to a person");
        assertThat(projected(caseId)).extracting(OpenTask::assignee).containsExactly(OTHER_PROGRAM_MANAGER);
        Map<String, Object> backToTheRole = new HashMap<>();
        backToTheRole.put("assignee", null);
        expect(manager.post("/api/tasks/" + screening + "/assignee", backToTheRole), 204);
        assertFollows(caseId, "handed back to its role");

        Task task = taskService.createTaskQuery().taskId(screening).singleResult();
        Date due = Date.from(Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        task.setDueDate(due);
        taskService.saveTask(task);
        assertFollows(caseId, "due date moved");
        assertThat(projected(caseId)).extracting(OpenTask::due).containsExactly(due.toInstant());

        taskService.addCandidateGroup(screening, "stage-gate-committee");
        assertFollows(caseId, "a role added");
        taskService.deleteCandidateGroup(screening, "stage-gate-committee");
        assertFollows(caseId, "a role removed");

        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        assertFollows(caseId, "completed, the next step open");
        assertThat(projected(caseId)).extracting(OpenTask::id).isNotEmpty().doesNotContain(screening);

        cases.enterStage(UUID.fromString(caseId), Stage.PRE_DEMONSTRATION_SURVEY, null);
        assertFollows(caseId, "the case in another stage");
        assertThat(projected(caseId)).extracting(OpenTask::stage).containsOnly("PRE_DEMONSTRATION_SURVEY");

        String lifecycle = jdbc.sql("select process_instance_id from project_case where id = ?")
                .param(UUID.fromString(caseId)).query(String.class).single();
        runtimeService.deleteProcessInstance(lifecycle, "cancelled in a test");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).count()).isZero();
        assertThat(projected(caseId)).as("a cancelled case's tasks are nobody's").isEmpty();
    }

    @Test
    void theCaseFileListsTheOpenTasksAsTheEngineHasThemLessSuspendedOnes() {
        String caseId = driver.openCase(PROPONENT, "Open tasks of the case file " + UUID.randomUUID());
        driver.complete(caseId, "Task_ScreenProposal", PROGRAM_MANAGER);
        String report = driver.openTask(caseId, "Task_SubmitFeasibilityReport");
        expect(driver.as(PROPONENT).post("/api/tasks/" + report + "/claim", Map.of()), 204);

        assertThat(caseFileTasks(caseId)).isEqualTo(engine(caseId).stream()
                .map(task -> task.id() + " " + task.key() + " " + task.assignee() + " " + task.groups()).toList());
        assertThat(caseFileTasks(caseId)).containsExactly(
                report + " Task_SubmitFeasibilityReport " + PROPONENT + " [proponent]");

        String instance = taskService.createTaskQuery().taskId(report).singleResult().getProcessInstanceId();
        runtimeService.suspendProcessInstanceById(instance);
        assertThat(caseFileTasks(caseId)).as("suspended, as the engine's query for active tasks had it").isEmpty();
        runtimeService.activateProcessInstanceById(instance);
        assertThat(caseFileTasks(caseId)).hasSize(1);
    }

    @Test
    void withinATransactionThatCompletedAStepTheCaseFileShowsTheNextStep() {
        String caseId = driver.openCase(PROPONENT, "Open tasks within a batch " + UUID.randomUUID());
        String screening = driver.openTask(caseId, "Task_ScreenProposal");

        // as a batch of steps in one transaction (a call's selection, the demonstration data set): open_task is
        // written when the transaction commits, so the case's tasks come from the engine until then
        List<String> within = transactions.execute(status -> {
            taskService.complete(screening, new HashMap<>(ValidSubmissions.of("Task_ScreenProposal")));
            return caseTasks.openTasks(UUID.fromString(caseId)).stream().map(CaseTasks.OpenTask::taskKey).toList();
        });

        assertThat(within).containsExactly("Task_SubmitFeasibilityReport");
        assertThat(caseFileTasks(caseId)).hasSize(1).allMatch(task -> task.contains("Task_SubmitFeasibilityReport"));
    }

    /** The open tasks of the case file the API answers with: id, key, assignee and roles. */
    private List<String> caseFileTasks(String caseId) {
        List<String> listed = new ArrayList<>();
        driver.caseFile(caseId).path("openTasks").forEach(task -> {
            List<String> groups = new ArrayList<>();
            task.path("candidateGroups").forEach(group -> groups.add(group.asText()));
            listed.add(task.path("id").asText() + " " + task.path("taskKey").asText() + " "
                    + task.path("assignee").asText(null) + " " + groups);
        });
        return listed;
    }

    @Test
    void tasksOpenedBeforeTheTableAreFilledInAndEndedOnesRemoved() {
        String caseId = driver.openCase(PROPONENT, "Open task fill " + UUID.randomUUID());
        assertThat(projected(caseId)).hasSize(1);
        jdbc.sql("delete from open_task where case_id = ?").param(UUID.fromString(caseId)).update();
        String ended = "no-such-task-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into open_task (task_id, process_instance_id, case_id, created_at)
                        values (?, 'gone', ?, now())""")
                .params(ended, UUID.fromString(caseId)).update();

        EngineTables.fillOpenTasks(jdbc);

        assertFollows(caseId, "filled from the engine's tables");
        assertThat(jdbc.sql("select count(*) from open_task where task_id = ?").param(ended).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aTaskMovedToANewModelVersionIsWrittenAgain() {
        String caseId = driver.openCase(PROPONENT, "Open task migration " + UUID.randomUUID());
        ProcessDefinition first = deploy(Bpmn.createExecutableProcess("openTaskProbe").startEvent()
                .userTask("Task_Before").name("Before").camundaCandidateGroups(PROBE_ROLE).endEvent().done());
        ProcessInstance probe = runtimeService.startProcessInstanceById(first.getId(), caseId);
        try {
            ProcessDefinition second = deploy(Bpmn.createExecutableProcess("openTaskProbe").startEvent()
                    .userTask("Task_After").name("After").camundaCandidateGroups(PROBE_ROLE).endEvent().done());
            MigrationPlan plan = runtimeService.createMigrationPlan(first.getId(), second.getId())
                    .mapActivities("Task_Before", "Task_After").build();
            runtimeService.newMigration(plan).processInstanceIds(probe.getId()).execute();

            engineTables.refreshOpenTasks(List.of(probe.getId()));

            assertFollows(caseId, "moved to the new version");
            assertThat(projected(caseId)).extracting(OpenTask::key).contains("Task_After").doesNotContain("Task_Before");
            runtimeService.deleteProcessInstance(probe.getId(), "probe done");
            assertFollows(caseId, "the probe ended");
        } finally {
            // the probe's models leave with it, its instance (if still there) along
            repositoryService.createDeploymentQuery().deploymentName(PROBE_ROLE).list()
                    .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
        }
    }

    private ProcessDefinition deploy(BpmnModelInstance model) {
        String deployment = repositoryService.createDeployment().name(PROBE_ROLE)
                .addModelInstance("openTaskProbe.bpmn", model).deploy().getId();
        return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    private void assertFollows(String caseId, String after) {
        assertThat(projected(caseId)).as(after).isEqualTo(engine(caseId)).isNotNull();
    }

    /** The case's open tasks as the engine has them, with the case's fields. */
    private List<OpenTask> engine(String caseId) {
        Map<String, Object> ofCase = jdbc.sql("select organization, stage, partner_country from project_case where id = ?")
                .param(UUID.fromString(caseId)).query().singleRow();
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(task -> new OpenTask(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                        task.getName(), task.getAssignee(),
                        taskService.getIdentityLinksForTask(task.getId()).stream()
                                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                                        && link.getGroupId() != null)
                                .map(link -> link.getGroupId()).distinct().sorted().toList(),
                        task.getCreateTime().toInstant(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                        (String) ofCase.get("organization"), (String) ofCase.get("stage"),
                        (String) ofCase.get("partner_country")))
                .sorted(Comparator.comparing(OpenTask::id)).toList();
    }

    /** The case's rows of open_task. */
    private List<OpenTask> projected(String caseId) {
        return jdbc.sql("""
                        select task_id, process_instance_id, task_key, task_name, assignee, candidate_groups,
                               created_at, due_date, organization, stage, partner_country
                        from open_task where case_id = ?""")
                .param(UUID.fromString(caseId))
                .query((rs, row) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Arrays.asList((String[]) rs.getArray(6).getArray()),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getString(10), rs.getString(11)))
                .list().stream().sorted(Comparator.comparing(OpenTask::id)).toList();
    }

    private static void expect(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
    }
}
