package org.jcmflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Options of a form's choice that come from the programme's records at the moment the form is shown or submitted
 * (the TPEs designated today), not from a process variable set when the task opened. Camunda Tasklist still reads
 * the variable of the same name, which the process sets when the task opens.
 */
public interface FormOptionSource {

    /** The {@code valuesKey} of the choices this source fills. */
    String valuesKey();

    /** The options for the case, as form-js lists them: {@code label} and {@code value}. */
    List<Map<String, String>> options(UUID caseId);

    /**
     * The label of a value chosen earlier, whether or not it is among today's options (a TPE whose designation has
     * ended since): what a reader of the submission sees instead of the value.
     */
    Optional<String> label(String value);
}
