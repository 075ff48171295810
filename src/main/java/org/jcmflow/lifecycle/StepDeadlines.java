package org.jcmflow.lifecycle;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves the deadline of a case's open step to one set outside its process (a report due when its contract ends),
 * with the reminder and the escalation beside it: the reminder the configured time before the deadline (never in
 * the first half of the time the step had from its start), the escalation at the deadline. The timers are the
 * step's boundary events as the processes name them: {@code Boundary_<step>Reminder} and
 * {@code Boundary_<step>Overdue} for the task {@code Task_<step>}.
 */
@Component
public class StepDeadlines {

    private static final String TASK = "Task_";

    private final TaskService tasks;
    private final ManagementService management;
    private final DueDates dueDates;

    StepDeadlines(TaskService tasks, ManagementService management, DueDates dueDates) {
        this.tasks = tasks;
        this.management = management;
        this.dueDates = dueDates;
    }

    /** @return how many open tasks of the step the case had (none when the step is not open) */
    public int move(UUID caseId, String taskKey, Instant due) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString())
                .taskDefinitionKey(taskKey).list();
        String step = taskKey.startsWith(TASK) ? taskKey.substring(TASK.length()) : taskKey;
        for (Task task : open) {
            task.setDueDate(Date.from(due));
            tasks.saveTask(task);
            Instant reminder = dueDates.reminder(task.getCreateTime().toInstant(), due);
            setTimers(task.getProcessInstanceId(), "Boundary_" + step + "Reminder", reminder);
            setTimers(task.getProcessInstanceId(), "Boundary_" + step + "Overdue", due);
        }
        return open.size();
    }

    private void setTimers(String processInstanceId, String boundary, Instant due) {
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).activityId(boundary)
                .timers().list()) {
            management.setJobDuedate(timer.getId(), Date.from(due));
        }
    }
}
