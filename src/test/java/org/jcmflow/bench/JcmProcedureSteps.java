package org.jcmflow.bench;

import java.util.Map;
import java.util.function.Consumer;

import org.jcmflow.testsupport.ValidSubmissions;

/**
 * What the main path's steps of the Joint Committee's procedure need from the application under measurement: the
 * TPE the run designated, which the PDD and verification steps name, a registration number per case, and the
 * periods of public inputs running out after the steps that open them (their timers fired, as at the periods'
 * end).
 *
 * @param tpeId              the TPE designated for the cases' partner country
 * @param publicInputsRunOut fires the case's timer at the end of its open period of public inputs
 */
record JcmProcedureSteps(String tpeId, Consumer<String> publicInputsRunOut) {

    /** The step's values with the run's TPE where its form names one, and a registration number of the case's. */
    Map<String, Object> forCase(String caseId, String taskKey, Map<String, Object> values) {
        ValidSubmissions.tpeField(taskKey).ifPresent(field -> values.put(field, tpeId));
        if (taskKey.equals("Task_RegisterProject")) {
            // registration numbers are unique
            values.put("registrationNumber", "JCM-" + caseId);
        }
        return values;
    }

    /** After a step that opens a period of public inputs, the period runs out. */
    void after(MainPath.Step step, String caseId) {
        if (step.opensPublicInputs()) {
            publicInputsRunOut.accept(caseId);
        }
    }
}
