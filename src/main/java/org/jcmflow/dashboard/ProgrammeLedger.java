package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.jcmflow.casefile.Stage;
import org.jcmflow.programme.Evaluation;
import org.jcmflow.programme.ProgrammeSettings;
import org.jcmflow.programme.Target;

/**
 * The dashboard's figures in the shape of the programme's ledger (事業原簿): the header from the programme's
 * settings, the programme period and the budget table with fiscal years as columns, the two indicators with the
 * targets in force and the actuals per fiscal year and the targets' revisions, the outcomes of the studies and
 * demonstrations, and the programme's evaluations.
 */
record ProgrammeLedger(ProgrammeSettings.Settings settings, int firstFiscalYear, int lastFiscalYear,
                       List<BudgetColumn> budget, BudgetColumn budgetTotal,
                       boolean anyReturned, List<IndicatorColumn> indicators, Dashboard.Target methodologiesApproved,
                       int activityTarget, Dashboard.Conversion conversion, long demonstrationsRunning,
                       Dashboard.Reductions reductions, List<Target> targetRevisions, List<Evaluation> evaluations) {

    /** One fiscal year of the budget table, or its total (no fiscal year). */
    record BudgetColumn(Integer fiscalYear, BigDecimal budget, BigDecimal returned, BigDecimal net, BigDecimal executed,
                        BigDecimal executionRate) {

        public boolean hasReturns() {
            return returned != null && returned.signum() > 0;
        }
    }

    /**
     * One fiscal year of the indicators: approvals counted up to that year, studies and demonstrations in it, and how
     * many of these the case's stage periods count, the work having no contract.
     */
    record IndicatorColumn(int fiscalYear, int outcomeTarget, long outcomeCumulative, int activityTarget,
                           long activityActual, long activityWithoutContract) {
    }

    /** The activity actuals of all years counted from the cases' stage periods, the work having no contract. */
    public long activityWithoutContract() {
        return indicators.stream().mapToLong(IndicatorColumn::activityWithoutContract).sum();
    }

    /** The ledger's budget columns: the fiscal years, then the total. */
    public List<BudgetColumn> budgetWithTotal() {
        List<BudgetColumn> columns = new ArrayList<>(budget);
        columns.add(budgetTotal);
        return columns;
    }

    /**
     * @param settings        the programme's settings: the header, and the period (never the current year)
     * @param targetRevisions every revision of the indicators' targets, oldest first
     * @param evaluations     the programme's evaluations, the earliest first
     */
    static ProgrammeLedger of(Dashboard dashboard, int activityTarget, ProgrammeSettings.Settings settings,
                              List<Target> targetRevisions, List<Evaluation> evaluations) {
        List<BudgetColumn> budget = dashboard.budget().stream().map(year -> {
            BudgetFigures figures = BudgetFigures.of(year);
            return new BudgetColumn(year.fiscalYear(), year.budgetMillionJpy(), year.returnedMillionJpy(), figures.net(),
                    year.executedMillionJpy(), figures.executionRate());
        }).toList();
        BudgetColumn total = total(budget);

        Dashboard.Indicators indicators = dashboard.indicators();
        int outcomeTarget = indicators.methodologiesApproved().target();
        Map<Integer, Long> approvedIn = new TreeMap<>();
        Map<Integer, Integer> outcomeTargetIn = new TreeMap<>();
        indicators.methodologiesApprovedByFiscalYear().forEach(year -> {
            approvedIn.put(year.fiscalYear(), year.approved());
            outcomeTargetIn.put(year.fiscalYear(), year.target());
        });
        Map<Integer, Long> activityIn = new TreeMap<>();
        Map<Integer, Integer> activityTargetIn = new TreeMap<>();
        Map<Integer, Long> withoutContractIn = new TreeMap<>();
        indicators.studiesAndDemonstrations().forEach(year -> {
            activityIn.put(year.fiscalYear(), year.total());
            withoutContractIn.put(year.fiscalYear(), year.withoutContract());
            activityTargetIn.put(year.fiscalYear(), year.target());
        });
        TreeSet<Integer> years = new TreeSet<>(approvedIn.keySet());
        years.addAll(activityIn.keySet());
        long cumulative = 0;
        List<IndicatorColumn> columns = new ArrayList<>();
        for (int year : years) {
            cumulative += approvedIn.getOrDefault(year, 0L);
            columns.add(new IndicatorColumn(year, outcomeTargetIn.getOrDefault(year, outcomeTarget), cumulative,
                    activityTargetIn.getOrDefault(year, activityTarget), activityIn.getOrDefault(year, 0L),
                    withoutContractIn.getOrDefault(year, 0L)));
        }

        return new ProgrammeLedger(settings, settings.firstFiscalYear(), settings.lastFiscalYear(), budget, total,
                total.hasReturns(), columns, indicators.methodologiesApproved(), activityTarget,
                dashboard.feasibilityStudyConversion(),
                dashboard.pipeline().byStage().getOrDefault(Stage.DEMONSTRATION.name(), 0L), dashboard.reductions(),
                targetRevisions, evaluations);
    }

    private static BudgetColumn total(List<BudgetColumn> years) {
        BigDecimal budget = sum(years, BudgetColumn::budget);
        BigDecimal net = sum(years, BudgetColumn::net);
        BigDecimal executed = sum(years, BudgetColumn::executed);
        BudgetFigures figures = BudgetFigures.of(new Dashboard.BudgetYear(0, budget, budget.subtract(net), executed));
        return new BudgetColumn(null, budget, budget.subtract(net), net, executed, figures.executionRate());
    }

    private static BigDecimal sum(List<BudgetColumn> columns, Function<BudgetColumn, BigDecimal> figure) {
        return columns.stream().map(figure).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
