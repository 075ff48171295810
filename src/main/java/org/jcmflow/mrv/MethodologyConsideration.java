package org.jcmflow.mrv;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.lifecycle.DueDates;
import org.jcmflow.problem.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Joint Committee's consideration of a proposed methodology takes the period of the case's partner country
 * and may be extended once, to the extended period from its start: the task's due date, its reminder and its
 * escalation move with it.
 */
@Service
public class MethodologyConsideration {

    static final String TASK = "Task_DecideMethodology";
    private static final String REMINDER = "Boundary_DecideMethodologyReminder";
    private static final String OVERDUE = "Boundary_DecideMethodologyOverdue";

    private final TaskService tasks;
    private final ManagementService management;
    private final CaseFileService cases;
    private final JcmPeriods periods;
    private final DueDates dueDates;
    private final JdbcClient jdbc;

    MethodologyConsideration(TaskService tasks, ManagementService management, CaseFileService cases,
                             JcmPeriods periods, DueDates dueDates, JdbcClient jdbc) {
        this.tasks = tasks;
        this.management = management;
        this.cases = cases;
        this.periods = periods;
        this.dueDates = dueDates;
        this.jdbc = jdbc;
    }

    /** The consideration's new due date; a conflict when none is under way or it was extended already. */
    @Transactional
    public Instant extend(UUID caseId, CurrentUser user) {
        if (!user.has(Role.JOINT_COMMITTEE)) {
            throw Problem.forbidden("Only the Joint Committee extends its consideration.", "considerationJcOnly");
        }
        String country = cases.visibleCase(caseId, user).partnerCountry();
        cases.lockForChange(caseId);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString()).taskDefinitionKey(TASK)
                .singleResult();
        if (task == null) {
            throw Problem.conflict("The Joint Committee is not considering a methodology of this case.",
                    "noConsideration");
        }
        long methodologyId = ((Number) tasks.getVariable(task.getId(), MrvRegister.METHODOLOGY_ID)).longValue();
        int extended = jdbc.sql("""
                        update methodology set consideration_extended = true where id = ?
                        and not consideration_extended""")
                .param(methodologyId).update();
        if (extended == 0) {
            throw Problem.conflict("The consideration of this methodology was extended already.",
                    "considerationExtended");
        }
        Instant due = periods.end(country, JcmPeriods.Period.CONSIDERATION_EXTENDED, task.getCreateTime().toInstant());
        task.setDueDate(Date.from(due));
        tasks.saveTask(task);
        move(task, REMINDER, dueDates.reminderBefore(Date.from(due)));
        move(task, OVERDUE, Date.from(due));
        return due;
    }

    private void move(Task task, String timer, Date due) {
        Job job = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(timer)
                .timers().singleResult();
        if (job != null) {
            management.setJobDuedate(job.getId(), due);
        }
    }
}
