-- A step's values that no process reads after the step now live in the case's history alone
-- (case_history.details): the completion hands them to the engine as transient variables. The engine refuses a
-- transient value where a process variable of that name exists, so the values that earlier completions left in
-- running processes leave them here, with the byte arrays of those held as such (a checklist's choices). The
-- engine's history keeps what it recorded. The names are the form fields without the processVariable property at
-- this version; a field added later is never written as a process variable unless it has the property. On a new
-- database the engine's tables come after this. Besides engine.EngineTables, the one place that writes the
-- engine's tables: once, before the engine starts.
do $$
begin
    if to_regclass('act_ru_variable') is not null then
        with removed as (
            delete from act_ru_variable where name_ in (
                'achievedReductionTco2', 'annualReductionTco2', 'applicabilityConditions', 'applicableMethodology',
                'businessPlan', 'businessViability', 'commissioningDate', 'committeeMembers', 'completenessNotes',
                'conflictOfInterest', 'conveningNote', 'corrections', 'counterpartMinistry', 'counterpartSignatory',
                'creditingPeriodEnd', 'creditingPeriodStart', 'creditsIssuedTco2', 'creditsRequestedTco2',
                'decisionNotes', 'decisionRationale', 'demonstrationSite', 'disseminationActivities',
                'disseminationPlan', 'emissionCalculation', 'estimatedCostMillionJpy', 'estimatedReductionTco2PerYear',
                'evaluationComments', 'finalReportReference', 'financingPlan', 'focalPoint', 'focalPointEmail',
                'implementationDocumentReference', 'implementationDocumentSignedDate', 'installationCompletedDate',
                'installationStartDate', 'installedEquipment', 'installedTechnology', 'issuanceDate',
                'issuanceDecisionReason', 'japanNotifiedOn', 'japaneseGovernmentSharePercent',
                'japaneseParticipantSharePercent', 'measuredReductionTco2', 'methodologyChoice', 'methodologyReference',
                'methodologyTitle', 'methodologyVersion', 'monitoringFeasibility', 'monitoringPeriodEnd',
                'monitoringPeriodStart', 'monitoringPlan', 'monitoringReportDocument', 'mouReference', 'mrvApproach',
                'negotiationNotes', 'openingCeremonyDate', 'operationNotes', 'partnerGovernmentSharePercent',
                'partnerNotifiedOn', 'partnerParticipant', 'partnerParticipantSharePercent', 'performanceConfirmed',
                'performanceSummary', 'projectDesignDocument', 'registrationDate', 'registrationDecisionReason',
                'registrationNumber', 'registrationRequestSummary', 'reportReference', 'reportedReductionTco2',
                'reportingPeriodEnd', 'reusedMethodology', 'reviewComments', 'revisedBusinessPlan',
                'revisionConditions', 'revisionSummary', 'scoreCommercialisation', 'scoreCostEffectiveness',
                'scoreDisseminationPotential', 'scoreGhgReduction', 'scorePolicyFit', 'scoreTechnicalEffectiveness',
                'screeningComments', 'sectoralScope', 'siteCompany', 'surveyFindings', 'tpeId', 'unitsDeployed',
                'validationFindings', 'validationReportReference', 'verificationFindings', 'verifiedReductionTco2',
                'verifierTpeId'
            ) returning bytearray_id_)
        delete from act_ge_bytearray where id_ in (select bytearray_id_ from removed where bytearray_id_ is not null);
    end if;
end $$;
