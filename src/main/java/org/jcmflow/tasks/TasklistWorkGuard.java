package org.jcmflow.tasks;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.lifecycle.LifecycleProcess;
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
 * completed only by its assignee, if it has one; people claim for themselves, only operators assign others. The webapps set the engine's authenticated user on every
 * request; the engine's own work (timers, the job executor) has none and is not checked.
 * {@link TasklistRequestCheck} answers Tasklist's requests with a clear refusal before they get here.
 */
@Component
class TasklistWorkGuard {

    private final TaskWorkRules rules;
    private final CurrentUsers users;

    TasklistWorkGuard(TaskWorkRules rules, CurrentUsers users) {
        this.rules = rules;
        this.users = users;
    }

    // before StepHistoryRecorder writes the step into the case's history
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "' or #task.eventName == '"
            + TaskListener.EVENTNAME_ASSIGNMENT + "'")
    public void check(DelegateTask task) {
        Authentication actor = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Object caseId = task.getVariable(LifecycleProcess.CASE_ID);
        // Work done outside any request (the demonstration data set at start-up) comes from our own services,
        // which have checked it; the webapps always act within a signed-in person's request.
        if (actor == null || caseId == null || SecurityContextHolder.getContext().getAuthentication() == null) {
            return;
        }
        boolean completing = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
        if (!completing && (task.getAssignee() == null || assignedByTheProcess(task))) {
            return;
        }
        CurrentUser user = userOf(actor);
        if (!completing && !task.getAssignee().equals(user.username())) {
            if (user.has(Role.ADMIN)) {
                return;
            }
            throw new AuthorizationException("You may claim a task for yourself only.");
        }
        List<String> candidateGroups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
        UUID id = UUID.fromString(caseId.toString());
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
     * The BPMN itself names the assignee (a committee member's evaluation), so the person whose step created the
     * task is not claiming it for someone else.
     */
    private static boolean assignedByTheProcess(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getTaskDefinition() != null
                && entity.getTaskDefinition().getAssigneeExpression() != null) {
            return Objects.equals(entity.getTaskDefinition().getAssigneeExpression().getValue(task), task.getAssignee());
        }
        return false;
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
