package org.jcmflow.casefile;

import java.util.List;
import java.util.Map;

/**
 * The form a step of a case was done with, so that the history shows the values it recorded as the form asked
 * for them: under the form's own labels, in the reader's language and in the form's order. The task forms
 * know the forms; the case file does not.
 */
public interface StepForms {

    /**
     * @param stepKey the step's key in the history (a user task's id in the process)
     * @return the fields of the step's form in the form's order, labelled in the language of the current
     * request; empty for a step done without a form
     */
    List<Field> fields(String stepKey);

    /**
     * @param options  the labels of the field's fixed choices by value, in the reader's language
     * @param offered  whether the choices were offered by the process when the task was open (people to
     *                 convene, the case's documents), so that a value names one of those
     */
    record Field(String key, String label, Map<String, String> options, boolean offered) {
    }
}
