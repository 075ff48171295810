package org.jcmflow.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.testsupport.DemoUser;
import org.jcmflow.testsupport.ValidSubmissions;

/**
 * The lifecycle's main path from the proposal to COMPLETED, as B1 and B2 both drive it: every stage, one monitoring
 * period, five years of follow-up. Each step is a task, the user who does it and the values of its form.
 */
final class MainPath {

    static final String PROPONENT_PLACEHOLDER = "<proponent>";

    /** Steps that open a period of public inputs of the Joint Committee's procedure, closed by a timer. */
    private static final java.util.Set<String> OPENING_PUBLIC_INPUTS = java.util.Set.of(
            "Task_CheckMethodologyCompleteness", "Task_SubmitProjectDesign");

    record Step(String taskKey, String actor, Map<String, Object> values) {

        /** Whether the period of public inputs the step opens must run out before the next step. */
        boolean opensPublicInputs() {
            return OPENING_PUBLIC_INPUTS.contains(taskKey);
        }

        /** The user who does the step on a case of the given proponent. */
        String actorFor(String proponent) {
            return actor.equals(PROPONENT_PLACEHOLDER) ? proponent : actor;
        }
    }

    static final List<Step> STEPS = build();

    private MainPath() {
    }

    private static List<Step> build() {
        List<Step> steps = new ArrayList<>();
        String proponent = PROPONENT_PLACEHOLDER;
        String manager = DemoUser.PROGRAM_MANAGER;
        add(steps, "Task_ScreenProposal", manager);
        add(steps, "Task_SubmitFeasibilityReport", proponent);
        add(steps, "Task_ReviewFeasibilityReport", manager);
        add(steps, "Task_SubmitSurveyResults", proponent);
        add(steps, "Task_ReviewSurveyResults", manager);
        add(steps, "Task_ConveneCommittee", manager);
        for (String member : DemoUser.INDEPENDENT_COMMITTEE) {
            add(steps, "Task_EvaluateCase", member);
        }
        add(steps, "Task_ConfirmStageGateDecision", manager);
        add(steps, "Task_NegotiateMou", manager);
        add(steps, "Task_RecordMouSignature", manager);
        add(steps, "Task_SubmitImplementationDocument", proponent);
        add(steps, "Task_InstallTechnology", proponent);
        add(steps, "Task_CommissionTechnology", proponent);
        add(steps, "Task_SubmitProgressReport", proponent);
        add(steps, "Task_ReviewProgressReport", manager);
        add(steps, "Task_SubmitFinalReport", proponent);
        add(steps, "Task_ReviewFinalReport", manager);
        add(steps, "Task_DraftMethodology", proponent);
        add(steps, "Task_CheckMethodologyCompleteness", DemoUser.JOINT_COMMITTEE);
        add(steps, "Task_DecideMethodology", DemoUser.JOINT_COMMITTEE);
        add(steps, "Task_SubmitProjectDesign", proponent);
        add(steps, "Task_ValidateProjectDesign", DemoUser.VERIFIER);
        add(steps, "Task_RequestRegistration", proponent);
        add(steps, "Task_RegisterProject", DemoUser.JOINT_COMMITTEE);
        add(steps, "Task_SubmitMonitoringReport", proponent);
        add(steps, "Task_VerifyMonitoringReport", DemoUser.VERIFIER);
        add(steps, "Task_RequestIssuance", proponent);
        add(steps, "Task_IssueCredits", DemoUser.JOINT_COMMITTEE);
        add(steps, "Task_NotifyGovernments", DemoUser.JOINT_COMMITTEE);
        for (int year = 1; year <= 5; year++) {
            add(steps, "Task_SubmitDisseminationReport", proponent);
            add(steps, "Task_ReviewDisseminationReport", manager);
        }
        return List.copyOf(steps);
    }

    private static void add(List<Step> steps, String taskKey, String actor) {
        steps.add(new Step(taskKey, actor, Map.copyOf(new HashMap<>(ValidSubmissions.of(taskKey)))));
    }
}
