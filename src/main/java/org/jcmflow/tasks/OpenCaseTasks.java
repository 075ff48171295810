package org.jcmflow.tasks;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** Reads open tasks and their candidate groups from the engine, for the case file and the inbox. */
@Component
class OpenCaseTasks implements org.jcmflow.casefile.CaseTasks {

    private final TaskService tasks;

    OpenCaseTasks(TaskService tasks) {
        this.tasks = tasks;
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

    List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
