package org.jcmflow.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.jcmflow.engine.ProcessContext;

/**
 * A mail called for by a step: what it is about, and the task or decision it concerns. Travels as the variables
 * of the notification process, so that the engine's jobs address and send it after the step has committed.
 */
record NotificationRequest(NotificationKind kind, UUID caseId, String taskId, String taskKey, String taskName,
                           Instant due, String assignee, List<String> candidateGroups, String decision,
                           String mentionedBy, Long commentId) {

    static final String KIND = "notification";
    static final String TASK_ID = "taskId";
    static final String TASK_KEY = "taskKey";
    static final String TASK_NAME = "taskName";
    static final String DUE = "taskDue";
    static final String ASSIGNEE = "taskAssignee";
    static final String CANDIDATE_GROUPS = "taskCandidateGroups";
    static final String DECISION = "decision";
    static final String MENTIONED_BY = "mentionedBy";
    static final String COMMENT_ID = "commentId";

    NotificationRequest {
        candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    }

    static NotificationRequest aboutTask(NotificationKind kind, UUID caseId, String taskId, String taskKey,
                                         String taskName, Date due, String assignee, List<String> candidateGroups) {
        return new NotificationRequest(kind, caseId, taskId, taskKey, taskName, due == null ? null : due.toInstant(),
                assignee, candidateGroups, null, null, null);
    }

    static NotificationRequest stageGateDecision(UUID caseId, String decision) {
        return new NotificationRequest(NotificationKind.STAGE_GATE_DECISION, caseId, null, null, null, null, null,
                List.of(), decision, null, null);
    }

    /** A comment mentioned the person: they are its one recipient, as the assignee of a task is. */
    static NotificationRequest mention(UUID caseId, String taskId, String taskKey, String taskName, long commentId,
                                       String author, String mentioned) {
        return new NotificationRequest(NotificationKind.MENTION, caseId, taskId, taskKey, taskName, null, mentioned,
                List.of(), null, author, commentId);
    }

    /** A call's selection of a case's proposal: the call's title travels as the task name. */
    static NotificationRequest selectionDecision(UUID caseId, String callTitle, boolean selected) {
        return new NotificationRequest(NotificationKind.SELECTION_DECISION, caseId, null, null, callTitle, null, null,
                List.of(), selected ? "SELECTED" : "NOT_SELECTED", null, null);
    }

    Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(KIND, kind.name());
        variables.put(ProcessContext.CASE_ID, caseId.toString());
        variables.put(TASK_ID, taskId);
        variables.put(TASK_KEY, taskKey);
        variables.put(TASK_NAME, taskName);
        variables.put(DUE, due == null ? null : Date.from(due));
        variables.put(ASSIGNEE, assignee);
        variables.put(CANDIDATE_GROUPS, String.join(",", candidateGroups));
        variables.put(DECISION, decision);
        variables.put(MENTIONED_BY, mentionedBy);
        variables.put(COMMENT_ID, commentId);
        return variables;
    }

    static NotificationRequest from(VariableScope variables) {
        String groups = (String) variables.getVariable(CANDIDATE_GROUPS);
        Date due = (Date) variables.getVariable(DUE);
        return new NotificationRequest(NotificationKind.valueOf((String) variables.getVariable(KIND)),
                UUID.fromString((String) variables.getVariable(ProcessContext.CASE_ID)),
                (String) variables.getVariable(TASK_ID), (String) variables.getVariable(TASK_KEY),
                (String) variables.getVariable(TASK_NAME), due == null ? null : due.toInstant(),
                (String) variables.getVariable(ASSIGNEE),
                groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
                (String) variables.getVariable(DECISION), (String) variables.getVariable(MENTIONED_BY),
                (Long) variables.getVariable(COMMENT_ID));
    }
}
