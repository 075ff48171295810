package org.jcmflow.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
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
 * tables are joined by the process's business key, which every process of a case has: the case id.
 */
@Component
public class EngineTables {

    private static final Logger log = LoggerFactory.getLogger(EngineTables.class);

    private static final Map<String, String> INDEXES = Map.of(
            // the inbox reads a page of open tasks in due-date order and stops there (inbox below)
            "act_idx_task_inbox_order", "act_ru_task (due_date_, create_time_)",
            // the engine looks for a task's subtasks whenever it completes or deletes one: without this, a scan of
            // every open task at each step (measured: the bulk of the database's work at 50,000 open cases)
            "act_idx_task_parent", "act_ru_task (parent_task_id_)");

    /**
     * Which cases' tasks an inbox shows: a null field does not narrow them.
     *
     * @param searchCondition the SQL condition on a case ({@code visible_case}) that the search box sets, with the
     *                        parameter {@code #{visibleSearch}}
     * @param searchPattern   the value of that parameter
     */
    public record CaseScope(String organization, String stage, String partnerCountry, String searchCondition,
                            String searchPattern) {

        public CaseScope(String organization, String stage, String partnerCountry) {
            this(organization, stage, partnerCountry, null, null);
        }

        boolean narrowsNothing() {
            return organization == null && stage == null && partnerCountry == null && searchPattern == null;
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
    private final JdbcClient jdbc;

    EngineTables(TaskService tasks, JdbcClient jdbc) {
        this.tasks = tasks;
        this.jdbc = jdbc;
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
        StringBuilder candidateGroups = new StringBuilder();
        for (int i = 0; i < groupIds.size(); i++) {
            candidateGroups.append(i == 0 ? "" : ", ").append("#{inboxGroup").append(i).append('}');
            parameters.put("inboxGroup" + i, groupIds.get(i));
        }
        // The engine's own task query for "assignee or candidate group" joins the identity links and sorts the
        // distinct rows: all of a role's tasks, at every request. Here the role's link is looked up per task (a
        // scalar subquery, which the planner does not turn into a hash of all the role's links), so that the page
        // is read along act_idx_task_inbox_order in due-date order and the reading stops there.
        StringBuilder where = new StringBuilder(" from ACT_RU_TASK RES where RES.SUSPENSION_STATE_ = 1")
                .append(" and (RES.ASSIGNEE_ = #{inboxUser}");
        if (!groupIds.isEmpty()) {
            where.append(" or (RES.ASSIGNEE_ is null and (select true from ACT_RU_IDENTITYLINK link")
                    .append(" where link.TASK_ID_ = RES.ID_ and link.TYPE_ = 'candidate' and link.GROUP_ID_ in (")
                    .append(candidateGroups).append(") limit 1))");
        }
        where.append(')');
        if (!scope.narrowsNothing()) {
            // project_case_id_text (V7) indexes id::text, the form in which the engine keeps the case id; a join
            // rather than a list of ids, so that an organisation of tens of thousands of cases costs no more
            where.append(" and exists (select 1 from ACT_RU_EXECUTION inbox_instance")
                    .append(" where inbox_instance.ID_ = RES.PROC_INST_ID_ and exists (select 1 from project_case")
                    .append(" visible_case where visible_case.id::text = inbox_instance.BUSINESS_KEY_");
            if (scope.organization() != null) {
                where.append(" and visible_case.organization = #{visibleOrganization}");
                parameters.put("visibleOrganization", scope.organization());
            }
            if (scope.stage() != null) {
                where.append(" and visible_case.stage = #{visibleStage}");
                parameters.put("visibleStage", scope.stage());
            }
            if (scope.partnerCountry() != null) {
                where.append(" and visible_case.partner_country = #{visibleCountry}");
                parameters.put("visibleCountry", scope.partnerCountry());
            }
            if (scope.searchPattern() != null) {
                where.append(" and ").append(scope.searchCondition());
                parameters.put("visibleSearch", scope.searchPattern());
            }
            where.append("))");
        }
        long counted = nativeQuery("select count(*) from (select 1" + where + " limit " + (countedAtMost + 1)
                + ") counted", parameters).count();
        List<Task> page = nativeQuery("select RES.*" + where + " order by " + orderBy(order, stageOrder),
                parameters).listPage(offset, size);
        return new InboxPage(page, counted);
    }

    private static String orderBy(TaskOrder order, List<String> stageOrder) {
        String dueFirst = "RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.ID_ asc";
        String ofTheCase = " from ACT_RU_EXECUTION sort_instance join project_case sort_case"
                + " on sort_case.id::text = sort_instance.BUSINESS_KEY_ where sort_instance.ID_ = RES.PROC_INST_ID_)";
        return switch (order) {
            case DUE_DATE -> dueFirst;
            case NEWEST_FIRST -> "RES.CREATE_TIME_ desc, RES.ID_ desc";
            case CASE_TITLE -> "(select sort_case.title" + ofTheCase + " asc, " + dueFirst;
            case CASE_STAGE -> {
                StringBuilder position = new StringBuilder("(select case sort_case.stage");
                for (int i = 0; i < stageOrder.size(); i++) {
                    String stage = stageOrder.get(i);
                    if (!stage.matches("[A-Z_]+")) {
                        throw new IllegalArgumentException("Not a stage: " + stage);
                    }
                    position.append(" when '").append(stage).append("' then ").append(i);
                }
                yield position.append(" end").append(ofTheCase).append(" asc, ").append(dueFirst).toString();
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

    /** Open tasks past their due date, of the cases of a fiscal year and a partner country (null: any). */
    public long overdueTasks(Instant now, Integer fiscalYear, String partnerCountry) {
        return jdbc.sql("""
                        select count(*) from ACT_RU_TASK t
                        join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                        join project_case c on c.id::text = e.BUSINESS_KEY_
                        where t.DUE_DATE_ < :now
                          and (cast(:fiscalYear as integer) is null or c.fiscal_year = :fiscalYear)
                          and (cast(:country as varchar) is null or c.partner_country = :country)""")
                .param("now", Timestamp.from(now)).param("fiscalYear", fiscalYear).param("country", partnerCountry)
                .query(Long.class).single();
    }

    /**
     * A page of the very tasks {@link #overdueTasks} counts, whoever they are for, the most overdue first; with their
     * number.
     */
    public InboxPage overdueTaskPage(Instant now, Integer fiscalYear, String partnerCountry, int offset, int size) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("now", Date.from(now));
        StringBuilder where = new StringBuilder("""
                 from ACT_RU_TASK RES
                 join ACT_RU_EXECUTION overdue_instance on overdue_instance.ID_ = RES.PROC_INST_ID_
                 join project_case overdue_case on overdue_case.id::text = overdue_instance.BUSINESS_KEY_
                 where RES.DUE_DATE_ < #{now}""");
        if (fiscalYear != null) {
            where.append(" and overdue_case.fiscal_year = #{fiscalYear}");
            parameters.put("fiscalYear", fiscalYear);
        }
        if (partnerCountry != null) {
            where.append(" and overdue_case.partner_country = #{country}");
            parameters.put("country", partnerCountry);
        }
        long counted = nativeQuery("select count(*) " + where, parameters).count();
        List<Task> page = nativeQuery("select RES.* " + where + " order by RES.DUE_DATE_ asc, RES.ID_ asc", parameters)
                .listPage(offset, size);
        return new InboxPage(page, counted);
    }

    /** What waits in the engine now, for operators. */
    public WorkQueue workQueue(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<OpenTasks> openTasks = jdbc.sql("""
                        select coalesce(c.stage, 'NONE'), link.GROUP_ID_, count(*)
                        from ACT_RU_TASK t
                        join ACT_RU_EXECUTION pi on pi.ID_ = t.PROC_INST_ID_
                        left join project_case c on c.id::text = pi.BUSINESS_KEY_
                        left join ACT_RU_IDENTITYLINK link on link.TASK_ID_ = t.ID_ and link.TYPE_ = 'candidate'
                             and link.GROUP_ID_ is not null
                        group by 1, 2 order by 1, 2""")
                .query((rs, row) -> new OpenTasks(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        long overdue = jdbc.sql("select count(*) from ACT_RU_TASK where DUE_DATE_ < :now")
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
