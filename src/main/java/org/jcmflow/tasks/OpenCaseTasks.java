package org.jcmflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jcmflow.engine.EngineTables;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Reads open tasks and their candidate groups from the engine, for the case file and the inbox. */
@Component
class OpenCaseTasks implements org.jcmflow.casefile.CaseTasks {

    private final TaskService tasks;
    private final EngineTables engineTables;
    private final FormRegistry forms;
    private final Clock clock;

    OpenCaseTasks(TaskService tasks, EngineTables engineTables, FormRegistry forms, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.engineTables = engineTables;
        this.forms = forms;
    }

    @Override
    public List<OpenTask> openTasks(UUID caseId) {
        Instant now = clock.instant();
        return engineTables.openTasksOfCase(caseId).stream()
                .map(task -> new OpenTask(task.taskId(), task.taskKey(), task.taskName(), task.candidateGroups(),
                        task.assignee(), task.created(), task.due(), task.due() != null && task.due().isBefore(now)))
                .toList();
    }

    @Override
    public boolean holdsTaskAskingForDocument(ProjectCase projectCase, CurrentUser user) {
        return tasks.createTaskQuery().processInstanceBusinessKey(projectCase.id().toString()).active()
                .initializeFormKeys().list().stream()
                .filter(task -> task.getCamundaFormRef() != null
                        && forms.find(task.getCamundaFormRef().getKey()).filter(FormSchema::asksForDocument).isPresent())
                .anyMatch(task -> holds(user, projectCase, task.getAssignee(), candidateGroups(task.getId())));
    }

    /** The task's assignee; while nobody has claimed it, whoever may work on it. */
    static boolean holds(CurrentUser user, ProjectCase projectCase, String assignee, List<String> candidateGroups) {
        if (assignee != null) {
            return assignee.equals(user.username());
        }
        return user.hasAnyGroup(candidateGroups)
                && !TaskWorkRules.ownOrganizationsEvaluation(user, projectCase, candidateGroups);
    }

    /** The candidate groups of each of the tasks, sorted; a task completed meanwhile has no entry. */
    Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
        return engineTables.candidateGroups(taskIds);
    }

    List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
