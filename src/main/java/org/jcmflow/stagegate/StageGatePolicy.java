package org.jcmflow.stagegate;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.ProjectCase;
import org.springframework.stereotype.Component;

/**
 * Which cases pass the stage gate: those of a fiscal year from {@code jcm.stage-gate.from-fiscal-year} (FY2014)
 * on. The lifecycle's gateway asks, {@code ${stageGatePolicy.appliesTo(caseId)}}, and a case that goes ahead
 * without the gate has that written into its history.
 */
@Component("stageGatePolicy")
public class StageGatePolicy {

    /** The step in a case's history that says it went to its MOU without the stage gate. */
    public static final String NOT_APPLICABLE_STEP = "Gateway_StageGateApplies";

    private final CaseFileService cases;
    private final StageGateProperties properties;

    StageGatePolicy(CaseFileService cases, StageGateProperties properties) {
        this.cases = cases;
        this.properties = properties;
    }

    public boolean appliesTo(String caseId) {
        return appliesTo(projectCase(caseId).fiscalYear());
    }

    boolean appliesTo(int fiscalYear) {
        return fiscalYear >= properties.fromFiscalYear();
    }

    /** The case goes on to the MOU without a stage gate: its history says why. */
    public void recordNotApplicable(DelegateExecution execution) {
        ProjectCase projectCase = projectCase(ProcessContext.caseId(execution).toString());
        cases.recordStep(projectCase.id(), NOT_APPLICABLE_STEP, "Stage gate not applicable", null, "NOT_APPLICABLE",
                "{\"fiscalYear\": " + projectCase.fiscalYear() + ", \"stageGateFromFiscalYear\": "
                        + properties.fromFiscalYear() + "}");
    }

    private ProjectCase projectCase(String caseId) {
        return cases.find(UUID.fromString(caseId))
                .orElseThrow(() -> new IllegalStateException("Lifecycle runs for unknown case " + caseId));
    }
}
