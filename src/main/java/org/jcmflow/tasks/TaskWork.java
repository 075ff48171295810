package org.jcmflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming, unclaiming and completing tasks, with the rules of who may act on which case; and the same checks
 * without the act, for Camunda Tasklist, which acts through the engine itself.
 */
@Service
public class TaskWork {

    private static final Logger log = LoggerFactory.getLogger(TaskWork.class);
    private static final int COMPLETION_ATTEMPTS = 3;

    private final TaskService tasks;
    private final IdentityService identity;
    private final CaseFileService cases;
    private final TaskLookup lookup;
    private final TaskForms forms;
    private final List<CompletionRule> rules;
    private final TaskWorkRules workRules;
    private final TransactionTemplate transactions;

    TaskWork(TaskService tasks, IdentityService identity, CaseFileService cases, TaskLookup lookup, TaskForms forms,
             List<CompletionRule> rules, TaskWorkRules workRules, PlatformTransactionManager transactionManager) {
        this.tasks = tasks;
        this.identity = identity;
        this.cases = cases;
        this.lookup = lookup;
        this.forms = forms;
        this.rules = rules;
        this.workRules = workRules;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Transactional
    public void claim(String taskId, CurrentUser user) {
        Task task = claimableTask(taskId, user);
        try {
            tasks.claim(task.getId(), user.username());
        } catch (TaskAlreadyClaimedException e) {
            throw Problem.conflict("The task is already claimed by " + e.getTaskAssignee() + ".", "taskClaimed",
                    e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw TaskLookup.changedMeanwhile();
        } catch (NullValueException completed) {
            throw TaskLookup.completedMeanwhile();
        }
    }

    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        Task task = unclaimableTask(taskId, user);
        if (task.getAssignee() != null) {
            try {
                tasks.setAssignee(task.getId(), null);
            } catch (OptimisticLockingException | NullValueException changed) {
                throw TaskLookup.changedMeanwhile();
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
        if (task != null && lookup.assignedByName(task)) {
            throw Problem.forbidden("This task was given to " + task.getAssignee() + " by the process; nobody "
                    + "may hand it back, pass it on or reassign it.", "personalTask", task.getAssignee());
        }
    }

    /** The checks of {@link #unclaim} without unclaiming, for Camunda Tasklist. */
    @Transactional(readOnly = true)
    public void checkUnclaim(String taskId, CurrentUser user) {
        unclaimableTask(taskId, user);
    }

    private Task unclaimableTask(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        if (task.getAssignee() != null && lookup.assignedByName(task)) {
            throw Problem.forbidden("This task was given to " + task.getAssignee() + " by name; it cannot be "
                    + "handed back.", "personalTask", task.getAssignee());
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())
                && !user.has(Role.PROGRAM_MANAGER)) {
            throw Problem.forbidden("Only the assignee or a programme manager may unclaim this task.",
                    "unclaimNotAllowed");
        }
        return task;
    }

    /**
     * Completes the task with values checked against its form, claiming it for the user in the same transaction when
     * nobody holds it. Nothing is written when the values are invalid; when two users complete one task at once, the
     * second gets a conflict. A clash with anything else
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
                    throw TaskLookup.completedMeanwhile();
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
     * engine: the values as the completion must hand them to the engine, every field of the form among them, those
     * the processes do not read later as transient values.
     */
    @Transactional(readOnly = true)
    public VariableMap checkCompletion(String taskId, Map<String, Object> submitted, CurrentUser user) {
        Task task = actionableTask(taskId, user);
        FormSchema form = forms.formOf(task);
        return form.completionVariables(checkedValues(task, form, submitted));
    }

    private void completeChecked(String taskId, Map<String, Object> submitted, CurrentUser user) {
        // Completions on one case run one after the other: after waiting for the case, the task is read
        // again, so a second completion finds it done instead of moving the process on from a stale task. Who
        // may complete it is checked only then: read while another completion commits, the task's roles could
        // be half gone.
        UUID caseId = lookup.visible(taskId, user).caseId();
        cases.lockForChange(caseId);
        Task task = actionableTask(taskId, user);
        FormSchema form = forms.formOf(task);
        Map<String, Object> values = checkedValues(task, form, submitted);
        if (task.getAssignee() == null) {
            claimForCompletion(task, user);
        }
        identity.setAuthentication(user.username(), user.groupIds());
        try (CheckedCompletion checked = CheckedCompletion.of(task.getId())) {
            tasks.complete(task.getId(), form.completionVariables(values));
        } finally {
            identity.clearAuthentication();
        }
        log.info("Task {} '{}' of case {} completed by {}", task.getId(), task.getName(), caseId, user.username());
    }

    /**
     * Claims the task nobody holds for the person completing it, in the completion's transaction: the history names
     * who did the step, and a client need not claim first in a request of its own. Someone who claimed it a moment
     * before keeps it.
     */
    private void claimForCompletion(Task task, CurrentUser user) {
        try {
            tasks.claim(task.getId(), user.username());
        } catch (TaskAlreadyClaimedException claimed) {
            throw Problem.forbidden("The task is claimed by " + claimed.getTaskAssignee() + ".", "taskClaimed",
                    claimed.getTaskAssignee());
        }
    }

    /** The submitted values as the process reads them, if they fit the task's form and the programme's rules. */
    private Map<String, Object> checkedValues(Task task, FormSchema form, Map<String, Object> submitted) {
        Map<String, Object> values = FormValidator.validate(form, submitted);
        Function<String, Object> variable = name -> tasks.getVariable(task.getId(), name);
        List<FieldProblem> broken = rules.stream()
                .flatMap(rule -> rule.check(task.getTaskDefinitionKey(), values, variable).stream()).toList();
        if (!broken.isEmpty()) {
            throw new InvalidInput(broken);
        }
        return values;
    }

    /** A task the user may complete: one the user may work on that nobody else has claimed. */
    private Task actionableTask(String taskId, CurrentUser user) {
        TaskLookup.VisibleTask visible = lookup.visible(taskId, user);
        Task task = visible.task();
        workRules.checkMayComplete(user, visible.caseId(), lookup.candidateGroups(task.getId()), task.getAssignee());
        return task;
    }

    /** A task one of the user's roles may work on, unclaimed or claimed by the user; claimed by another, a conflict. */
    private Task claimableTask(String taskId, CurrentUser user) {
        TaskLookup.VisibleTask visible = lookup.visible(taskId, user);
        Task task = visible.task();
        workRules.checkMayWork(user, visible.caseId(), lookup.candidateGroups(task.getId()));
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw Problem.conflict("The task is already claimed by " + task.getAssignee() + ".", "taskClaimed",
                    task.getAssignee());
        }
        return task;
    }
}
