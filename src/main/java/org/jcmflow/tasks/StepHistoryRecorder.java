package org.jcmflow.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseFileService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every completed task into the case's history, whether it was completed through our API or in
 * Camunda Tasklist: what was done, by whom, when, the decision taken and the values entered.
 */
@Component
class StepHistoryRecorder {

    private final CaseFileService cases;
    private final FormRegistry forms;
    private final ObjectMapper json;

    StepHistoryRecorder(CaseFileService cases, FormRegistry forms, ObjectMapper json) {
        this.cases = cases;
        this.forms = forms;
        this.json = json;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void taskCompleted(DelegateTask task) throws JsonProcessingException {
        Optional<UUID> caseId = ProcessContext.caseOf(task);
        if (caseId.isEmpty()) {
            return;
        }
        Optional<FormSchema> form = Optional.ofNullable(task.getBpmnModelElementInstance())
                .map(UserTask::getCamundaFormRef).flatMap(forms::find);
        Map<String, Object> details = new LinkedHashMap<>();
        form.ifPresent(schema -> schema.fields().forEach(field -> {
            Object value = task.getVariable(field.key());
            if (value != null) {
                details.put(field.key(), value);
            }
        }));
        String outcome = form.map(schema -> schema.decisionFields().stream()
                .map(field -> task.getVariable(field.key()))
                .filter(value -> value != null).map(String::valueOf)
                .collect(Collectors.joining(", "))).filter(text -> !text.isEmpty()).orElse(null);
        cases.recordStep(caseId.get(), task.getTaskDefinitionKey(), task.getName(), ProcessContext.actor(task),
                outcome, json.writeValueAsString(details));
    }
}
