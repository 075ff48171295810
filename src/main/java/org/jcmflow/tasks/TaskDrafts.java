package org.jcmflow.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task's form saved half-filled, to resume later. Only its assignee has it: saving a draft of a task nobody has
 * claimed claims it, so that nobody else completes the task meanwhile. A draft is no decision: it is kept in a table
 * of its own, never in the process, the case's history or the figures, and it goes when the task is done, whether
 * completed here, in Camunda Tasklist, or ended by the process.
 */
@Service
class TaskDrafts {

    private static final Logger log = LoggerFactory.getLogger(TaskDrafts.class);

    /** The values saved, checked against the form as far as they are filled in. */
    record Draft(Map<String, Object> variables, Instant savedAt) {
    }

    private final TaskLookup lookup;
    private final TaskForms forms;
    private final TaskWork work;
    private final TaskWorkRules workRules;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    TaskDrafts(TaskLookup lookup, TaskForms forms, TaskWork work, TaskWorkRules workRules, JdbcClient jdbc,
               ObjectMapper json, Clock clock) {
        this.lookup = lookup;
        this.forms = forms;
        this.work = work;
        this.workRules = workRules;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Bad values are refused naming each field, and nothing is written: neither the draft nor a claim. */
    @Transactional
    public Draft save(String taskId, Map<String, Object> submitted, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        UUID caseId = lookup.caseIdOf(task);
        workRules.checkMayComplete(user, caseId, lookup.candidateGroups(task.getId()), task.getAssignee());
        Map<String, Object> values = FormValidator.validateDraft(forms.formOf(task), submitted);
        if (task.getAssignee() == null) {
            work.claim(taskId, user);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into task_draft (task_id, case_id, owner, draft_values, saved_at)
                        values (?, ?, ?, cast(? as jsonb), ?)
                        on conflict (task_id) do update set owner = excluded.owner,
                            draft_values = excluded.draft_values, saved_at = excluded.saved_at""")
                .params(task.getId(), caseId, user.username(), write(values), Timestamp.from(now)).update();
        log.info("Draft of task {} of case {} saved by {}", task.getId(), caseId, user.username());
        return new Draft(values, now);
    }

    /** The user's draft of the task, while the task is theirs; nobody else's. */
    @Transactional(readOnly = true)
    public Optional<Draft> find(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        return user.username().equals(task.getAssignee()) ? ownDraft(task.getId(), user) : Optional.empty();
    }

    /** The user's draft of the task, as {@link #find} answers it, or 404. */
    Draft get(String taskId, CurrentUser user) {
        return find(taskId, user).orElseThrow(() -> Problem.notFound("You have no draft of task " + taskId + ".",
                "noDraft"));
    }

    @Transactional
    public void discard(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        jdbc.sql("delete from task_draft where task_id = ? and owner = ?").params(task.getId(), user.username())
                .update();
    }

    private Optional<Draft> ownDraft(String taskId, CurrentUser user) {
        return jdbc.sql("select draft_values::text, saved_at from task_draft where task_id = ? and owner = ?")
                .params(taskId, user.username())
                .query((rs, row) -> new Draft(read(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** A task done, or ended by its process, takes its draft along. */
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "' or #task.eventName == '"
            + TaskListener.EVENTNAME_DELETE + "'")
    public void taskEnded(DelegateTask task) {
        jdbc.sql("delete from task_draft where task_id = ?").param(task.getId()).update();
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A draft's values could not be written", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable draft: " + text, e);
        }
    }
}
