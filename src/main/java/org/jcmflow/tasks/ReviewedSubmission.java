package org.jcmflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each step that reviews, evaluates or decides rests on: the steps whose latest submission its assignee reads
 * beside the form. A step decides on the proposal itself ({@link #PROPOSAL}), or on what one or more earlier steps
 * of the case recorded, all their fields or only some (the note convening the committee, not whom it convened).
 * A request that the Joint Committee sent back is made again beside the JC's decision and its reasons
 * ({@link SentBack}); a request made for the first time, or after a decision that granted the last one, has none.
 */
enum ReviewedSubmission {

    SCREENING("Task_ScreenProposal", Source.proposal()),
    STUDY_REVIEW("Task_ReviewFeasibilityReport", Source.all("Task_SubmitFeasibilityReport")),
    SURVEY_REVIEW("Task_ReviewSurveyResults", Source.all("Task_SubmitSurveyResults")),
    MRV_SURVEY_REVIEW("Task_ReviewMrvApplicationSurvey", Source.all("Task_SubmitMrvApplicationSurvey")),
    EVALUATION("Task_EvaluateCase", Source.only("Task_ConveneCommittee", "conveningNote"),
            Source.all("Task_SubmitSurveyResults"), Source.only("Task_ConfirmStageGateDecision", "revisionConditions"),
            Source.all("Task_ReviseProposal")),
    STAGE_GATE_DECISION("Task_ConfirmStageGateDecision", Source.all("Task_SubmitSurveyResults"),
            Source.only("Task_ConfirmStageGateDecision", "revisionConditions"), Source.all("Task_ReviseProposal")),
    PROGRESS_REVIEW("Task_ReviewProgressReport", Source.all("Task_SubmitProgressReport")),
    FINAL_REVIEW("Task_ReviewFinalReport", Source.all("Task_SubmitFinalReport")),
    METHODOLOGY_COMPLETENESS("Task_CheckMethodologyCompleteness", Source.all("Task_DraftMethodology"),
            Source.all("Task_ReviseMethodology")),
    METHODOLOGY_DECISION("Task_DecideMethodology", Source.all("Task_DraftMethodology"),
            Source.all("Task_ReviseMethodology")),
    DESIGN_VALIDATION("Task_ValidateProjectDesign", Source.all("Task_SubmitProjectDesign"),
            Source.only("Task_ValidateProjectDesign", "validationFindings"), Source.all("Task_CorrectProjectDesign")),
    REGISTRATION("Task_RegisterProject", Source.all("Task_RequestRegistration"), Source.all("Task_SubmitProjectDesign"),
            Source.only("Task_ValidateProjectDesign", "validationDecision", "validationFindings")),
    VERIFICATION("Task_VerifyMonitoringReport", Source.all("Task_SubmitMonitoringReport")),
    ISSUANCE("Task_IssueCredits", Source.all("Task_RequestIssuance"), Source.all("Task_SubmitMonitoringReport"),
            Source.only("Task_VerifyMonitoringReport", "verificationDecision", "verifiedReductionTco2")),
    DISSEMINATION_REVIEW("Task_ReviewDisseminationReport", Source.all("Task_SubmitDisseminationReport")),
    REGISTRATION_REQUEST("Task_RequestRegistration", new SentBack(JcmDecision.REGISTRATION)),
    ISSUANCE_REQUEST("Task_RequestIssuance", new SentBack(JcmDecision.ISSUANCE));

    /** The step key under which the proposal, submitted when the case was opened, stands in the case's history. */
    static final String PROPOSAL = "Start_CaseCreated";

    /**
     * One step the decision rests on.
     *
     * @param fields the fields to show, every field of its form when empty
     * @param whole  a submission of the proponent's, whose documents and changes since the last round are shown;
     *               otherwise a note that goes with it (the conditions a revision answers)
     */
    record Source(String stepKey, Set<String> fields, boolean whole) {

        static Source all(String stepKey) {
            return new Source(stepKey, Set.of(), true);
        }

        static Source only(String stepKey, String... fields) {
            return new Source(stepKey, Set.of(fields), false);
        }

        static Source proposal() {
            return all(PROPOSAL);
        }

        boolean shows(String field) {
            return fields.isEmpty() || fields.contains(field);
        }
    }

    /** A decision of the Joint Committee on a request, and the value with which it grants the request. */
    enum JcmDecision {
        REGISTRATION("Task_RegisterProject", "registrationDecision", "REGISTERED", "registrationDecisionReason"),
        ISSUANCE("Task_IssueCredits", "issuanceDecision", "ISSUED", "issuanceDecisionReason");

        final String stepKey;
        final String decisionField;
        final String granting;
        final String reasonField;

        JcmDecision(String stepKey, String decisionField, String granting, String reasonField) {
            this.stepKey = stepKey;
            this.decisionField = decisionField;
            this.granting = granting;
            this.reasonField = reasonField;
        }
    }

    /**
     * The Joint Committee's latest decision on the request, with its reasons, shown only when it sent the request
     * back (rejected it, or asked for revisions).
     */
    record SentBack(JcmDecision decision) {

        Source source() {
            return Source.only(decision.stepKey, decision.decisionField, decision.reasonField);
        }

        boolean sentBack(Map<String, Object> recorded) {
            Object decided = recorded.get(decision.decisionField);
            return decided != null && !decision.granting.equals(decided.toString());
        }
    }

    private final String stepKey;
    private final List<Source> sources;
    private final SentBack sentBack;

    ReviewedSubmission(String stepKey, Source... sources) {
        this.stepKey = stepKey;
        this.sources = List.of(sources);
        this.sentBack = null;
    }

    ReviewedSubmission(String stepKey, SentBack sentBack) {
        this.stepKey = stepKey;
        this.sources = List.of(sentBack.source());
        this.sentBack = sentBack;
    }

    List<Source> sources() {
        return sources;
    }

    /** The decision that sent the request back, for a request made again; empty for a review. */
    Optional<SentBack> sentBack() {
        return Optional.ofNullable(sentBack);
    }

    /** The heading of what the step's assignee reads beside the form. */
    String titleCode() {
        return sentBack == null ? "submission.title" : "submission.sentBack.title";
    }

    static Optional<ReviewedSubmission> of(String stepKey) {
        for (ReviewedSubmission reviewed : values()) {
            if (reviewed.stepKey.equals(stepKey)) {
                return Optional.of(reviewed);
            }
        }
        return Optional.empty();
    }
}
