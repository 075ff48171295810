package org.jcmflow.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts the work waiting in the engine's tables, for {@link OperatorMetrics}. */
@Component
class WorkQueueCounts {

    /** The role of a task given to a person by name rather than offered to a role. */
    static final String BY_NAME = "by-name";

    record OpenTasks(String stage, String role, long count) {
    }

    record Snapshot(List<OpenTasks> openTasks, long overdueTasks, long dueJobs, long failingJobs, long failedJobs,
                    long incidents) {

        long openTasksOf(String stage, String role) {
            return openTasks.stream().filter(row -> row.stage().equals(stage) && row.role().equals(role))
                    .mapToLong(OpenTasks::count).findFirst().orElse(0);
        }
    }

    private final JdbcClient jdbc;

    WorkQueueCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Snapshot count(Instant now) {
        Timestamp at = Timestamp.from(now);
        // a task's case is its process instance's business key; a task given to a person has no candidate group
        List<OpenTasks> openTasks = jdbc.sql("""
                        select coalesce(c.stage, 'NONE'), coalesce(link.GROUP_ID_, :byName), count(*)
                        from ACT_RU_TASK t
                        join ACT_RU_EXECUTION pi on pi.ID_ = t.PROC_INST_ID_
                        left join project_case c on c.id::text = pi.BUSINESS_KEY_
                        left join ACT_RU_IDENTITYLINK link on link.TASK_ID_ = t.ID_ and link.TYPE_ = 'candidate'
                             and link.GROUP_ID_ is not null
                        group by 1, 2 order by 1, 2""")
                .param("byName", BY_NAME)
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
        return new Snapshot(openTasks, overdue, dueJobs, failing, failed, incidents);
    }
}
