package org.jcmflow.tasks;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jcmflow.engine.EngineTables;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.Problem;

import org.springframework.stereotype.Component;

/**
 * Finds a task for a user, with what the inbox, the forms and the work on tasks all ask of one: its case, its
 * roles, whether the process gave it by name, and the conflicts of two users at once.
 */
@Component
class TaskLookup {

    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final OpenCaseTasks openTasks;
    private final TaskWorkRules workRules;
    private final EngineTables engineTables;

    TaskLookup(TaskService tasks, HistoryService history, RepositoryService repository,
               OpenCaseTasks openTasks, TaskWorkRules workRules, EngineTables engineTables) {
        this.tasks = tasks;
        this.engineTables = engineTables;
        this.history = history;
        this.repository = repository;
        this.openTasks = openTasks;
        this.workRules = workRules;
    }

    /**
     * A task the user may see; a completed task is a conflict. A task of a case the user may not see is not found,
     * like an unknown one, open or completed: its answer must not tell that the id exists.
     */
    Task visibleTask(String taskId, CurrentUser user) {
        return visible(taskId, user).task();
    }

    /** A task the user may see, with its case: as {@link #visibleTask}, its case read once for both. */
    record VisibleTask(Task task, UUID caseId) {
    }

    /** As {@link #visibleTask}, with the task's case. */
    VisibleTask visible(String taskId, CurrentUser user) {
        Task task = engineTables.openTask(taskId).orElse(null);
        if (task == null) {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                    .singleResult();
            if (done != null && workRules.maySee(completedCaseId(done), user)) {
                throw Problem.conflict("The task has already been completed.", "taskDone");
            }
            throw noTask(taskId);
        }
        UUID caseId = caseIdOf(task);
        if (!workRules.maySee(caseId, user)) {
            throw noTask(taskId);
        }
        return new VisibleTask(task, caseId);
    }

    private UUID completedCaseId(HistoricTaskInstance task) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null || instance.getBusinessKey() == null ? null
                : UUID.fromString(instance.getBusinessKey());
    }

    private static Problem noTask(String taskId) {
        return Problem.notFound("No task " + taskId, "noTask");
    }

    /** A task the BPMN gives to one person (a committee member's evaluation), not to whoever of a role claims it. */
    boolean assignedByName(Task task) {
        UserTask modelled = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return modelled != null && modelled.getCamundaAssignee() != null;
    }

    /**
     * The task's candidate groups, read after the task itself: a task found a moment ago may have been completed
     * by someone else since, its process even ended. That is the conflict of two users, not an error.
     */
    List<String> candidateGroups(String taskId) {
        List<String> groups;
        try {
            groups = openTasks.candidateGroups(taskId);
        } catch (NullValueException completed) {
            throw completedMeanwhile();
        }
        if (groups.isEmpty() && tasks.createTaskQuery().taskId(taskId).count() == 0) {
            throw completedMeanwhile(); // the engine read the task, then its roles after they were deleted
        }
        return groups;
    }

    /** The task's case, from {@code open_task}; a conflict when the task has ended since it was read. */
    UUID caseIdOf(Task task) {
        return engineTables.caseOfOpenTask(task.getId()).orElseThrow(TaskLookup::completedMeanwhile);
    }

    static Problem changedMeanwhile() {
        return Problem.conflict("The task was changed by someone else at the same time; reload it.",
                "taskChangedMeanwhile");
    }

    static Problem completedMeanwhile() {
        return Problem.conflict("The task was completed by someone else at the same time.",
                "taskCompletedMeanwhile");
    }
}
