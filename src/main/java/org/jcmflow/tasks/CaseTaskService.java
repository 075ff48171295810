package org.jcmflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human work of the programme: which tasks a user has, and claiming, unclaiming and completing them,
 * with the rules of who may act on which case.
 */
@Service
public class CaseTaskService {

    private static final Logger log = LoggerFactory.getLogger(CaseTaskService.class);

    /**
     * The {@code valuesKey} of a choice among the documents uploaded on the case. They are read when the form is
     * shown or submitted, not from a process variable, so a report uploaded while the task is open is offered too.
     */
    static final String CASE_DOCUMENTS = "caseDocuments";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final CaseFileService cases;
    private final OpenCaseTasks openTasks;
    private final FormRegistry forms;
    private final List<CompletionRule> rules;
    private final TaskWorkRules workRules;
    private final Clock clock;
    private final ZoneId zone;

    CaseTaskService(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
                    IdentityService identity, CaseFileService cases, OpenCaseTasks openTasks, FormRegistry forms,
                    List<CompletionRule> rules, TaskWorkRules workRules, Clock clock,
                    @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.cases = cases;
        this.openTasks = openTasks;
        this.forms = forms;
        this.rules = rules;
        this.workRules = workRules;
        this.clock = clock;
        this.zone = zone;
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
        Task task = claimableTask(taskId, user);
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
        Task task = unclaimableTask(taskId, user);
        if (task.getAssignee() != null) {
            tasks.setAssignee(task.getId(), null);
        }
    }

    /** The checks of {@link #unclaim} without unclaiming, for Camunda Tasklist. */
    @Transactional(readOnly = true)
    public void checkUnclaim(String taskId, CurrentUser user) {
        unclaimableTask(taskId, user);
    }

    private Task unclaimableTask(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() != null && assignedByName(task)) {
            throw ApiException.forbidden("This task was given to " + task.getAssignee() + " by name; it cannot be "
                    + "handed back.", "personalTask", task.getAssignee());
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())
                && !user.has(Role.PROGRAM_MANAGER)) {
            throw ApiException.forbidden("Only the assignee or a programme manager may unclaim this task.",
                    "unclaimNotAllowed");
        }
        return task;
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

    /**
     * The checks of {@link #claim} without claiming, for Camunda Tasklist, which claims through the engine.
     */
    @Transactional(readOnly = true)
    public void checkClaim(String taskId, CurrentUser user) {
        claimableTask(taskId, user);
    }

    /**
     * The checks of {@link #complete} without completing, for Camunda Tasklist, which completes through the
     * engine.
     */
    @Transactional(readOnly = true)
    public void checkCompletion(String taskId, Map<String, Object> submitted, CurrentUser user) {
        checkedValues(actionableTask(taskId, user), submitted);
    }

    private void completeChecked(String taskId, Map<String, Object> submitted, CurrentUser user) {
        // Completions on one case run one after the other: after waiting for the case, the task is read
        // again, so a second completion finds it done instead of moving the process on from a stale task.
        UUID caseId = caseIdOf(actionableTask(taskId, user));
        cases.lockForChange(caseId);
        Task task = actionableTask(taskId, user);
        Map<String, Object> values = checkedValues(task, submitted);
        identity.setAuthentication(user.username(), user.groupIds());
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
        log.info("Task {} '{}' of case {} completed by {}", task.getId(), task.getName(), caseId, user.username());
    }

    /** The submitted values as the process reads them, if they fit the task's form and the programme's rules. */
    private Map<String, Object> checkedValues(Task task, Map<String, Object> submitted) {
        Map<String, Object> values = FormValidator.validate(formOf(task), submitted);
        Function<String, Object> variable = name -> tasks.getVariable(task.getId(), name);
        List<FieldProblem> broken = rules.stream()
                .flatMap(rule -> rule.check(task.getTaskDefinitionKey(), values, variable).stream()).toList();
        if (!broken.isEmpty()) {
            throw new InvalidInputException(broken);
        }
        return values;
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
        workRules.visibleCase(caseIdOf(task), user);
        return task;
    }

    /** A task the user may complete: one the user may work on that nobody else has claimed. */
    private Task actionableTask(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        workRules.checkMayComplete(user, caseIdOf(task), candidateGroups(task.getId()), task.getAssignee());
        return task;
    }

    /** A task one of the user's roles may work on, unclaimed or claimed by the user; claimed by another, a conflict. */
    private Task claimableTask(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        workRules.checkMayWork(user, caseIdOf(task), candidateGroups(task.getId()));
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw ApiException.conflict("The task is already claimed by " + task.getAssignee() + ".", "taskClaimed",
                    task.getAssignee());
        }
        return task;
    }

    /** A task the BPMN gives to one person (a committee member's evaluation), not to whoever of a role claims it. */
    private boolean assignedByName(Task task) {
        UserTask modelled = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return modelled != null && modelled.getCamundaAssignee() != null;
    }

    private FormSchema formOf(Task task) {
        String formId = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
        return forms.find(formId)
                .orElseThrow(() -> new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no form"))
                .withOptionsFrom(name -> CASE_DOCUMENTS.equals(name) ? documentChoices(caseIdOf(task))
                        : tasks.getVariable(task.getId(), name));
    }

    /** The case's documents as form-js lists options: the file, who uploaded it and when, by the document's id. */
    private List<Map<String, String>> documentChoices(UUID caseId) {
        return cases.documents(caseId).stream()
                .map(document -> Map.of("value", document.id().toString(), "label", document.fileName() + " ("
                        + document.uploadedBy() + ", " + LocalDate.ofInstant(document.uploadedAt(), zone) + ")"))
                .toList();
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
