package org.jcmflow.demodata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jcmflow.casefile.NewCase;

/**
 * One case of the data set: its proposal and every step after it, each on its day, done by the demo user whose
 * role the step's task names, with values its form accepts. Steps follow one another by a number of days, as
 * the programme's people would take them.
 */
final class CasePlan {

    static final String PROGRAMME_MANAGER = "sato";
    /** The committee members of organisations that propose no cases, so they may sit on every committee. */
    static final List<String> COMMITTEE = List.of("kobayashi", "yamamoto", "inoue");
    static final String VERIFIER = "watanabe";
    static final String JOINT_COMMITTEE = "nakamura";
    /** The TPE of the data set, designated for every partner country and sectoral scope; its id at load time. */
    static final String TPE = "Japan Quality Assurance Organization";
    static final String TPE_FIELD = "tpeId";

    /**
     * @param upload a report the actor uploads on the case just before the step, which the step refers to; or null
     */
    record Step(LocalDate day, String taskKey, String actor, Map<String, Object> values, Upload upload) {
    }

    /** A report uploaded for a step: its file name, and the field of the step's form that takes its id. */
    record Upload(String fileName, String field) {
    }

    private final NewCase proposal;
    private final String proponent;
    private final LocalDate opened;
    private final ProgrammeHistory.CallPlan call;
    private Boolean selected;
    private final List<Step> steps = new ArrayList<>();
    private LocalDate day;
    private LocalDate mouSigned;
    private LocalDate commissioned;
    private LocalDate nextMonitoringStart;

    CasePlan(NewCase proposal, String proponent, LocalDate opened, ProgrammeHistory.CallPlan call) {
        this.proposal = proposal;
        this.proponent = proponent;
        this.opened = opened;
        this.call = call;
        this.day = opened;
        call.proposals().add(this);
    }

    /** The call the proposal came in under. */
    ProgrammeHistory.CallPlan call() {
        return call;
    }

    /** Whether the call's selection selected the proposal; null before the selection. */
    Boolean selected() {
        return selected;
    }

    NewCase proposal() {
        return proposal;
    }

    String proponent() {
        return proponent;
    }

    LocalDate opened() {
        return opened;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The day of the last step, or of the proposal. */
    LocalDate lastDay() {
        return day;
    }

    /** The day of the latest step of either track, or of the proposal. */
    LocalDate latestDay() {
        return steps.stream().map(Step::day).max(LocalDate::compareTo).filter(latest -> latest.isAfter(day))
                .orElse(day);
    }

    // Feasibility study

    /**
     * Screened by its call's selection, on the day the programme manager records it: not a step of its own, the
     * selection completes the screening of every proposal of the call.
     */
    CasePlan screen(boolean accept) {
        selected = accept;
        day = call.selectedOn();
        return this;
    }

    CasePlan study(double estimatedReductionTco2PerYear) {
        return step(150, "Task_SubmitFeasibilityReport", proponent,
                "businessViability", "Viable with a payback of about six years at current energy prices.",
                "estimatedReductionTco2PerYear", estimatedReductionTco2PerYear,
                "mrvApproach", "Metered energy use against a baseline of the equipment replaced.",
                "financingPlan", "Own funds and a loan from a development bank for the roll-out.");
    }

    CasePlan review(String studyOutcome) {
        return step(25, "Task_ReviewFeasibilityReport", PROGRAMME_MANAGER, "studyOutcome", studyOutcome,
                "reviewComments", "Study reviewed with the partner ministry; outcome recorded.");
    }

    CasePlan transfer(String transferScheme) {
        return step(25, "Task_ReviewFeasibilityReport", PROGRAMME_MANAGER, "studyOutcome", "TRANSFER",
                "transferScheme", transferScheme, "reviewComments", "Better served by another scheme; handed over.");
    }

    // Pre-demonstration survey

    CasePlan survey(double estimatedReductionTco2PerYear, double estimatedCostMillionJpy, String site) {
        step(150, "Task_SubmitSurveyResults", proponent,
                "surveyFindings", "Site surveyed; the technology fits the local grid and climate.",
                "demonstrationSite", site,
                "businessPlan", "Sales through a local partner after the demonstration.",
                "disseminationPlan", "Ten further sites in five years with the ministry's support.",
                "estimatedReductionTco2PerYear", estimatedReductionTco2PerYear,
                "estimatedCostMillionJpy", estimatedCostMillionJpy);
        return step(14, "Task_ReviewSurveyResults", PROGRAMME_MANAGER, "surveyReviewDecision", "ACCEPTED",
                "reviewComments", "Plans complete; ready for the stage gate.");
    }

    /**
     * The stage gate: the programme manager convenes three members, each scores the case so that the committee
     * recommends the decision, and the programme manager confirms it. This is
     * the one place where the data set passes a stage gate, so that a committee of several members changes
     * only this method.
     */
    CasePlan stageGate(String decision) {
        int score = switch (decision) {
            case "APPROPRIATE" -> 4;
            case "CONDITIONAL" -> 3;
            default -> 2;
        };
        step(14, "Task_ConveneCommittee", PROGRAMME_MANAGER, "committeeMembers", COMMITTEE);
        for (String member : COMMITTEE) {
            step(member.equals(COMMITTEE.get(0)) ? 21 : 1, "Task_EvaluateCase", member, "conflictOfInterest", false,
                    "scoreTechnicalEffectiveness", score, "scoreGhgReduction", score,
                    "scoreDisseminationPotential", score, "scoreCostEffectiveness", score, "scorePolicyFit", score,
                    "scoreCommercialisation", score,
                    "evaluationComments", "Evaluated against the programme's criteria.");
        }
        Map<String, Object> confirmation = new HashMap<>(Map.of("stageGateDecision", decision,
                "decisionRationale", "Confirmed as the committee recommends."));
        if (decision.equals("CONDITIONAL")) {
            confirmation.put("revisionConditions", "Show the dissemination plan's financing.");
        }
        return step(7, "Task_ConfirmStageGateDecision", PROGRAMME_MANAGER, confirmation);
    }

    CasePlan reviseForStageGate() {
        return step(30, "Task_ReviseProposal", proponent, "revisionSummary", "Financing of the roll-out added.",
                "revisedBusinessPlan", "A leasing partner finances the further sites.");
    }

    // MOU

    CasePlan mouSigned(String ministry, String reference) {
        step(45, "Task_NegotiateMou", PROGRAMME_MANAGER, "counterpartMinistry", ministry,
                "negotiationStatus", "AGREED", "negotiationNotes", "Dissemination after the demonstration agreed.");
        step(30, "Task_RecordMouSignature", PROGRAMME_MANAGER, "mouSignedDate", day.plusDays(30).toString(),
                "counterpartSignatory", "Vice Minister", "mouReference", reference);
        mouSigned = day;
        return step(30, "Task_SubmitImplementationDocument", proponent, "siteCompany", proposal.title(),
                "implementationDocumentSignedDate", day.plusDays(30).toString());
    }

    CasePlan mouAbandoned(String ministry) {
        return step(45, "Task_NegotiateMou", PROGRAMME_MANAGER, "counterpartMinistry", ministry,
                "negotiationStatus", "ABANDONED", "negotiationNotes", "The ministry withdrew its support for the site.");
    }

    // Demonstration

    CasePlan install() {
        return step(150, "Task_InstallTechnology", proponent, "installationStartDate", mouSigned.plusDays(90).toString(),
                "installationCompletedDate", day.plusDays(150).toString(),
                "installedEquipment", "Equipment as in the implementation document.");
    }

    CasePlan commission() {
        step(30, "Task_CommissionTechnology", proponent, "commissioningDate", day.plusDays(30).toString(),
                "openingCeremonyDate", day.plusDays(30).toString(), "performanceConfirmed", true);
        commissioned = day;
        return this;
    }

    /**
     * The JCM track's steps beside the demonstration, from the given number of days after the technology went into
     * operation (which its monitoring starts from); the demonstration's own steps keep their days.
     */
    CasePlan alongsideOperation(int daysAfterCommissioning, Consumer<CasePlan> jcmTrack) {
        LocalDate demonstrationDay = day;
        day = commissioned.plusDays(daysAfterCommissioning);
        jcmTrack.accept(this);
        day = demonstrationDay;
        return this;
    }

    CasePlan progressReport(double measuredReductionTco2) {
        step(180, "Task_SubmitProgressReport", proponent, "reportingPeriodEnd", day.plusDays(170).toString(),
                "measuredReductionTco2", measuredReductionTco2, "operationNotes", "Operating as planned.");
        return step(14, "Task_ReviewProgressReport", PROGRAMME_MANAGER, "progressDecision", "CONTINUE_OPERATION",
                "reviewComments", "Measurements in line with the plan.");
    }

    // MRV application survey and MRV

    CasePlan mrvApplicationSurvey(String decision, double estimatedReductionTco2PerYear) {
        step(120, "Task_SubmitMrvApplicationSurvey", proponent,
                "installedTechnology", "Installed and operating since the study.",
                "applicableMethodology", "A new methodology for this technology is needed.",
                "estimatedReductionTco2PerYear", estimatedReductionTco2PerYear,
                "monitoringFeasibility", "Meters in place; data logged monthly.");
        return step(14, "Task_ReviewMrvApplicationSurvey", PROGRAMME_MANAGER, "mrvApplicationDecision", decision,
                "reviewComments", "Survey reviewed.");
    }

    CasePlan methodology(String title, String decision, String reference) {
        return draftMethodology(title).checkCompleteness().decideMethodology(decision, reference);
    }

    /** Proposed, found incomplete by the JC secretariat, and back with the proponent to complete. */
    CasePlan incompleteMethodology(String title) {
        draftMethodology(title);
        return step(7, "Task_CheckMethodologyCompleteness", JOINT_COMMITTEE, "completenessOutcome", "INCOMPLETE",
                "completenessNotes", "The monitoring plan's section is empty.");
    }

    CasePlan draftMethodology(String title) {
        return step(60, "Task_DraftMethodology", proponent, "methodologyTitle", title,
                "applicabilityConditions", "Replacement of existing equipment at one site.",
                "emissionCalculation", "Energy saved times the grid emission factor.",
                "monitoringPlan", "Monthly meter readings, verified yearly.");
    }

    /** The JC secretariat finds the proposal complete: public inputs for the country's period follow. */
    private CasePlan checkCompleteness() {
        return step(7, "Task_CheckMethodologyCompleteness", JOINT_COMMITTEE, "completenessOutcome", "COMPLETE",
                "completenessNotes", "All sections of the proposed methodology form are filled in.");
    }

    /** Decided after the public inputs have closed, within the JC's consideration period. */
    private CasePlan decideMethodology(String decision, String reference) {
        Map<String, Object> values = new HashMap<>(Map.of("methodologyDecision", decision,
                "decisionNotes", "Decided by the Joint Committee."));
        if (!decision.equals("REJECTED")) {
            values.put("methodologyReference", reference);
            values.put("methodologyVersion", "Ver01.0");
        }
        step(53, "Task_DecideMethodology", JOINT_COMMITTEE, values);
        if (decision.equals("APPROVED_WITH_REVISIONS")) {
            step(30, "Task_ReviseMethodology", proponent, "revisionSummary", "Default values revised as requested.");
        }
        return this;
    }

    /**
     * The PDD with its MoC statement, published for public inputs (30 days), then validated by the designated TPE.
     */
    CasePlan validation(boolean correctionsFirst) {
        step(20, "Task_SubmitProjectDesign", proponent, "sectoralScope", "3", TPE_FIELD, TPE,
                "focalPoint", "The Japanese project participant", "focalPointEmail", "jcm-focal-point@example.org",
                "japaneseGovernmentSharePercent", 10, "partnerGovernmentSharePercent", 10,
                "japaneseParticipantSharePercent", 50, "partnerParticipant", "The partner-country participant",
                "partnerParticipantSharePercent", 30);
        withUpload(new Upload("project-design-document.pdf", "projectDesignDocument"));
        if (correctionsFirst) {
            step(40, "Task_ValidateProjectDesign", VERIFIER, "validationDecision", "CORRECTIONS_REQUIRED",
                    "validationFindings", "Baseline data for one year missing.");
            step(30, "Task_CorrectProjectDesign", proponent, "corrections", "Baseline year added.");
        }
        return step(correctionsFirst ? 30 : 40, "Task_ValidateProjectDesign", VERIFIER,
                "validationDecision", "VALIDATED", "validationFindings", "Project design conforms to the methodology.");
    }

    CasePlan register(String registrationNumber, int monitoringPeriods) {
        step(10, "Task_RequestRegistration", proponent, "registrationRequestSummary",
                "Validated by the TPE; registration requested with the validation report.");
        step(20, "Task_RegisterProject", JOINT_COMMITTEE, "registrationDecision", "REGISTERED",
                "registrationNumber", registrationNumber,
                "registrationDate", day.plusDays(20).toString(), "creditingPeriodStart", day.plusDays(20).toString(),
                "creditingPeriodEnd", day.plusDays(20).plusYears(10).toString(), "monitoringPeriods", monitoringPeriods);
        nextMonitoringStart = day;
        return this;
    }

    /** Registration requested and rejected by the JC with its reasons: the project participants revise it. */
    CasePlan registrationRejected(String reasons) {
        step(10, "Task_RequestRegistration", proponent, "registrationRequestSummary",
                "Validated by the TPE; registration requested with the validation report.");
        return step(20, "Task_RegisterProject", JOINT_COMMITTEE, "registrationDecision", "REJECTED",
                "registrationDecisionReason", reasons);
    }

    CasePlan monitoringPeriod(double reportedTco2, double verifiedTco2) {
        LocalDate periodEnd = day.plusDays(290);
        step(300, "Task_SubmitMonitoringReport", proponent, "monitoringPeriodStart", nextMonitoringStart.toString(),
                "monitoringPeriodEnd", periodEnd.toString(), "reportedReductionTco2", reportedTco2);
        withUpload(new Upload("monitoring-report-" + periodEnd + ".pdf", "monitoringReportDocument"));
        nextMonitoringStart = day.minusDays(9);
        step(30, "Task_VerifyMonitoringReport", VERIFIER, "verifierTpeId", TPE, "verificationDecision", "VERIFIED",
                "verifiedReductionTco2", verifiedTco2, "verificationFindings", "Monitoring report verified on site.");
        step(5, "Task_RequestIssuance", proponent, "creditsRequestedTco2", verifiedTco2);
        step(15, "Task_IssueCredits", JOINT_COMMITTEE, "issuanceDecision", "ISSUED", "creditsIssuedTco2", verifiedTco2,
                "issuanceDate", day.plusDays(20).toString());
        return step(0, "Task_NotifyGovernments", JOINT_COMMITTEE, "japanNotifiedOn", day.toString(),
                "partnerNotifiedOn", day.toString());
    }

    // Follow-up

    CasePlan disseminationYear(long unitsDeployed, double achievedReductionTco2) {
        step(365, "Task_SubmitDisseminationReport", proponent,
                "disseminationActivities", "Seminars with the ministry; sales through the local partner.",
                "unitsDeployed", unitsDeployed, "achievedReductionTco2", achievedReductionTco2);
        return step(14, "Task_ReviewDisseminationReport", PROGRAMME_MANAGER, "disseminationReviewDecision", "ACCEPTED",
                "reviewComments", "Report accepted.");
    }

    private CasePlan step(int daysLater, String taskKey, String actor, Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return step(daysLater, taskKey, actor, values);
    }

    private CasePlan step(int daysLater, String taskKey, String actor, Map<String, Object> values) {
        day = day.plusDays(daysLater);
        steps.add(new Step(day, taskKey, actor, Map.copyOf(values), null));
        return this;
    }

    /** The last step refers to a report uploaded just before it. */
    private void withUpload(Upload upload) {
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.day(), last.taskKey(), last.actor(), last.values(), upload));
    }
}
