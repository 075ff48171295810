package org.jcmflow.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every query of ours on Camunda's own tables ({@code ACT_*}), in one place: an engine upgrade, or a move to a
 * compatible engine, has this class to check. The rest of the application asks with typed arguments. Our own
 * tables are joined by the process's business key, which every process of a case has: the case id. (One migration,
 * V92, deletes process variables that earlier versions left, before the engine starts.)
 */
@Component
public class EngineTables {

    private static final Logger log = LoggerFactory.getLogger(EngineTables.class);

    private static final Map<String, String> INDEXES = Map.of(
            // the engine's own task queries in due-date order (Tasklist's sorting by due date, the REST API's)
            "act_idx_task_inbox_order", "act_ru_task (due_date_, create_time_)",
            // the inbox leaves out suspended tasks (an operator's doing, rare): looked up here, nearly empty
            "act_idx_task_suspended", "act_ru_task (id_) where suspension_state_ <> 1",
            // the engine looks for a task's subtasks whenever it completes or deletes one: without this, a scan of
            // every open task at each step (measured: the bulk of the database's work at 50,000 open cases)
            "act_idx_task_parent", "act_ru_task (parent_task_id_)");

    /**
     * Which cases' tasks an inbox shows: a null field does not narrow them.
     *
     * @param searchCases   the SQL query of the ids of the cases that the search box finds, with the parameter
     *                      {@code #{visibleSearch}}
     * @param searchPattern the value of that parameter
     */
    public record CaseScope(String organization, String stage, String partnerCountry, String searchCases,
                            String searchPattern) {

        public CaseScope(String organization, String stage, String partnerCountry) {
            this(organization, stage, partnerCountry, null, null);
        }
    }

    /**
     * The order of an inbox page. Due date first (the default) is read along an index and stops at the page; the
     * others sort all of the inbox's tasks first, which a person's inbox affords.
     */
    public enum TaskOrder {
        DUE_DATE, NEWEST_FIRST, CASE_TITLE, CASE_STAGE
    }

    /** A page of an inbox, with the count of all its tasks up to a bound. */
    public record InboxPage(List<Task> tasks, long counted) {
    }

    /** Open tasks of one stage of the cases and one role ({@code null}: given to a person by name). */
    public record OpenTasks(String stage, String role, long count) {
    }

    /** The work waiting in the engine: open tasks, jobs and incidents. */
    public record WorkQueue(List<OpenTasks> openTasks, long overdueTasks, long dueJobs, long failingJobs,
                            long failedJobs, long incidents) {
    }

    private final TaskService tasks;
    private final CommandExecutor commands;
    private final JdbcClient jdbc;

    EngineTables(ProcessEngine engine, JdbcClient jdbc) {
        this.tasks = engine.getTaskService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.jdbc = jdbc;
    }

    /**
     * An open task with its form key, as {@code createTaskQuery().taskId(id).initializeFormKeys().singleResult()}
     * finds it, but read by its key with the engine's own statement: the task query evaluates every condition of its
     * dynamic statement to find one task, and each step on a task looks it up first (in a flight recording of the
     * integration tests, 121 of the request threads' 395 samples in MyBatis). Empty once the task has ended.
     */
    public Optional<Task> openTask(String taskId) {
        return Optional.ofNullable(commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null) {
                task.initializeFormKey();
            }
            return task;
        }));
    }

    /** Creates the indexes on the engine's tables that its schema lacks, once the engine has made its tables. */
    static void createMissingIndexes(JdbcClient jdbc) {
        INDEXES.forEach((name, columns) -> {
            try {
                jdbc.sql("create index if not exists " + name + " on " + columns).update();
            } catch (DataAccessException createdByAnotherNode) {
                // two nodes starting at once on a new database: the other one's index is the same
                log.info("Index {} is being created by another node: {}", name, createdByAnotherNode.getMessage());
            }
        });
    }

    /**
     * The engine's open tasks as {@code open_task} (V90) has them, each with its process's case: the business key,
     * where that is a case id. The candidate groups are the task's candidate links to a group, sorted.
     */
    private static final String ENGINE_OPEN_TASKS = """
            select t.ID_, t.PROC_INST_ID_,
                   case when instance.BUSINESS_KEY_ ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                        then cast(instance.BUSINESS_KEY_ as uuid) end,
                   t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_,
                   coalesce((select array_agg(distinct link.GROUP_ID_ order by link.GROUP_ID_) from ACT_RU_IDENTITYLINK link
                             where link.TASK_ID_ = t.ID_ and link.TYPE_ = 'candidate' and link.GROUP_ID_ is not null),
                            '{}'),
                   t.CREATE_TIME_, t.DUE_DATE_
            from ACT_RU_TASK t left join ACT_RU_EXECUTION instance on instance.ID_ = t.PROC_INST_ID_""";

    private static final String OPEN_TASK_COLUMNS = "task_id, process_instance_id, case_id, task_key, task_name,"
            + " assignee, candidate_groups, created_at, due_date";

    /**
     * Brings {@code open_task} to the engine's open tasks where it lacks some or has some that ended: on a database
     * whose tasks were opened before the table was (the engine makes its tables after our migrations, so this runs
     * once it has), or changed by a hand that bypassed the engine's events. Two anti-joins when nothing is missing.
     * Safe beside another node at work: a task and its row are written and removed in the same transaction.
     *
     * @return the rows added and removed
     */
    static int fillOpenTasks(JdbcClient jdbc) {
        int added = jdbc.sql("insert into open_task (" + OPEN_TASK_COLUMNS + ") " + ENGINE_OPEN_TASKS
                        + " where not exists (select 1 from open_task known where known.task_id = t.ID_)"
                        + " on conflict (task_id) do nothing")
                .update();
        int removed = jdbc.sql("""
                        delete from open_task known
                        where not exists (select 1 from ACT_RU_TASK t where t.ID_ = known.task_id)""")
                .update();
        if (added > 0 || removed > 0) {
            log.info("Open tasks for the inbox: {} added from the engine's tasks, {} of ended tasks removed", added,
                    removed);
        }
        return added + removed;
    }

    /**
     * Writes the tasks' rows of {@code open_task} as the engine's tables have them now, in the caller's transaction:
     * a task the engine no longer has leaves; one it has is added, or its row brought to the engine's (only a row
     * that differs is written).
     */
    void writeOpenTasks(Collection<String> taskIds) {
        List<String> all = List.copyOf(taskIds);
        // a bound list at a time: a transaction that ends tens of thousands of tasks stays within a statement's
        // parameters
        for (int from = 0; from < all.size(); from += WRITTEN_AT_ONCE) {
            writeOpenTaskRows(all.subList(from, Math.min(all.size(), from + WRITTEN_AT_ONCE)));
        }
    }

    private static final int WRITTEN_AT_ONCE = 1_000;

    private void writeOpenTaskRows(List<String> taskIds) {
        jdbc.sql("""
                        delete from open_task known where known.task_id in (:taskIds)
                        and not exists (select 1 from ACT_RU_TASK t where t.ID_ = known.task_id)""")
                .param("taskIds", taskIds).update();
        jdbc.sql("insert into open_task (" + OPEN_TASK_COLUMNS + ") " + ENGINE_OPEN_TASKS + """
                         where t.ID_ in (:taskIds)
                        on conflict (task_id) do update set process_instance_id = excluded.process_instance_id,
                            task_key = excluded.task_key, task_name = excluded.task_name,
                            assignee = excluded.assignee, candidate_groups = excluded.candidate_groups,
                            created_at = excluded.created_at, due_date = excluded.due_date
                        where (open_task.process_instance_id, open_task.task_key, open_task.task_name,
                               open_task.assignee, open_task.candidate_groups, open_task.created_at,
                               open_task.due_date)
                              is distinct from (excluded.process_instance_id, excluded.task_key, excluded.task_name,
                               excluded.assignee, excluded.candidate_groups, excluded.created_at,
                               excluded.due_date)""")
                .param("taskIds", taskIds).update();
    }

    /**
     * Writes the open tasks of the process instances again from the engine's tables, in the caller's transaction:
     * after the instances moved to a new model version, which changes their tasks' keys without a task event.
     */
    public void refreshOpenTasks(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return;
        }
        writeOpenTasks(jdbc.sql("""
                        select task_id from open_task where process_instance_id in (:instances)
                        union select ID_ from ACT_RU_TASK where PROC_INST_ID_ in (:instances)""")
                .param("instances", processInstanceIds).query(String.class).list());
    }

    /** An open task of a case, as {@code open_task} has it. */
    public record CaseTask(String taskId, String taskKey, String taskName, List<String> candidateGroups,
                           String assignee, Instant created, Instant due) {
    }

    /**
     * The case's open tasks, oldest first, with their candidate groups: one read of {@code open_task} along its
     * case index (V90), less the suspended tasks, which stays the engine's to say. The engine's task query by
     * business key, and the identity links of each task after it, cost a request for the case file several
     * times as much, most of it in the evaluation of the query's dynamic SQL. The tasks this transaction has changed
     * are written first.
     */
    public List<CaseTask> openTasksOfCase(UUID caseId) {
        OpenTaskProjection.catchUpWithThisTransaction();
        return jdbc.sql("""
                        select task_id, task_key, task_name, candidate_groups, assignee, created_at, due_date
                        from open_task case_task
                        where case_id = :caseId
                          and not exists (select 1 from ACT_RU_TASK suspended where suspended.ID_ = case_task.task_id
                                          and suspended.SUSPENSION_STATE_ <> 1)
                        order by created_at, task_id""")
                .param("caseId", caseId)
                .query((rs, row) -> new CaseTask(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .list();
    }

    /**
     * The case of an open task, from {@code open_task}: empty once the task has ended (its row leaves in the
     * transaction that ends it), or when its process belongs to no case. The tasks this transaction has changed
     * are written first.
     */
    public Optional<UUID> caseOfOpenTask(String taskId) {
        OpenTaskProjection.catchUpWithThisTransaction();
        return jdbc.sql("select case_id from open_task where task_id = :taskId")
                .param("taskId", taskId).query(UUID.class).optional();
    }

    /**
     * Whether the task is still open, from {@code open_task}: one lookup by key, where the engine's task query
     * evaluates its whole dynamic statement (a mail asking someone to act looks first).
     */
    public boolean isOpenTask(String taskId) {
        OpenTaskProjection.catchUpWithThisTransaction();
        return jdbc.sql("select exists (select 1 from open_task where task_id = :taskId)")
                .param("taskId", taskId).query(Boolean.class).single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Tasks given to the user, and unclaimed tasks offered to one of the groups, on the cases in scope, earliest
     * due first; counted up to {@code countedAtMost + 1}.
     */
    public InboxPage inbox(String userId, List<String> groupIds, CaseScope scope, int offset, int size,
                           int countedAtMost) {
        return inbox(userId, groupIds, scope, TaskOrder.DUE_DATE, List.of(), offset, size, countedAtMost);
    }

    /**
     * As above, in the given order; {@code stageOrder} names the cases' stages in the lifecycle's order, for
     * {@link TaskOrder#CASE_STAGE}.
     */
    public InboxPage inbox(String userId, List<String> groupIds, CaseScope scope, TaskOrder order,
                           List<String> stageOrder, int offset, int size, int countedAtMost) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("inboxUser", userId);
        // The page is read from open_task (V90, kept by OpenTaskProjection in each step's transaction) along one
        // of its indexes in due-date order, and stops there: an organisation's tasks for a user who sees their
        // own organisation's cases only, else all tasks. The engine's row of each task is joined by its id, for the
        // task itself and its suspension, which stays the engine's to say.
        StringBuilder holders = new StringBuilder("(inbox_task.assignee = #{inboxUser}");
        if (!groupIds.isEmpty()) {
            StringBuilder candidateGroups = new StringBuilder();
            for (int i = 0; i < groupIds.size(); i++) {
                candidateGroups.append(i == 0 ? "" : ", ").append("#{inboxGroup").append(i).append('}');
                parameters.put("inboxGroup" + i, groupIds.get(i));
            }
            holders.append(" or (inbox_task.assignee is null and inbox_task.candidate_groups && array[")
                    .append(candidateGroups).append("]::text[])");
        }
        holders.append(')');
        // a case's organisation, stage and country are on its tasks only where the case exists (V90's trigger):
        // a task of no case is in no narrower scope, as the engine's business key joined to no case before
        StringBuilder scopeConditions = new StringBuilder();
        if (scope.organization() != null) {
            scopeConditions.append(" and inbox_task.organization = #{visibleOrganization}");
            parameters.put("visibleOrganization", scope.organization());
        }
        if (scope.stage() != null) {
            scopeConditions.append(" and inbox_task.stage = #{visibleStage}");
            parameters.put("visibleStage", scope.stage());
        }
        if (scope.partnerCountry() != null) {
            scopeConditions.append(" and inbox_task.partner_country = #{visibleCountry}");
            parameters.put("visibleCountry", scope.partnerCountry());
        }
        if (scope.searchPattern() != null) {
            // the cases the search finds, looked up first along their own indexes, then their tasks along
            // open_task_case: an array rather than a join, so that the planner does not read every task of the
            // roles to match them to the few cases found
            scopeConditions.append(" and inbox_task.case_id = any(array(").append(scope.searchCases()).append("))");
            parameters.put("visibleSearch", scope.searchPattern());
        }
        // counted on open_task alone, less the suspended tasks (nearly never any: act_idx_task_suspended is empty)
        long counted = nativeQuery("select count(*) from (select 1 from open_task inbox_task where not exists"
                + " (select 1 from ACT_RU_TASK suspended where suspended.ID_ = inbox_task.task_id"
                + " and suspended.SUSPENSION_STATE_ <> 1) and " + holders + scopeConditions + " limit "
                + (countedAtMost + 1) + ") counted", parameters).count();
        List<Task> page = nativeQuery("select RES.* from open_task inbox_task join ACT_RU_TASK RES"
                + " on RES.ID_ = inbox_task.task_id where RES.SUSPENSION_STATE_ = 1 and " + holders + scopeConditions
                + " order by " + orderBy(order, stageOrder), parameters).listPage(offset, size);
        return new InboxPage(page, counted);
    }

    private static String orderBy(TaskOrder order, List<String> stageOrder) {
        String dueFirst = "inbox_task.due_date asc, inbox_task.created_at asc, inbox_task.task_id asc";
        return switch (order) {
            case DUE_DATE -> dueFirst;
            case NEWEST_FIRST -> "inbox_task.created_at desc, inbox_task.task_id desc";
            case CASE_TITLE -> "(select sort_case.title from project_case sort_case"
                    + " where sort_case.id = inbox_task.case_id) asc, " + dueFirst;
            case CASE_STAGE -> {
                // the stage of the task's case, kept on the task (V90) as the case moves
                StringBuilder position = new StringBuilder("(case inbox_task.stage");
                for (int i = 0; i < stageOrder.size(); i++) {
                    String stage = stageOrder.get(i);
                    if (!stage.matches("[A-Z_]+")) {
                        throw new IllegalArgumentException("Not a stage: " + stage);
                    }
                    position.append(" when '").append(stage).append("' then ").append(i);
                }
                yield position.append(" end) asc, ").append(dueFirst).toString();
            }
        };
    }

    private NativeTaskQuery nativeQuery(String sql, Map<String, Object> parameters) {
        NativeTaskQuery query = tasks.createNativeTaskQuery().sql(sql);
        parameters.forEach(query::parameter);
        return query;
    }

    /**
     * The candidate groups of each of the tasks, sorted; a task that no longer exists (completed meanwhile) has
     * no entry. One query for a page of tasks.
     */
    public Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.sql("""
                        select t.ID_, link.GROUP_ID_ from ACT_RU_TASK t
                        left join ACT_RU_IDENTITYLINK link on link.TASK_ID_ = t.ID_ and link.TYPE_ = 'candidate'
                         and link.GROUP_ID_ is not null
                        where t.ID_ in (:taskIds)
                        order by link.GROUP_ID_""")
                .param("taskIds", taskIds)
                .query(rs -> {
                    List<String> ofTask = groups.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
                    if (rs.getString(2) != null) {
                        ofTask.add(rs.getString(2));
                    }
                });
        groups.replaceAll((taskId, ofTask) -> List.copyOf(ofTask));
        return groups;
    }

    /**
     * The open tasks' candidate groups that lack the grant the engine gives a new task's candidate groups, as
     * pairs of task id and group id: those of tasks created while Camunda's authorizations were off.
     */
    public List<String[]> candidateGroupsWithoutGrant(int grantType, int taskResourceType) {
        return jdbc.sql("""
                        select link.TASK_ID_, link.GROUP_ID_ from ACT_RU_IDENTITYLINK link
                        where link.TYPE_ = 'candidate' and link.TASK_ID_ is not null and link.GROUP_ID_ is not null
                          and not exists (select 1 from ACT_RU_AUTHORIZATION grant_
                                          where grant_.TYPE_ = :grant and grant_.RESOURCE_TYPE_ = :taskResource
                                            and grant_.RESOURCE_ID_ = link.TASK_ID_ and grant_.GROUP_ID_ = link.GROUP_ID_)""")
                .param("grant", grantType)
                .param("taskResource", taskResourceType)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /**
     * Open tasks past their due date, of the cases of a fiscal year and a partner country (null: any): read from
     * {@code open_task} along its due-date index. A task's case exists where its row has the case's stage (V90's
     * trigger); the case itself is read only for its fiscal year.
     */
    public long overdueTasks(Instant now, Integer fiscalYear, String partnerCountry) {
        String ofFiscalYear = fiscalYear == null ? ""
                : " and exists (select 1 from project_case c where c.id = overdue.case_id and c.fiscal_year = :fiscalYear)";
        return jdbc.sql("""
                        select count(*) from open_task overdue
                        where overdue.due_date < :now and overdue.stage is not null
                          and (cast(:country as varchar) is null or overdue.partner_country = :country)"""
                        + ofFiscalYear)
                .param("now", Timestamp.from(now)).param("country", partnerCountry)
                .params(fiscalYear == null ? Map.of() : Map.of("fiscalYear", fiscalYear))
                .query(Long.class).single();
    }

    /**
     * A page of the very tasks {@link #overdueTasks} counts, whoever they are for, the most overdue first; with their
     * number. Read from {@code open_task} in due-date order, as the inbox is; the engine's row of each task is joined
     * by its id.
     */
    public InboxPage overdueTaskPage(Instant now, Integer fiscalYear, String partnerCountry, int offset, int size) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("now", Date.from(now));
        StringBuilder filters = new StringBuilder(" where overdue.due_date < #{now}");
        if (fiscalYear != null) {
            filters.append(" and overdue_case.fiscal_year = #{fiscalYear}");
            parameters.put("fiscalYear", fiscalYear);
        }
        if (partnerCountry != null) {
            filters.append(" and overdue_case.partner_country = #{country}");
            parameters.put("country", partnerCountry);
        }
        String ofCases = " join project_case overdue_case on overdue_case.id = overdue.case_id";
        long counted = nativeQuery("select count(*) from open_task overdue" + ofCases + filters, parameters).count();
        List<Task> page = nativeQuery("select RES.* from open_task overdue"
                + " join ACT_RU_TASK RES on RES.ID_ = overdue.task_id" + ofCases + filters
                + " order by overdue.due_date asc, overdue.task_id asc", parameters).listPage(offset, size);
        return new InboxPage(page, counted);
    }

    /** What waits in the engine now, for operators. */
    public WorkQueue workQueue(Instant now) {
        Timestamp at = Timestamp.from(now);
        // from open_task, kept in each step's transaction: a task counts once per candidate role, or once with
        // no role when it is given to a person by name only
        List<OpenTasks> openTasks = jdbc.sql("""
                        select coalesce(t.stage, 'NONE'), role, count(*)
                        from open_task t
                        cross join unnest(case when cardinality(t.candidate_groups) = 0 then array[null]::text[]
                                               else t.candidate_groups end) role
                        group by 1, 2 order by 1, 2""")
                .query((rs, row) -> new OpenTasks(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        long overdue = jdbc.sql("select count(*) from open_task where due_date < :now")
                .param("now", at).query(Long.class).single();
        long dueJobs = jdbc.sql("""
                        select count(*) from ACT_RU_JOB
                        where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and (DUEDATE_ is null or DUEDATE_ <= :now)
                          and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < :now)""")
                .param("now", at).query(Long.class).single();
        long failing = jdbc.sql("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and EXCEPTION_MSG_ is not null")
                .query(Long.class).single();
        long failed = jdbc.sql("select count(*) from ACT_RU_JOB where RETRIES_ = 0").query(Long.class).single();
        long incidents = jdbc.sql("select count(*) from ACT_RU_INCIDENT").query(Long.class).single();
        return new WorkQueue(openTasks, overdue, dueJobs, failing, failed, incidents);
    }
}
