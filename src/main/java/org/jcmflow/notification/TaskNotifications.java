package org.jcmflow.notification;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.TaskService;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.tasks.TaskReassigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails about tasks: a new task to its assignee or role, whichever process created it; and, from the deadline
 * timers beside report tasks (bean {@code deadlines}: {@code ${deadlines.remind(execution, 'Task_X')}}), a reminder
 * to them before the due date and an escalation to the programme managers once it has passed.
 */
@Component("deadlines")
public class TaskNotifications {

    private static final Logger log = LoggerFactory.getLogger(TaskNotifications.class);

    private final Notifications notifications;

    TaskNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void taskCreated(DelegateTask task) {
        Optional<UUID> caseId = ProcessContext.caseOf(task);
        if (caseId.isEmpty()) {
            return;
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
        notifications.request(NotificationRequest.aboutTask(NotificationKind.NEW_TASK,
                caseId.get(), task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getDueDate(), task.getAssignee(), groups));
    }

    /** Tells whoever a programme manager gave the task to (a person, or its roles again) that it is theirs. */
    @EventListener
    public void taskReassigned(TaskReassigned task) {
        notifications.request(NotificationRequest.aboutTask(NotificationKind.NEW_TASK, task.caseId(), task.taskId(),
                task.taskKey(), task.taskName(), task.due() == null ? null : Date.from(task.due()), task.assignee(),
                task.candidateGroups()));
    }

    /** Reminds whoever the open task (or each open instance of it) is for. */
    public void remind(DelegateExecution execution, String taskKey) {
        notifyAbout(execution, taskKey, NotificationKind.REMINDER);
    }

    /** Tells the programme managers that the task is overdue; the task stays where it is. */
    public void escalate(DelegateExecution execution, String taskKey) {
        notifyAbout(execution, taskKey, NotificationKind.ESCALATION);
    }

    private void notifyAbout(DelegateExecution execution, String taskKey, NotificationKind kind) {
        UUID caseId = ProcessContext.caseId(execution);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).active().list()) {
            List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).sorted().toList();
            log.info("{} for task {} '{}' of case {}, due {}", kind, task.getId(), taskKey, caseId, task.getDueDate());
            notifications.request(NotificationRequest.aboutTask(kind, caseId, task.getId(), taskKey, task.getName(),
                    task.getDueDate(), task.getAssignee(), groups));
        }
    }
}
