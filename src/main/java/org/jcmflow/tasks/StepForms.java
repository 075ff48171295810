package org.jcmflow.tasks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.stereotype.Component;

/**
 * The form of each step of the processes, by the step's id, as the deployed models name it: what a step recorded
 * is read under the labels and options of the form it was entered in.
 */
@Component
class StepForms {

    private final RepositoryService repository;
    private final FormRegistry forms;
    private volatile Map<String, String> formIds;

    StepForms(RepositoryService repository, FormRegistry forms) {
        this.repository = repository;
        this.forms = forms;
    }

    Optional<FormSchema> of(String stepKey) {
        return Optional.ofNullable(formIds().get(stepKey)).flatMap(forms::find);
    }

    /** Read from the latest models once: a step keeps its form across versions of its process. */
    private Map<String, String> formIds() {
        Map<String, String> known = formIds;
        if (known == null) {
            known = new HashMap<>();
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
                for (UserTask step : repository.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class)) {
                    if (step.getCamundaFormRef() != null) {
                        known.put(step.getId(), step.getCamundaFormRef());
                    }
                }
            }
            formIds = Map.copyOf(known);
        }
        return known;
    }
}
