package org.jcmflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.web.ApiException;
import org.jcmflow.web.InvalidInputException;
import org.jcmflow.web.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human work of the programme: which tasks a user has, and claiming, unclaiming and completing them,
 * with the rules of who may act on which case.
 */
@Service
public class CaseTaskService {

    private static final Logger log = LoggerFactory.getLogger(CaseTaskService.class);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final CaseFileService cases;
    private final OpenCaseTasks openTasks;
    private final FormRegistry forms;
    private final List<CompletionRule> rules;
    private final Clock clock;

    CaseTaskService(TaskService tasks, RuntimeService runtime, HistoryService history, IdentityService identity,
                    CaseFileService cases, OpenCaseTasks openTasks, FormRegistry forms, List<CompletionRule> rules, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.cases = cases;
        this.openTasks = openTasks;
        this.forms = forms;
        this.rules = rules;
        this.clock = clock;
    }

    record TaskPage(List<TaskView> content, int page, int size, long totalElements) {
    }

    /**
     * Tasks assigned to the user, and unassigned tasks open to one of the user's roles, on cases they may see,
     * narrowed to cases in the given stage and partner country where these are given.
     */
    @Transactional(readOnly = true)
    public TaskPage inbox(CurrentUser user, Stage stage, String partnerCountry, int page, int size) {
        TaskQuery query = tasks.createTaskQuery().active()
                .or().taskAssignee(user.username()).taskCandidateGroupIn(user.groupIds()).endOr();
        Optional<List<UUID>> visible = cases.visibleCaseIds(user, stage, partnerCountry);
        if (visible.isPresent()) {
            if (visible.get().isEmpty()) {
                return new TaskPage(List.of(), page, size, 0);
            }
            query.processInstanceBusinessKeyIn(visible.get().stream().map(UUID::toString).toArray(String[]::new));
        }
        long total = query.count();
        List<Task> found = query.orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(page * size, size);
        return new TaskPage(views(found), page, size, total);
    }

    @Transactional(readOnly = true)
    public TaskView view(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        return views(List.of(task)).get(0);
    }

    @Transactional(readOnly = true)
    public String form(String taskId, CurrentUser user) {
        return schema(taskId, user).rawJson();
    }

    @Transactional(readOnly = true)
    FormSchema schema(String taskId, CurrentUser user) {
        return formOf(visibleTask(taskId, user));
    }

    @Transactional
    public void claim(String taskId, CurrentUser user) {
        Task task = workableTask(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw ApiException.conflict("The task is already claimed by " + task.getAssignee() + ".", "taskClaimed",
                    task.getAssignee());
        }
        try {
            tasks.claim(task.getId(), user.username());
        } catch (TaskAlreadyClaimedException e) {
            throw ApiException.conflict("The task is already claimed by " + e.getTaskAssignee() + ".", "taskClaimed",
                    e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("The task was changed by someone else at the same time; reload it.",
                    "taskChangedMeanwhile");
        }
    }

    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() == null) {
            return;
        }
        if (!task.getAssignee().equals(user.username()) && !user.has(Role.PROGRAM_MANAGER)) {
            throw ApiException.forbidden("Only the assignee or a programme manager may unclaim this task.",
                    "unclaimNotAllowed");
        }
        tasks.setAssignee(task.getId(), null);
    }

    /**
     * Completes the task with values checked against its form. Nothing is written when the values are
     * invalid; when two users complete one task at once, the second gets a conflict.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> submitted, CurrentUser user) {
        try {
            completeChecked(taskId, submitted, user);
        } catch (OptimisticLockingException | NullValueException completedMeanwhile) {
            // another user completed the task between our checks and our completion
            throw ApiException.conflict("The task was completed by someone else at the same time.",
                    "taskCompletedMeanwhile");
        }
    }

    private void completeChecked(String taskId, Map<String, Object> submitted, CurrentUser user) {
        // Completions on one case run one after the other: after waiting for the case, the task is read
        // again, so a second completion finds it done instead of moving the process on from a stale task.
        UUID caseId = caseIdOf(actionableTask(taskId, user));
        cases.lockForChange(caseId);
        Task task = actionableTask(taskId, user);
        Map<String, Object> values = FormValidator.validate(formOf(task), submitted);
        Function<String, Object> variable = name -> tasks.getVariable(task.getId(), name);
        List<FieldProblem> broken = rules.stream()
                .flatMap(rule -> rule.check(task.getTaskDefinitionKey(), values, variable).stream()).toList();
        if (!broken.isEmpty()) {
            throw new InvalidInputException(broken);
        }
        identity.setAuthentication(user.username(), user.groupIds());
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
        log.info("Task {} '{}' of case {} completed by {}", task.getId(), task.getName(), caseId, user.username());
    }

    /** A task the user may see; a completed task is a conflict, an unknown or hidden one is not found. */
    private Task visibleTask(String taskId, CurrentUser user) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            boolean done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
            if (done) {
                throw ApiException.conflict("The task has already been completed.", "taskDone");
            }
            throw ApiException.notFound("No task " + taskId, "noTask");
        }
        Optional<ProjectCase> projectCase = cases.find(caseIdOf(task));
        if (projectCase.isEmpty() || !cases.maySee(user, projectCase.get())) {
            throw ApiException.forbidden("This task belongs to a case of another organisation.", "otherOrganization");
        }
        return task;
    }

    /** A task the user may complete: one the user may work on that nobody else has claimed. */
    private Task actionableTask(String taskId, CurrentUser user) {
        Task task = workableTask(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw ApiException.forbidden("The task is claimed by " + task.getAssignee() + ".", "taskClaimed",
                    task.getAssignee());
        }
        return task;
    }

    /** A task one of the user's roles is a candidate for, on a case the user may work on. */
    private Task workableTask(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        if (!user.hasAnyGroup(candidateGroups(task.getId()))) {
            String groups = String.join(", ", candidateGroups(task.getId()));
            throw ApiException.forbidden("The task is for " + groups + "; you hold none of these roles.",
                    "notYourRole", groups);
        }
        if (candidateGroups(task.getId()).contains(Role.STAGE_GATE_COMMITTEE.groupId())
                && user.organization() != null
                && cases.find(caseIdOf(task)).map(ProjectCase::organization).orElse("").equals(user.organization())) {
            throw ApiException.forbidden("A committee member may not evaluate a case of their own organisation.",
                    "ownOrganization");
        }
        return task;
    }

    private FormSchema formOf(Task task) {
        String formId = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
        return forms.find(formId)
                .orElseThrow(() -> new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no form"));
    }

    private List<String> candidateGroups(String taskId) {
        return openTasks.candidateGroups(taskId);
    }

    private UUID caseIdOf(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return UUID.fromString(instance.getBusinessKey());
    }

    private List<TaskView> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<UUID, Optional<ProjectCase>> caseById = new HashMap<>();
        Instant now = clock.instant();
        return found.stream().map(task -> {
            UUID caseId = UUID.fromString(businessKeys.get(task.getProcessInstanceId()));
            Optional<ProjectCase> projectCase = caseById.computeIfAbsent(caseId, cases::find);
            Instant due = OpenCaseTasks.instant(task.getDueDate());
            return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), caseId,
                    projectCase.map(ProjectCase::title).orElse(null),
                    projectCase.map(c -> c.stage().name()).orElse(null),
                    projectCase.map(ProjectCase::partnerCountry).orElse(null),
                    candidateGroups(task.getId()), task.getAssignee(), OpenCaseTasks.instant(task.getCreateTime()), due,
                    due != null && due.isBefore(now));
        }).toList();
    }

}
