package org.jcmflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.casefile.ProjectCase;
import org.jcmflow.casefile.Stage;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.web.ApiException;
import org.jcmflow.web.InvalidInputException;
import org.jcmflow.web.InvalidInputException.FieldProblem;
import org.jcmflow.web.Pagination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The human work of the programme: which tasks a user has, and claiming, unclaiming and completing them,
 * with the rules of who may act on which case.
 */
@Service
public class CaseTaskService {

    private static final Logger log = LoggerFactory.getLogger(CaseTaskService.class);
    private static final int COMPLETION_ATTEMPTS = 3;

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
    private final TransactionTemplate transactions;
    private final ZoneId zone;
    private final int countedTasksAtMost;

    CaseTaskService(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
                    IdentityService identity, CaseFileService cases, OpenCaseTasks openTasks, FormRegistry forms,
                    List<CompletionRule> rules, TaskWorkRules workRules, Clock clock,
                    PlatformTransactionManager transactionManager,
                    @Value("${jcm.portal.time-zone}") ZoneId zone,
                    @Value("${jcm.tasks.inbox-counted-at-most}") int countedTasksAtMost) {
        this.countedTasksAtMost = countedTasksAtMost;
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
        this.transactions = new TransactionTemplate(transactionManager);
        this.zone = zone;
    }

    /**
     * A page of the inbox. Tasks are counted up to {@code jcm.tasks.inbox-counted-at-most}: past that,
     * totalElements is that many and totalIsLowerBound is true ("1,000 or more"), so that a role with tens of
     * thousands of open tasks does not have them all counted at every request.
     */
    public record TaskPage(List<TaskView> content, int page, int size, long totalElements,
                           boolean totalIsLowerBound) {

        public TaskPage(List<TaskView> content, int page, int size, long totalElements) {
            this(content, page, size, totalElements, false);
        }
    }

    /**
     * Tasks assigned to the user, and unassigned tasks open to one of the user's roles, on cases they may see,
     * narrowed to cases in the given stage and partner country where these are given.
     */
    @Transactional(readOnly = true)
    public TaskPage inbox(CurrentUser user, Stage stage, String partnerCountry, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("inboxUser", user.username());
        List<String> groups = user.groupIds();
        StringBuilder candidateGroups = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            candidateGroups.append(i == 0 ? "" : ", ").append("#{inboxGroup").append(i).append('}');
            parameters.put("inboxGroup" + i, groups.get(i));
        }
        // The engine's own task query for "assignee or candidate group" joins the identity links and sorts the
        // distinct rows: all of a role's tasks, at every request. Here the role's link is looked up per task (a
        // scalar subquery, which the planner does not turn into a hash of all the role's links), so that the page
        // is read along act_idx_task_inbox_order (EngineIndexes) in due-date order and the reading stops there.
        StringBuilder where = new StringBuilder(" from ACT_RU_TASK RES where RES.SUSPENSION_STATE_ = 1")
                .append(" and (RES.ASSIGNEE_ = #{inboxUser}");
        if (!groups.isEmpty()) {
            where.append(" or (RES.ASSIGNEE_ is null and (select true from ACT_RU_IDENTITYLINK link")
                    .append(" where link.TASK_ID_ = RES.ID_ and link.TYPE_ = 'candidate' and link.GROUP_ID_ in (")
                    .append(candidateGroups).append(") limit 1))");
        }
        where.append(')');
        // a proponent's organisation, a stage, a country: the cases joined on the process's business key
        cases.visibleCasesCondition(user, stage, partnerCountry, "inbox_instance.BUSINESS_KEY_").ifPresent(visible -> {
            where.append(" and exists (select 1 from ACT_RU_EXECUTION inbox_instance")
                    .append(" where inbox_instance.ID_ = RES.PROC_INST_ID_ and ").append(visible.sql()).append(')');
            parameters.putAll(visible.parameters());
        });
        int offset = Pagination.offset(page, size);
        long counted = nativeQuery("select count(*) from (select 1" + where + " limit " + (countedTasksAtMost + 1)
                + ") counted", parameters).count();
        List<Task> found = nativeQuery("select RES.*" + where + " order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc",
                parameters).listPage(offset, size);
        boolean more = counted > countedTasksAtMost;
        return new TaskPage(views(found), page, size, more ? countedTasksAtMost : counted, more);
    }

    private NativeTaskQuery nativeQuery(String sql, Map<String, Object> parameters) {
        NativeTaskQuery query = tasks.createNativeTaskQuery().sql(sql);
        parameters.forEach(query::parameter);
        return query;
    }

    @Transactional(readOnly = true)
    public TaskView view(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        return views(List.of(task)).stream().findFirst().orElseThrow(CaseTaskService::completedMeanwhile);
    }

    @Transactional(readOnly = true)
    public String form(String taskId, CurrentUser user) {
        return schema(taskId, user).rawJson();
    }

    @Transactional(readOnly = true)
    FormSchema schema(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        try {
            return formOf(task);
        } catch (NullValueException completed) {
            throw completedMeanwhile();
        }
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
            throw changedMeanwhile();
        } catch (NullValueException completed) {
            throw completedMeanwhile();
        }
    }

    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        Task task = unclaimableTask(taskId, user);
        if (task.getAssignee() != null) {
            try {
                tasks.setAssignee(task.getId(), null);
            } catch (OptimisticLockingException | NullValueException changed) {
                throw changedMeanwhile();
            }
        }
    }

    /**
     * For the webapps' other ways of changing a task's hands (resolve, delegate, assign, identity links), open to
     * operators: never on a task the process gave by name. The engine refuses it too (TasklistWorkGuard); here the
     * refusal reaches the operator as such.
     */
    @Transactional(readOnly = true)
    public void checkHandsKept(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && assignedByName(task)) {
            throw ApiException.forbidden("This task was given to " + task.getAssignee() + " by the process; nobody "
                    + "may hand it back, pass it on or reassign it.", "personalTask", task.getAssignee());
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
     * invalid; when two users complete one task at once, the second gets a conflict. A clash with anything else
     * that changed the process at the same moment (a timer of the task firing) is tried again.
     */
    public void complete(String taskId, Map<String, Object> submitted, CurrentUser user) {
        // inside a caller's transaction (the demonstration data set's) a conflict spoils it all: no second attempt
        int attempts = TransactionSynchronizationManager.isActualTransactionActive() ? 1 : COMPLETION_ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> completeChecked(taskId, submitted, user));
                return;
            } catch (OptimisticLockingException | NullValueException changedMeanwhile) {
                // Something else changed the case's process at the same moment, on this node or another: a timer
                // of the task firing, or another completion. Each attempt is its own transaction, so the next one
                // starts afresh: it completes the task, or finds it done and answers 409.
                if (attempt == attempts) {
                    throw completedMeanwhile();
                }
                log.info("Completion of task {} met a concurrent change; attempt {} of {}", taskId, attempt + 1,
                        attempts);
            }
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
        // again, so a second completion finds it done instead of moving the process on from a stale task. Who
        // may complete it is checked only then: read while another completion commits, the task's roles could
        // be half gone.
        UUID caseId = caseIdOf(visibleTask(taskId, user));
        cases.lockForChange(caseId);
        Task task = actionableTask(taskId, user);
        Map<String, Object> values = checkedValues(task, submitted);
        identity.setAuthentication(user.username(), user.groupIds());
        try (CheckedCompletion checked = CheckedCompletion.of(task.getId())) {
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

    /**
     * A task the user may see; a completed task is a conflict. A task of a case the user may not see is not found,
     * like an unknown one, open or completed: its answer must not tell that the id exists.
     */
    private Task visibleTask(String taskId, CurrentUser user) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                    .singleResult();
            if (done != null && workRules.maySee(completedCaseId(done), user)) {
                throw ApiException.conflict("The task has already been completed.", "taskDone");
            }
            throw noTask(taskId);
        }
        if (!workRules.maySee(caseIdOf(task), user)) {
            throw noTask(taskId);
        }
        return task;
    }

    private UUID completedCaseId(HistoricTaskInstance task) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null || instance.getBusinessKey() == null ? null
                : UUID.fromString(instance.getBusinessKey());
    }

    private static ApiException noTask(String taskId) {
        return ApiException.notFound("No task " + taskId, "noTask");
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

    /**
     * The task's candidate groups, read after the task itself: a task found a moment ago may have been completed
     * by someone else since, its process even ended. That is the conflict of two users, not an error.
     */
    private List<String> candidateGroups(String taskId) {
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

    private UUID caseIdOf(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        if (instance == null) {
            throw completedMeanwhile();
        }
        return UUID.fromString(instance.getBusinessKey());
    }

    private static ApiException changedMeanwhile() {
        return ApiException.conflict("The task was changed by someone else at the same time; reload it.",
                "taskChangedMeanwhile");
    }

    private static ApiException completedMeanwhile() {
        return ApiException.conflict("The task was completed by someone else at the same time.",
                "taskCompletedMeanwhile");
    }

    /** The tasks as the inbox shows them: a few queries for the whole page, not a few per task. */
    private List<TaskView> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, List<String>> candidateGroups =
                openTasks.candidateGroups(found.stream().map(Task::getId).toList());
        Map<UUID, ProjectCase> caseById = cases.findAll(businessKeys.values().stream().filter(Objects::nonNull)
                .map(UUID::fromString).collect(Collectors.toSet()));
        Instant now = clock.instant();
        List<TaskView> views = new ArrayList<>();
        for (Task task : found) {
            String businessKey = businessKeys.get(task.getProcessInstanceId());
            List<String> groups = candidateGroups.get(task.getId());
            if (businessKey == null || groups == null) {
                continue; // completed since the query: no longer anybody's to do
            }
            UUID caseId = UUID.fromString(businessKey);
            Optional<ProjectCase> projectCase = Optional.ofNullable(caseById.get(caseId));
            Instant due = OpenCaseTasks.instant(task.getDueDate());
            Optional<JcmTrackStage> jcmTrack = JcmTrackStage.ofStep(task.getTaskDefinitionKey());
            views.add(new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), caseId,
                    projectCase.map(ProjectCase::title).orElse(null),
                    jcmTrack.isPresent() ? Stage.MRV.name() : projectCase.map(c -> c.stage().name()).orElse(null),
                    projectCase.map(ProjectCase::partnerCountry).orElse(null),
                    groups, task.getAssignee(), OpenCaseTasks.instant(task.getCreateTime()), due,
                    due != null && due.isBefore(now), jcmTrack.map(Enum::name).orElse(null)));
        }
        return views;
    }

}
