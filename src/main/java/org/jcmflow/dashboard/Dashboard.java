package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jcmflow.casefile.StageTrack;
import org.jcmflow.programme.Forecast;

/** The programme's figures, as GET /api/dashboard returns them. */
record Dashboard(
        Filter filter,
        Pipeline pipeline,
        Indicators indicators,
        Conversion feasibilityStudyConversion,
        Reductions reductions,
        List<BudgetYear> budget,
        long overdueTasks,
        List<TimeInStage> timeInStage,
        PolicyWork policyWork) {

    Dashboard(Filter filter, Pipeline pipeline, Indicators indicators, Conversion feasibilityStudyConversion,
              Reductions reductions, List<BudgetYear> budget, long overdueTasks, List<TimeInStage> timeInStage) {
        this(filter, pipeline, indicators, feasibilityStudyConversion, reductions, budget, overdueTasks, timeInStage,
                new PolicyWork(0, Map.of()));
    }

    /** The same figures with the budget counted again. */
    Dashboard withBudget(List<BudgetYear> counted) {
        return new Dashboard(filter, pipeline, indicators, feasibilityStudyConversion, reductions, counted, overdueTasks,
                timeInStage, policyWork);
    }

    /** The joint policy work with the partner ministries in the fiscal year and country: in all, and per kind. */
    record PolicyWork(long total, Map<String, Long> byKind) {
    }

    record Filter(Integer fiscalYear, String partnerCountry) {
    }

    /** Cases by their main stage, by the stage of their JCM track, and by partner country. */
    record Pipeline(Map<String, Long> byStage, Map<String, Long> byJcmTrackStage, List<CountryCount> byPartnerCountry) {

        Pipeline(Map<String, Long> byStage, List<CountryCount> byPartnerCountry) {
            this(byStage, Map.of(), byPartnerCountry);
        }
    }

    record CountryCount(String partnerCountry, String nameEn, String nameJa, long cases) {
    }

    record Indicators(Target methodologiesApproved, List<ApprovalYear> methodologiesApprovedByFiscalYear,
                      List<ActivityYear> studiesAndDemonstrations) {
    }

    /** Approvals in the fiscal year of the Joint Committee's decision, and all of them up to that year. */
    record ApprovalYear(int fiscalYear, long approved, long cumulative, int target) {
    }

    record Target(long actual, int target) {
    }

    /**
     * The work running in the fiscal year: studies and surveys (feasibility studies, pre-demonstration and MRV
     * application surveys) and demonstrations, each from its contract's period or, where the case has no contract for
     * it, from the case's periods in its stage.
     *
     * @param withoutContract how many of the total are counted from the case's stage periods, having no contract
     */
    record ActivityYear(int fiscalYear, long feasibilityStudies, long demonstrations, long total, int target,
                        long withoutContract) {
    }

    /** Shares are of the studies completed, between 0 and 1. */
    record Conversion(long studiesCompleted, Share toNedoNextStage, Share toJcmProject, Share toAnyNextStage) {
    }

    record Share(long count, BigDecimal share) {
    }

    /**
     * Reductions as reported (final reports, MRV verification, the follow-up of demonstrations) beside the
     * forecasts made at selection, which are never counted as achieved: in total, and per demonstration.
     */
    record Reductions(BigDecimal estimatedTco2PerYearOfDemonstrations, BigDecimal atEndOfDemonstrationsTco2PerYear,
                      BigDecimal verifiedTco2, BigDecimal followUpCumulativeTco2,
                      BigDecimal forecastAtEndOfDemonstrationsTco2PerYear, BigDecimal forecastFiveYearsAfterTco2,
                      List<Forecast> forecastsByCase) {

        Reductions(BigDecimal estimatedTco2PerYearOfDemonstrations, BigDecimal atEndOfDemonstrationsTco2PerYear,
                   BigDecimal verifiedTco2, BigDecimal followUpCumulativeTco2) {
            this(estimatedTco2PerYearOfDemonstrations, atEndOfDemonstrationsTco2PerYear, verifiedTco2,
                    followUpCumulativeTco2, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        }
    }

    /**
     * The budget as entered and what went back to the treasury; executed, carried over and returned by the
     * contractors as the spending recorded under the contracts adds up in the fiscal year.
     */
    record BudgetYear(int fiscalYear, BigDecimal budgetMillionJpy, BigDecimal returnedMillionJpy,
                      BigDecimal executedMillionJpy, BigDecimal carriedOverMillionJpy,
                      BigDecimal returnedByContractorsMillionJpy) {

        BudgetYear(int fiscalYear, BigDecimal budgetMillionJpy, BigDecimal returnedMillionJpy,
                   BigDecimal executedMillionJpy) {
            this(fiscalYear, budgetMillionJpy, returnedMillionJpy, executedMillionJpy, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    /** Periods in a stage of a track: MAIN (the case's stages) or JCM (its JCM track's). */
    record TimeInStage(String track, String stage, long periods, BigDecimal medianDays, BigDecimal p90Days) {

        TimeInStage(String stage, long periods, BigDecimal medianDays, BigDecimal p90Days) {
            this(StageTrack.MAIN.name(), stage, periods, medianDays, p90Days);
        }

        /** The message that names the stage: stage.FOLLOW_UP, jcmTrack.VERIFICATION. */
        public String messageKey() {
            return (StageTrack.JCM.name().equals(track) ? "jcmTrack." : "stage.") + stage;
        }
    }
}
