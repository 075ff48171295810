package org.jcmflow.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads open tasks and their candidate groups from the engine, for the case file and the inbox. */
@Component
class OpenCaseTasks implements org.jcmflow.casefile.CaseTasks {

    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final FormRegistry forms;

    OpenCaseTasks(TaskService tasks, JdbcClient jdbc, FormRegistry forms) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.forms = forms;
    }

    @Override
    public List<OpenTask> openTasks(UUID caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString()).active()
                .orderByTaskCreateTime().asc().list().stream()
                .flatMap(task -> {
                    try {
                        return Stream.of(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                                candidateGroups(task.getId()), task.getAssignee(), instant(task.getCreateTime()),
                                instant(task.getDueDate())));
                    } catch (NullValueException completedSinceTheQuery) {
                        return Stream.empty();
                    }
                })
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

    /**
     * The candidate groups of each of the tasks, sorted; a task that no longer exists (completed meanwhile) has
     * no entry. One query for a page of tasks, read from the engine's tables.
     */
    Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
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

    List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
