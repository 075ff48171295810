package org.jcmflow.tasks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.PersonNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A task's Camunda Form, with the options that come from the case, as the portal and API clients read it. */
@Service
public class TaskForms {

    /**
     * The {@code valuesKey} of a choice among the documents uploaded on the case. They are read when the form is
     * shown or submitted, not from a process variable, so a report uploaded while the task is open is offered too.
     */
    static final String CASE_DOCUMENTS = "caseDocuments";

    private final TaskService tasks;
    private final CaseFileService cases;
    private final FormRegistry forms;
    private final TaskLookup lookup;
    private final ZoneId zone;
    private final Map<String, FormOptionSource> optionSources;
    private final PersonNames people;

    TaskForms(TaskService tasks, CaseFileService cases, FormRegistry forms, TaskLookup lookup,
              @Value("${jcm.portal.time-zone}") ZoneId zone, List<FormOptionSource> optionSources,
              PersonNames people) {
        this.optionSources = optionSources.stream()
                .collect(Collectors.toMap(FormOptionSource::valuesKey, Function.identity()));
        this.people = people;
        this.tasks = tasks;
        this.cases = cases;
        this.forms = forms;
        this.lookup = lookup;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    FormSchema schema(String taskId, CurrentUser user) {
        Task task = lookup.visibleTask(taskId, user);
        try {
            return formOf(task);
        } catch (NullValueException completed) {
            throw TaskLookup.completedMeanwhile();
        }
    }

    FormSchema formOf(Task task) {
        String formId = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
        return forms.find(formId)
                .orElseThrow(() -> new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no form"))
                .withOptionsFrom(name -> CASE_DOCUMENTS.equals(name) ? documentChoices(lookup.caseIdOf(task))
                        : optionSources.containsKey(name) ? optionSources.get(name).options(lookup.caseIdOf(task))
                        : tasks.getVariable(task.getId(), name));
    }

    /** The case's documents as form-js lists options: the file, who uploaded it and when, by the document's id. */
    private List<Map<String, String>> documentChoices(UUID caseId) {
        return cases.documents(caseId).stream()
                .map(document -> Map.of("value", document.id().toString(), "label", document.fileName() + " ("
                        + people.name(document.uploadedBy()) + ", " + LocalDate.ofInstant(document.uploadedAt(), zone) + ")"))
                .toList();
    }
}
