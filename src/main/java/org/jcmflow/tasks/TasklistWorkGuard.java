package org.jcmflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Holds whoever works in the Camunda webapps to the rules of our API, inside the engine: a task is claimed
 * and completed only by one of its roles, never by a committee member on their own organisation's case, and
 * completed only by its assignee, if it has one, within a completion our rules have checked
 * ({@link CheckedCompletion}); people claim for themselves, only operators assign others, nobody but an operator
 * delegates, and operators only to someone who could claim the task. A task the process gives to someone by name (a committee member's evaluation) stays theirs: nobody,
 * operators included, hands it back, passes it on or reassigns it, however they ask the engine (Tasklist, Cockpit,
 * the REST API, the Java API), and only that person completes it. The webapps set the engine's authenticated user
 * on every request; the engine's own work (timers, the job executor) has neither that nor a signed-in request
 * behind it, and is not checked. {@link TasklistRequestCheck} answers Tasklist's requests with a clear refusal
 * before they get here.
 */
@Component
class TasklistWorkGuard {

    /** What makes a task someone's; on a task given by name, a change to any of them takes it from its person. */
    private static final Set<String> WHOSE = Set.of(TaskEntity.ASSIGNEE, TaskEntity.OWNER, TaskEntity.DELEGATION);

    private final TaskWorkRules rules;
    private final CurrentUsers users;

    TasklistWorkGuard(TaskWorkRules rules, CurrentUsers users) {
        this.rules = rules;
        this.users = users;
    }

    // before StepHistoryRecorder writes the step into the case's history
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "' or #task.eventName == '"
            + TaskListener.EVENTNAME_ASSIGNMENT + "' or #task.eventName == '" + TaskListener.EVENTNAME_UPDATE + "'")
    public void check(DelegateTask task) {
        Authentication actor = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        // Work done outside any request (the demonstration data set at start-up, timers, the job executor) comes
        // from the engine or our own services, which have checked it; people always act within a signed-in request.
        if (signedIn == null && actor == null) {
            return;
        }
        switch (task.getEventName()) {
            // the engine fires update, before assignment, on every change after the task was created
            case TaskListener.EVENTNAME_UPDATE -> keepHands(task, actor);
            case TaskListener.EVENTNAME_COMPLETE -> checkCompletion(task, actor, signedIn != null
                    ? signedIn.getName() : null);
            default -> {
                if (actor != null && signedIn != null) {
                    checkAssignment(task, userOf(actor));
                }
            }
        }
    }

    /** People claim for themselves, only operators assign others; the process's own assignments stand. */
    private void checkAssignment(DelegateTask task, CurrentUser user) {
        UUID caseId = ProcessContext.caseOf(task).orElse(null);
        if (caseId == null || task.getAssignee() == null || assignedByTheProcess(task)) {
            return;
        }
        if (!task.getAssignee().equals(user.username())) {
            if (user.has(Role.ADMIN)) {
                checkGiven(task, caseId);
                return;
            }
            throw new AuthorizationException("You may claim a task for yourself only.");
        }
        checkRules(task, user, caseId, false);
    }

    /**
     * Our rules on who completes what; only the person the process named completes their task, whoever signed in
     * and however they asked; and a person completes a task only through a form our rules have checked.
     */
    private void checkCompletion(DelegateTask task, Authentication actor, String signedIn) {
        UUID caseId = ProcessContext.caseOf(task).orElse(null);
        if (caseId != null && actor != null && signedIn != null) {
            checkRules(task, userOf(actor), caseId, true);
        }
        String completer = actor != null ? actor.getUserId() : signedIn;
        String givenTo = givenByName(task);
        if (givenTo != null && !givenTo.equals(completer)) {
            throw new AuthorizationException("This task was given to " + givenTo + " by the process; only "
                    + givenTo + " may complete it.");
        }
        if (actor != null && !isOperator(actor) && !CheckedCompletion.isUnderWayFor(task.getId())) {
            throw new AuthorizationException("A task is completed through its form, in the portal or in Camunda "
                    + "Tasklist, where the values are checked.");
        }
    }

    /** An operator gives a task only to someone who could claim it: never a committee member of the case's organisation. */
    private void checkGiven(DelegateTask task, UUID caseId) {
        try {
            rules.checkMayBeGiven(task.getAssignee(), caseId, candidateGroups(task), "assignee");
        } catch (Problem refused) {
            throw new AuthorizationException(refused instanceof org.jcmflow.problem.InvalidInput invalid
                    ? invalid.problems().get(0).message() : refused.getMessage());
        }
    }

    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    private void checkRules(DelegateTask task, CurrentUser user, UUID id, boolean completing) {
        List<String> candidateGroups = candidateGroups(task);
        try {
            if (completing) {
                rules.checkMayComplete(user, id, candidateGroups, task.getAssignee());
            } else {
                rules.checkMayWork(user, id, candidateGroups);
            }
        } catch (Problem refused) {
            throw new AuthorizationException(refused.getMessage());
        }
    }

    /**
     * A task changes hands by claiming and unclaiming: no person but an operator delegates one (the form of a
     * delegated task resolves it instead of completing it, past {@link #checkCompletion}), and nobody hands back,
     * passes on or reassigns one the process gave by name. Putting back the person the process named, on a task
     * someone took from them before this rule, is no change of hands.
     */
    private static void keepHands(DelegateTask task, Authentication actor) {
        if (!(task instanceof TaskEntity entity)) {
            return;
        }
        Map<String, PropertyChange> changes = entity.getPropertyChanges();
        boolean delegating = changes.containsKey(TaskEntity.OWNER) || changes.containsKey(TaskEntity.DELEGATION);
        if (delegating && actor != null && !isOperator(actor)) {
            throw new AuthorizationException("Tasks are claimed and unclaimed, not delegated.");
        }
        String givenTo = WHOSE.stream().anyMatch(changes::containsKey) ? givenByName(task) : null;
        if (givenTo == null) {
            return;
        }
        PropertyChange assignee = changes.get(TaskEntity.ASSIGNEE);
        boolean restored = changes.size() == 1 && assignee != null && assignee.getOrgValue() == null
                && givenTo.equals(assignee.getNewValue());
        if (!restored) {
            throw new AuthorizationException("This task was given to " + givenTo + " by the process; nobody may "
                    + "hand it back, pass it on or reassign it.");
        }
    }

    /**
     * The BPMN itself names the assignee (a committee member's evaluation), so the person whose step created the
     * task is not claiming it for someone else.
     */
    private static boolean assignedByTheProcess(DelegateTask task) {
        String givenTo = givenByName(task);
        return givenTo != null && givenTo.equals(task.getAssignee());
    }

    /** The person the BPMN names as the task's assignee, or null for a task of a role. */
    private static String givenByName(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getTaskDefinition() != null
                && entity.getTaskDefinition().getAssigneeExpression() != null) {
            return Objects.toString(entity.getTaskDefinition().getAssigneeExpression().getValue(task), null);
        }
        return null;
    }

    private static boolean isOperator(Authentication actor) {
        return actor.getGroupIds() != null && actor.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    /** The logged-in user of this request, who must be the one the engine acts for. */
    private CurrentUser userOf(Authentication actor) {
        try {
            CurrentUser user = users.current();
            if (user.username().equals(actor.getUserId())) {
                return user;
            }
        } catch (AuthenticationException noLogin) {
            // refused below
        }
        throw new AuthorizationException("The engine acts for " + actor.getUserId()
                + ", who is not the logged-in user of this request.");
    }
}
