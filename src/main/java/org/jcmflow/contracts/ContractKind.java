package org.jcmflow.contracts;

import java.util.Arrays;
import java.util.Optional;

import org.jcmflow.casefile.Stage;
import org.jcmflow.stagegate.StageGatePolicy;

/**
 * What a contract commissions, and the step of the case that selected it for that: a contract is signed only for
 * work the programme selected (an auditor's first question).
 */
public enum ContractKind {
    FEASIBILITY_STUDY("Task_ScreenProposal", "screeningDecision", "ACCEPT", "Task_SubmitFeasibilityReport"),
    PRE_DEMONSTRATION_SURVEY("Task_ReviewFeasibilityReport", "studyOutcome", "PRE_DEMONSTRATION_SURVEY",
            "Task_SubmitSurveyResults"),
    DEMONSTRATION("Task_ConfirmStageGateDecision", "stageGateDecision", "APPROPRIATE", "Task_SubmitFinalReport"),
    MRV_APPLICATION_SURVEY("Task_ReviewFeasibilityReport", "studyOutcome", "MRV_APPLICATION_SURVEY",
            "Task_SubmitMrvApplicationSurvey");

    private final String selectingStep;
    private final String decisionField;
    private final String selectingDecision;
    private final String reportStep;

    ContractKind(String selectingStep, String decisionField, String selectingDecision, String reportStep) {
        this.selectingStep = selectingStep;
        this.decisionField = decisionField;
        this.selectingDecision = selectingDecision;
        this.reportStep = reportStep;
    }

    /** The step in which the contractor reports the commissioned work: due when the contract ends. */
    String reportStep() {
        return reportStep;
    }

    /** The kind of work the step reports on; empty for a step that reports on no contract's work. */
    static Optional<ContractKind> reportedIn(String taskKey) {
        return Arrays.stream(values()).filter(kind -> kind.reportStep.equals(taskKey)).findFirst();
    }

    /** The step whose decision selects the work; the decision is in its field {@link #decisionField()}. */
    public String selectingStep() {
        return selectingStep;
    }

    public String decisionField() {
        return decisionField;
    }

    public String selectingDecision() {
        return selectingDecision;
    }

    /** The case's stage in which the commissioned work runs: each kind is named as its stage. */
    public Stage stage() {
        return Stage.valueOf(name());
    }

    /**
     * The step that selects without a decision: a demonstration of a case from before the stage gate (FY2014)
     * went ahead on its survey's review, and its history says the gate did not apply. Null: none.
     */
    String selectingWithoutDecision() {
        return this == DEMONSTRATION ? StageGatePolicy.NOT_APPLICABLE_STEP : null;
    }

    /** Studies and surveys on one side of the activity indicator, demonstrations on the other. */
    public boolean isDemonstration() {
        return this == DEMONSTRATION;
    }
}
