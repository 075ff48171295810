package org.jcmflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jcmflow.problem.InvalidInput.FieldProblem;

/** A rule of the programme that a step's form cannot express, checked before the step is completed. */
public interface CompletionRule {

    /**
     * @param taskKey  the task definition key, as in the BPMN
     * @param values   the submitted values, already checked against the form
     * @param variable reads a variable of the process the task belongs to
     * @return what is wrong, empty when the rule holds
     */
    List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable);
}
