package org.jcmflow.tasks;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task's form as {@code GET /api/tasks/{id}/form} answers it: the Camunda Form schema with a {@code data} object
 * that form-js takes as the form's data ({@code form.importSchema(body, body.data)}). It holds, under each field's
 * {@code valuesKey}, the options that come from the case (the committee candidates, the case's documents, the partner
 * country's approved methodologies), and the values of the reader's draft, by field key, to start from. An API
 * client needs nothing else to complete the task. Whoever may read the task but not work on it gets the form alone.
 */
@Service
class TaskFormDocument {

    private final TaskLookup lookup;
    private final TaskForms forms;
    private final TaskDrafts drafts;
    private final CaseFileService cases;
    private final ObjectMapper json;

    TaskFormDocument(TaskLookup lookup, TaskForms forms, TaskDrafts drafts, CaseFileService cases, ObjectMapper json) {
        this.lookup = lookup;
        this.forms = forms;
        this.drafts = drafts;
        this.cases = cases;
        this.json = json;
    }

    @Transactional(readOnly = true)
    String form(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        try {
            FormSchema form = forms.formOf(task);
            ObjectNode body = (ObjectNode) json.readTree(form.rawJson());
            ObjectNode data = body.putObject("data");
            if (mayWork(task, user)) {
                for (FormSchema.Field field : form.fields()) {
                    if (field.valuesKey() != null) {
                        ArrayNode options = data.putArray(field.valuesKey());
                        field.options().forEach(option -> options.addObject().put("label", option.label())
                                .put("value", option.value()));
                    }
                }
                drafts.find(taskId, user).ifPresent(draft -> draft.variables()
                        .forEach((key, value) -> data.set(key, json.valueToTree(value))));
            }
            return json.writeValueAsString(body);
        } catch (NullValueException completed) {
            throw TaskLookup.completedMeanwhile();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Form of task " + taskId + " could not be written", e);
        }
    }

    /** Its assignee, or while nobody has claimed it, whoever may claim it. */
    private boolean mayWork(Task task, CurrentUser user) {
        UUID caseId = lookup.caseIdOf(task);
        return cases.find(caseId).map(projectCase -> OpenCaseTasks.holds(user, projectCase, task.getAssignee(),
                lookup.candidateGroups(task.getId()))).orElse(false);
    }
}
