package org.jcmflow.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jcmflow.engine.ProcessContext;

/**
 * Stands in for the stage-gate policy in process tests: the gate applies or not, as the test sets it, and the
 * cases that went on without it are remembered.
 */
public class StageGateFromFiscalYear {

    private boolean applies = true;
    private final List<String> notApplicable = new ArrayList<>();

    public boolean appliesTo(String caseId) {
        return applies;
    }

    public void recordNotApplicable(DelegateExecution execution) {
        notApplicable.add((String) execution.getVariable(ProcessContext.CASE_ID));
    }

    public void applies(boolean applies) {
        this.applies = applies;
    }

    public List<String> notApplicable() {
        return notApplicable;
    }
}
