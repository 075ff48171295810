package org.jcmflow.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.identity.UserDirectory;
import org.jcmflow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme manager gives a task to a named person of its roles, or hands it back to its roles, under the rules
 * of who may work on what (never a committee member on their own organisation's case). A task the process gave
 * by name stays its person's. The case's history records each change of hands.
 */
@Service
public class TaskReassignment {

    /** The history's step for a change of hands; its details name the task, from whom and to whom. */
    public static final String STEP = "TaskReassigned";

    private static final Logger log = LoggerFactory.getLogger(TaskReassignment.class);

    private final TaskService tasks;
    private final TaskLookup lookup;
    private final TaskWorkRules rules;
    private final CaseFileService cases;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    TaskReassignment(TaskService tasks, TaskLookup lookup, TaskWorkRules rules, CaseFileService cases,
                     UserDirectory directory, ApplicationEventPublisher events, ObjectMapper json) {
        this.tasks = tasks;
        this.lookup = lookup;
        this.rules = rules;
        this.cases = cases;
        this.directory = directory;
        this.events = events;
        this.json = json;
    }

    /** Gives the task to the person, or back to its roles when the person is null. */
    @Transactional
    public void reassign(String taskId, String assignee, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        if (!user.has(Role.PROGRAM_MANAGER)) {
            throw Problem.forbidden("Only a programme manager reassigns a task.", "reassignForProgrammeManagers");
        }
        if (lookup.assignedByName(task)) {
            throw Problem.forbidden("This task was given to " + task.getAssignee() + " by name; it cannot be "
                    + "handed back.", "personalTask", task.getAssignee());
        }
        UUID caseId = lookup.caseIdOf(task);
        cases.lockForChange(caseId);
        List<String> groups = lookup.candidateGroups(task.getId());
        if (assignee != null) {
            rules.checkMayBeGiven(assignee, caseId, groups, "assignee");
        }
        String previous = task.getAssignee();
        try {
            tasks.setAssignee(task.getId(), assignee);
        } catch (OptimisticLockingException | NullValueException changed) {
            throw TaskLookup.changedMeanwhile();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reassignedTask", task.getName());
        details.put("reassignedFrom", previous == null ? "-" : previous);
        details.put("reassignedTo", assignee == null ? "-" : assignee);
        cases.recordStep(caseId, STEP, "Task reassigned", user.username(), null, write(details));
        events.publishEvent(new TaskReassigned(caseId, task.getId(), task.getTaskDefinitionKey(), task.getName(),
                OpenCaseTasks.instant(task.getDueDate()), assignee, groups));
        log.info("Task {} '{}' of case {} reassigned from {} to {} by {}", task.getId(), task.getName(), caseId,
                previous, assignee == null ? "its roles" : assignee, user.username());
    }

    /** The people a programme manager may give the task to: those who could claim it themselves. */
    @Transactional(readOnly = true)
    public List<String> candidates(UUID caseId, List<String> candidateGroups) {
        return candidateGroups.stream().flatMap(group -> Role.ofGroupId(group).stream())
                .flatMap(role -> directory.usersWithRole(role).stream()).map(UserDirectory.DirectoryUser::username)
                .distinct().sorted().filter(username -> {
                    try {
                        rules.checkMayBeGiven(username, caseId, candidateGroups, "assignee");
                        return true;
                    } catch (Problem refused) {
                        return false;
                    }
                }).toList();
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
