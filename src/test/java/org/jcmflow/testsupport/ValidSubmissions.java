package org.jcmflow.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** For every user task, a set of form values that passes its form (decisions at their most common value). */
public final class ValidSubmissions {

    private static final String TEXT = "Checked on site with the partner ministry.";

    private static final Map<String, Map<String, Object>> BY_TASK = Map.ofEntries(
            Map.entry("Task_ScreenProposal", Map.of("screeningDecision", "ACCEPT", "screeningComments", TEXT)),
            Map.entry("Task_SubmitFeasibilityReport", Map.of("businessViability", TEXT,
                    "estimatedReductionTco2PerYear", 1300.5, "mrvApproach", TEXT, "financingPlan", TEXT)),
            Map.entry("Task_ReviewFeasibilityReport", Map.of("studyOutcome", "PRE_DEMONSTRATION_SURVEY",
                    "reviewComments", TEXT)),
            Map.entry("Task_SubmitSurveyResults", Map.of("surveyFindings", TEXT, "demonstrationSite", "Cho Ray Hospital",
                    "businessPlan", TEXT, "disseminationPlan", TEXT, "estimatedReductionTco2PerYear", 1200,
                    "estimatedCostMillionJpy", 450.5)),
            Map.entry("Task_ReviewSurveyResults", Map.of("surveyReviewDecision", "ACCEPTED", "reviewComments", TEXT)),
            Map.entry("Task_ConveneCommittee", Map.of("committeeMembers", DemoUser.INDEPENDENT_COMMITTEE)),
            Map.entry("Task_EvaluateCase", Map.of("conflictOfInterest", false, "scoreTechnicalEffectiveness", 4,
                    "scoreGhgReduction", 4, "scoreDisseminationPotential", 5, "scoreCostEffectiveness", 3,
                    "scorePolicyFit", 4, "scoreCommercialisation", 4, "evaluationComments", TEXT)),
            Map.entry("Task_ConfirmStageGateDecision", Map.of("stageGateDecision", "APPROPRIATE",
                    "decisionRationale", TEXT)),
            Map.entry("Task_ReviseProposal", Map.of("revisionSummary", TEXT, "revisedBusinessPlan", TEXT)),
            Map.entry("Task_NegotiateMou", Map.of("counterpartMinistry", "Ministry of Natural Resources and Environment",
                    "negotiationStatus", "AGREED", "negotiationNotes", TEXT)),
            Map.entry("Task_RecordMouSignature", Map.of("mouSignedDate", "2016-10-03",
                    "counterpartSignatory", "Vice Minister", "mouReference", "MOU-VN-2016-04")),
            Map.entry("Task_SubmitImplementationDocument", Map.of("siteCompany", "Cho Ray Hospital",
                    "implementationDocumentSignedDate", "2016-11-20")),
            Map.entry("Task_InstallTechnology", Map.of("installationStartDate", "2017-01-10",
                    "installationCompletedDate", "2017-03-31", "installedEquipment", TEXT)),
            Map.entry("Task_CommissionTechnology", Map.of("commissioningDate", "2017-04-15",
                    "openingCeremonyDate", "2017-04-20", "performanceConfirmed", true)),
            Map.entry("Task_SubmitProgressReport", Map.of("reportingPeriodEnd", "2017-09-30",
                    "measuredReductionTco2", 610.2, "operationNotes", TEXT)),
            Map.entry("Task_ReviewProgressReport", Map.of("progressDecision", "READY_FOR_FINAL_REPORT",
                    "reviewComments", TEXT)),
            Map.entry("Task_SubmitFinalReport", Map.of("annualReductionTco2", 1232.0, "performanceSummary", TEXT)),
            Map.entry("Task_ReviewFinalReport", Map.of("finalReportDecision", "ACCEPTED", "reviewComments", TEXT)),
            Map.entry("Task_DraftMethodology", Map.of("methodologyTitle", "Energy saving by inverter air-conditioning",
                    "applicabilityConditions", TEXT, "emissionCalculation", TEXT, "monitoringPlan", TEXT)),
            Map.entry("Task_CheckMethodologyCompleteness", Map.of("completenessOutcome", "COMPLETE",
                    "completenessNotes", TEXT)),
            Map.entry("Task_DecideMethodology", Map.of("methodologyDecision", "APPROVED",
                    "methodologyReference", "VN_AM007", "methodologyVersion", "Ver01.0", "decisionNotes", TEXT)),
            Map.entry("Task_ReviseMethodology", Map.of("revisionSummary", TEXT)),
            Map.entry("Task_SubmitProjectDesign", Map.ofEntries(Map.entry("sectoralScope", "3"),
                    Map.entry("tpeId", "1"), Map.entry("focalPoint", "Nihon Ecotech Co., Ltd."),
                    Map.entry("focalPointEmail", "jcm@nihon-ecotech.example"),
                    Map.entry("japaneseGovernmentSharePercent", 10), Map.entry("partnerGovernmentSharePercent", 10),
                    Map.entry("japaneseParticipantSharePercent", 60), Map.entry("partnerParticipant", "Saigon Cooling"),
                    Map.entry("partnerParticipantSharePercent", 20))),
            Map.entry("Task_ValidateProjectDesign", Map.of("validationDecision", "VALIDATED", "validationFindings", TEXT)),
            Map.entry("Task_CorrectProjectDesign", Map.of("corrections", TEXT)),
            Map.entry("Task_RequestRegistration", Map.of("registrationRequestSummary", TEXT)),
            Map.entry("Task_RegisterProject", Map.of("registrationDecision", "REGISTERED", "registrationNumber", "VN004", "registrationDate", "2018-02-01",
                    "creditingPeriodStart", "2017-04-15", "creditingPeriodEnd", "2030-12-31", "monitoringPeriods", 1)),
            Map.entry("Task_SubmitMonitoringReport", Map.of("monitoringPeriodStart", "2017-04-15",
                    "monitoringPeriodEnd", "2018-03-31", "reportedReductionTco2", 1190.4)),
            Map.entry("Task_VerifyMonitoringReport", Map.of("verifierTpeId", "1", "verificationDecision", "VERIFIED",
                    "verifiedReductionTco2", 1180.0, "verificationFindings", TEXT)),
            Map.entry("Task_RequestIssuance", Map.of("creditsRequestedTco2", 1180.0)),
            Map.entry("Task_IssueCredits", Map.of("issuanceDecision", "ISSUED", "creditsIssuedTco2", 1180.0,
                    "issuanceDate", "2018-06-15")),
            Map.entry("Task_NotifyGovernments", Map.of("japanNotifiedOn", "2018-06-18",
                    "partnerNotifiedOn", "2018-06-18")),
            Map.entry("Task_SubmitMrvApplicationSurvey", Map.of("installedTechnology", TEXT,
                    "applicableMethodology", TEXT, "estimatedReductionTco2PerYear", 800, "monitoringFeasibility", TEXT)),
            Map.entry("Task_ReviewMrvApplicationSurvey", Map.of("mrvApplicationDecision", "PROCEED_TO_MRV",
                    "reviewComments", TEXT)),
            Map.entry("Task_SubmitDisseminationReport", Map.of("disseminationActivities", TEXT, "unitsDeployed", 12,
                    "achievedReductionTco2", 2400.5)),
            Map.entry("Task_ReviewDisseminationReport", Map.of("disseminationReviewDecision", "ACCEPTED",
                    "reviewComments", TEXT)));

    /** Tasks whose form takes one of the case's documents, by the field that takes its id. */
    private static final Map<String, String> DOCUMENT_FIELDS = Map.of(
            "Task_SubmitMonitoringReport", "monitoringReportDocument",
            "Task_SubmitProjectDesign", "projectDesignDocument");

    /** Tasks whose form names a third-party entity designated for the case's partner country, by that field. */
    private static final Map<String, String> TPE_FIELDS = Map.of(
            "Task_SubmitProjectDesign", "tpeId",
            "Task_VerifyMonitoringReport", "verifierTpeId");

    /** A report to upload on a case before a step that refers to it. */
    public static final byte[] REPORT_PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private ValidSubmissions() {
    }

    /** The field of the task's form that takes the id of a document uploaded on the case, if it has one. */
    public static Optional<String> documentField(String taskKey) {
        return Optional.ofNullable(DOCUMENT_FIELDS.get(taskKey));
    }

    /** The field of the task's form that names a designated TPE, if it has one. */
    public static Optional<String> tpeField(String taskKey) {
        return Optional.ofNullable(TPE_FIELDS.get(taskKey));
    }

    public static Map<String, Object> of(String taskKey) {
        Map<String, Object> values = BY_TASK.get(taskKey);
        if (values == null) {
            throw new IllegalArgumentException("No valid submission known for " + taskKey);
        }
        return values;
    }
}
