package org.jcmflow.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jcmflow.lifecycle.LifecycleProcess;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The history a bulk-loaded case's stage implies: every step of the main path before the stage's first task,
 * completed, as the engine's full history and our own case history would hold it, bulk-loaded with PostgreSQL's
 * {@code COPY} in the transaction that opened the cases. Per completed step: the case-history row, the task and its
 * activity instance, its candidate-group and assignee links, and each submitted value as a variable and its update;
 * per completed stage: the called process instance with its start and end and the call activity; the main track's
 * stage periods closed one after the other. The steps lie a week apart, the last a week before the case entered its
 * current stage (at loading); the case's proposal and its feasibility study's period are moved back to the start.
 */
final class CaseHistories {

    /** A case just opened (and moved to its stage) whose history is to be loaded. */
    record LoadedCase(UUID caseId, String proponent, String stageActivity) {
    }

    /** A user task of one of the stage processes: its process definition and candidate group. */
    private record TaskDefinition(String processKey, String processDefinitionId, String name, String candidateGroup) {
    }

    /** A stage process: its definition and the ids of its start and end events. */
    private record StageProcess(String key, String definitionId, String startEvent, String endEvent,
                                String callActivity, String callActivityName) {
    }

    private static final Duration BETWEEN_STEPS = Duration.ofDays(7);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** The stage each stage process records its steps under; the JCM track's steps are recorded under MRV. */
    private static final Map<String, String> STAGE_OF_PROCESS = Map.of(
            "jcm-feasibility-study", "FEASIBILITY_STUDY",
            "jcm-pre-demonstration-survey", "PRE_DEMONSTRATION_SURVEY",
            "jcm-stage-gate", "STAGE_GATE",
            "jcm-mou", "MOU",
            "jcm-demonstration", "DEMONSTRATION",
            "jcm-mrv", "MRV",
            "jcm-follow-up", "FOLLOW_UP");

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, TaskDefinition> tasks = new HashMap<>();
    private final Map<String, StageProcess> processes = new HashMap<>();
    private final String lifecycleDefinitionId;
    /** The steps completed before each stage's call activity, in the main path's order. */
    private final Map<String, List<MainPath.Step>> completedBefore = new HashMap<>();

    CaseHistories(DataSource dataSource, RepositoryService repository) {
        this.dataSource = dataSource;
        ProcessDefinition lifecycle = latest(repository, LifecycleProcess.PROCESS_ID);
        lifecycleDefinitionId = lifecycle.getId();
        BpmnModelInstance lifecycleModel = repository.getBpmnModelInstance(lifecycleDefinitionId);
        Map<String, String> firstTaskOfStage = new HashMap<>();
        for (CallActivity call : lifecycleModel.getModelElementsByType(CallActivity.class)) {
            String key = call.getCalledElement();
            if (!STAGE_OF_PROCESS.containsKey(key) || processes.containsKey(key)) {
                continue;
            }
            ProcessDefinition definition = latest(repository, key);
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            String start = model.getModelElementsByType(StartEvent.class).stream()
                    .filter(event -> event.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                    .findFirst().orElseThrow().getId();
            String end = model.getModelElementsByType(EndEvent.class).iterator().next().getId();
            processes.put(key, new StageProcess(key, definition.getId(), start, end, call.getId(), call.getName()));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                tasks.put(task.getId(), new TaskDefinition(key, definition.getId(), task.getName(),
                        task.getCamundaCandidateGroups()));
            }
        }
        // a stage's first task is the first of the main path's steps in the process its call activity starts
        for (StageProcess process : processes.values()) {
            MainPath.STEPS.stream().filter(step -> tasks.get(step.taskKey()).processKey().equals(process.key()))
                    .findFirst().ifPresent(step -> firstTaskOfStage.put(process.callActivity(), step.taskKey()));
        }
        for (Map.Entry<String, String> stage : firstTaskOfStage.entrySet()) {
            List<MainPath.Step> before = new ArrayList<>();
            for (MainPath.Step step : MainPath.STEPS) {
                if (step.taskKey().equals(stage.getValue())) {
                    break;
                }
                before.add(step);
            }
            completedBefore.put(stage.getKey(), List.copyOf(before));
        }
    }

    private static ProcessDefinition latest(RepositoryService repository, String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    /** The steps a case at the stage's call activity has completed. */
    int completedSteps(String stageActivity) {
        return completedBefore.getOrDefault(stageActivity, List.of()).size();
    }

    /** Loads the histories of the cases, in the caller's transaction. */
    void load(Collection<LoadedCase> loaded) {
        if (loaded.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Map<UUID, String[]> opened = processInstancesAndStages(connection, loaded);
            Rows caseHistory = new Rows();
            Rows stagePeriods = new Rows();
            Rows processInstances = new Rows();
            Rows activities = new Rows();
            Rows taskInstances = new Rows();
            Rows links = new Rows();
            Rows variables = new Rows();
            Rows details = new Rows();
            Rows moved = new Rows();
            Instant now = Instant.now();
            for (LoadedCase loadedCase : loaded) {
                List<MainPath.Step> steps = completedBefore.getOrDefault(loadedCase.stageActivity(), List.of());
                String rootInstance = opened.get(loadedCase.caseId())[0];
                String currentStage = opened.get(loadedCase.caseId())[1];
                Instant openedAt = now.minus(BETWEEN_STEPS.multipliedBy(steps.size() + 1L));
                moved.add(loadedCase.caseId(), timestamptz(openedAt), timestamptz(now));
                // the stage processes the steps ran in, each a completed instance called from the lifecycle
                String subInstance = null;
                String subProcessKey = null;
                Instant subStarted = openedAt;
                String periodStage = "FEASIBILITY_STUDY";
                Instant periodEntered = openedAt;
                for (int i = 0; i < steps.size(); i++) {
                    MainPath.Step step = steps.get(i);
                    TaskDefinition task = tasks.get(step.taskKey());
                    Instant started = openedAt.plus(BETWEEN_STEPS.multipliedBy(i)).plusSeconds(60);
                    Instant completed = openedAt.plus(BETWEEN_STEPS.multipliedBy(i + 1L));
                    if (!task.processKey().equals(subProcessKey)) {
                        if (subInstance != null) {
                            endStageProcess(processInstances, activities, rootInstance, subInstance, subProcessKey,
                                    subStarted, started, loadedCase.caseId());
                        }
                        subInstance = UUID.randomUUID().toString();
                        subProcessKey = task.processKey();
                        subStarted = started;
                    }
                    String stage = STAGE_OF_PROCESS.get(task.processKey());
                    if (!stage.equals("MRV") && !stage.equals(periodStage)) {
                        // the main track leaves a stage when the next one's first step starts
                        if (!periodStage.equals("FEASIBILITY_STUDY")) {
                            stagePeriods.add(loadedCase.caseId(), "MAIN", periodStage, timestamptz(periodEntered),
                                    timestamptz(started));
                        } else {
                            moved.set(2, timestamptz(started));
                        }
                        periodStage = stage;
                        periodEntered = started;
                    }
                    String actor = step.actorFor(loadedCase.proponent());
                    Map<String, Object> values = new LinkedHashMap<>(step.values());
                    caseHistory.add(loadedCase.caseId(), timestamptz(completed), actor, step.taskKey(), task.name(),
                            stage, outcome(values), json(values));
                    String taskId = UUID.randomUUID().toString();
                    String activityInstance = UUID.randomUUID().toString();
                    activities.add(activityInstance, subInstance, task.processKey(), task.processDefinitionId(),
                            rootInstance, subInstance, subInstance, step.taskKey(), taskId, null, task.name(),
                            "userTask", actor, local(started), local(completed), millis(started, completed), 4, i + 2L);
                    taskInstances.add(taskId, step.taskKey(), task.processKey(), task.processDefinitionId(),
                            rootInstance, subInstance, subInstance, activityInstance, task.name(), actor,
                            local(started), local(completed), millis(started, completed), "completed", 50,
                            "Completed");
                    if (task.candidateGroup() != null) {
                        links.add(UUID.randomUUID().toString(), local(started), "candidate", null,
                                task.candidateGroup(), taskId, rootInstance, task.processDefinitionId(), "add",
                                task.processKey());
                    }
                    links.add(UUID.randomUUID().toString(), local(started.plusSeconds(60)), "assignee", actor, null,
                            taskId, rootInstance, task.processDefinitionId(), "add", task.processKey());
                    for (Map.Entry<String, Object> value : values.entrySet()) {
                        Object[] typed = typed(value.getValue());
                        if (typed == null) {
                            continue;
                        }
                        String variableId = UUID.randomUUID().toString();
                        variables.add(variableId, task.processKey(), task.processDefinitionId(), rootInstance,
                                subInstance, subInstance, subInstance, value.getKey(), typed[0], local(completed), 1,
                                typed[1], typed[2], typed[3], "CREATED");
                        details.add(UUID.randomUUID().toString(), "VariableUpdate", task.processKey(),
                                task.processDefinitionId(), rootInstance, subInstance, subInstance, taskId,
                                subInstance, variableId, value.getKey(), typed[0], 0, local(completed), typed[1],
                                typed[2], typed[3], 1, true);
                    }
                }
                if (subInstance != null) {
                    endStageProcess(processInstances, activities, rootInstance, subInstance, subProcessKey,
                            subStarted, now, loadedCase.caseId());
                }
                if (!periodStage.equals("FEASIBILITY_STUDY") && !periodStage.equals(currentStage)) {
                    stagePeriods.add(loadedCase.caseId(), "MAIN", periodStage, timestamptz(periodEntered),
                            timestamptz(now));
                }
            }
            PGConnection copy = connection.unwrap(PGConnection.class);
            copy(copy, "case_history (case_id, occurred_at, actor, step_key, step_name, stage, outcome, details)",
                    caseHistory);
            copy(copy, "case_stage_period (case_id, track, stage, entered_at, left_at)", stagePeriods);
            copy(copy, "ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
                    + " END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, SUPER_PROCESS_INSTANCE_ID_,"
                    + " ROOT_PROC_INST_ID_, STATE_)", processInstances);
            copy(copy, "ACT_HI_ACTINST (ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,"
                    + " PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, TASK_ID_, CALL_PROC_INST_ID_, ACT_NAME_, ACT_TYPE_,"
                    + " ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)", activities);
            copy(copy, "ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,"
                    + " PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_,"
                    + " DURATION_, DELETE_REASON_, PRIORITY_, TASK_STATE_)", taskInstances);
            copy(copy, "ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, USER_ID_, GROUP_ID_, TASK_ID_,"
                    + " ROOT_PROC_INST_ID_, PROC_DEF_ID_, OPERATION_TYPE_, PROC_DEF_KEY_)", links);
            copy(copy, "ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, DOUBLE_, LONG_, TEXT_,"
                    + " STATE_)", variables);
            copy(copy, "ACT_HI_DETAIL (ID_, TYPE_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, TASK_ID_, ACT_INST_ID_, VAR_INST_ID_, NAME_, VAR_TYPE_, REV_, TIME_, DOUBLE_,"
                    + " LONG_, TEXT_, SEQUENCE_COUNTER_, INITIAL_)", details);
            moveProposals(connection, moved);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading the cases' histories failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The stage process's instance completed: its history row, its start and end, the call activity. */
    private void endStageProcess(Rows processInstances, Rows activities, String rootInstance, String subInstance,
                                 String processKey, Instant started, Instant ended, UUID caseId) {
        StageProcess process = processes.get(processKey);
        processInstances.add(subInstance, subInstance, caseId, processKey, process.definitionId(), local(started),
                local(ended), millis(started, ended), process.startEvent(), process.endEvent(), rootInstance,
                rootInstance, "COMPLETED");
        activities.add(UUID.randomUUID().toString(), subInstance, processKey,
                process.definitionId(), rootInstance, subInstance, subInstance, process.startEvent(), null, null, null,
                "startEvent", null, local(started), local(started), 0L, 4, 1L);
        activities.add(UUID.randomUUID().toString(), subInstance, processKey, process.definitionId(),
                rootInstance, subInstance, subInstance, process.endEvent(), null, null, null, "noneEndEvent", null,
                local(ended), local(ended), 0L, 4, 1L);
        activities.add(UUID.randomUUID().toString(), rootInstance, LifecycleProcess.PROCESS_ID,
                lifecycleDefinitionId, rootInstance, rootInstance, rootInstance, process.callActivity(), null,
                subInstance, process.callActivityName(), "callActivity", null, local(started), local(ended),
                millis(started, ended), 4, 1L);
    }

    private static Map<UUID, String[]> processInstancesAndStages(Connection connection, Collection<LoadedCase> loaded)
            throws SQLException {
        Map<UUID, String[]> opened = new HashMap<>();
        try (var statement = connection.prepareStatement(
                "select id, process_instance_id, stage from project_case where id = any (?)")) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    loaded.stream().map(LoadedCase::caseId).toArray()));
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    opened.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return opened;
    }

    /** The proposal submitted, and the feasibility study's period, back at the first step. */
    private static void moveProposals(Connection connection, Rows moved) throws SQLException {
        if (moved.rows.isEmpty()) {
            return;
        }
        try (var created = connection.prepareStatement(
                "update project_case set created_at = cast(? as timestamptz) where id = ?");
             var proposal = connection.prepareStatement("update case_history set occurred_at = cast(? as timestamptz)"
                     + " where case_id = ? and step_key = 'Start_CaseCreated'");
             var feasibility = connection.prepareStatement("update case_stage_period set entered_at ="
                     + " cast(? as timestamptz), left_at = case when left_at is null then null"
                     + " else cast(? as timestamptz) end where case_id = ? and stage = 'FEASIBILITY_STUDY'")) {
            for (Object[] row : moved.rows) {
                created.setString(1, (String) row[1]);
                created.setObject(2, row[0]);
                created.addBatch();
                proposal.setString(1, (String) row[1]);
                proposal.setObject(2, row[0]);
                proposal.addBatch();
                feasibility.setString(1, (String) row[1]);
                feasibility.setString(2, (String) row[2]);
                feasibility.setObject(3, row[0]);
                feasibility.addBatch();
            }
            created.executeBatch();
            proposal.executeBatch();
            feasibility.executeBatch();
        }
    }

    /** A form value as the engine types it: type name, double, long, text; null for what is not a primitive. */
    private static Object[] typed(Object value) {
        if (value instanceof String text) {
            return new Object[] {"string", null, null, text};
        }
        if (value instanceof Boolean bool) {
            return new Object[] {"boolean", null, bool ? 1L : 0L, null};
        }
        if (value instanceof Integer number) {
            return new Object[] {"integer", null, number.longValue(), null};
        }
        if (value instanceof Long number) {
            return new Object[] {"long", null, number, null};
        }
        if (value instanceof Double number) {
            return new Object[] {"double", number, null, null};
        }
        return null;
    }

    /** The decision's value, as the recorder writes it: the values of the fields that decide. */
    private static String outcome(Map<String, Object> values) {
        return values.entrySet().stream()
                .filter(value -> value.getKey().endsWith("Decision") || value.getKey().endsWith("Outcome"))
                .map(value -> String.valueOf(value.getValue())).findFirst().orElse(null);
    }

    private String json(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** The engine's history timestamps are local times of the JVM. */
    private static String local(Instant at) {
        return LOCAL.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
    }

    private static String timestamptz(Instant at) {
        return at.toString();
    }

    private static void copy(PGConnection connection, String table, Rows rows) throws SQLException, IOException {
        if (rows.rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.rows.size() * 200);
        for (Object[] row : rows.rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendCopyValue(text, row[i]);
            }
            text.append('\n');
        }
        try {
            connection.getCopyAPI().copyIn("copy " + table + " from stdin", new StringReader(text.toString()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** PostgreSQL's text format: \N for null; backslash, tab, newline and carriage return escaped. */
    private static void appendCopyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String string = value instanceof Boolean bool ? (bool ? "t" : "f") : String.valueOf(value);
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** Rows for one table; the last row's values can be set after it was added. */
    private static final class Rows {

        private final List<Object[]> rows = new ArrayList<>();

        void add(Object... values) {
            rows.add(values);
        }

        void set(int column, Object value) {
            rows.get(rows.size() - 1)[column] = value;
        }
    }
}
