package org.jcmflow.tasks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jcmflow.casefile.StepForms;
import org.jcmflow.web.PageMessages;

import org.springframework.stereotype.Component;

/**
 * The forms of the processes' user tasks, labelled as the task page labels them, for the case history. Which
 * form a task uses is read from the deployed processes once, when the history first asks: a deployment comes
 * with a start of the application.
 */
@Component
class StepFormLabels implements StepForms {

    private final RepositoryService repository;
    private final FormRegistry forms;
    private final PageMessages messages;
    private final Map<String, String> formOfStep = new ConcurrentHashMap<>();

    StepFormLabels(RepositoryService repository, FormRegistry forms, PageMessages messages) {
        this.repository = repository;
        this.forms = forms;
        this.messages = messages;
    }

    @Override
    public List<Field> fields(String stepKey) {
        String formId = formsOfSteps().get(stepKey);
        if (formId == null) {
            return List.of();
        }
        return forms.find(formId).map(form -> {
            FormLabels labels = new FormLabels(form.id(), messages);
            return form.fields().stream().map(field -> {
                Map<String, String> options = new LinkedHashMap<>();
                field.options().forEach(option -> options.put(option.value(), labels.option(field.key(), option)));
                return new Field(field.key(), labels.label(field), options, field.valuesKey() != null);
            }).toList();
        }).orElse(List.of());
    }

    private Map<String, String> formsOfSteps() {
        if (formOfStep.isEmpty()) {
            Map<String, String> found = new HashMap<>();
            for (ProcessDefinition process : repository.createProcessDefinitionQuery().latestVersion().list()) {
                for (UserTask task : repository.getBpmnModelInstance(process.getId())
                        .getModelElementsByType(UserTask.class)) {
                    if (task.getCamundaFormRef() != null) {
                        found.put(task.getId(), task.getCamundaFormRef());
                    }
                }
            }
            formOfStep.putAll(found);
        }
        return formOfStep;
    }
}
