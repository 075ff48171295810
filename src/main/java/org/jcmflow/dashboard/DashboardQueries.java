package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.casefile.Stage;
import org.jcmflow.casefile.StageTrack;
import org.jcmflow.contracts.ContractKind;
import org.jcmflow.programme.Forecast;
import org.jcmflow.programme.Forecasts;
import org.jcmflow.programme.Targets;
import org.jcmflow.engine.EngineTables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure of the dashboard as one SQL aggregate over the case tables, the case history, the MRV register and the engine's
 * task table: nothing loads cases into memory, so the figures stay quick with many cases.
 */
@Repository
class DashboardQueries {

    /** The overdue tasks listed on the dashboard; the figure counts them all. */

    /** The case filter every query shares; a null parameter does not filter. Spaces around it on purpose. */
    private static final String CASES = " project_case c where (cast(:fiscalYear as integer) is null"
            + " or c.fiscal_year = :fiscalYear) and (cast(:country as varchar) is null or c.partner_country = :country) ";

    private static final List<String> NEDO_NEXT_STAGES = List.of("PRE_DEMONSTRATION_SURVEY", "MRV_APPLICATION_SURVEY",
            "CONTINUE_STUDY");

    /**
     * The studies, surveys and demonstrations running in each fiscal year, each in every year it runs, not only in
     * its proposal's. Where the case has a contract for the work, each contract counts in every fiscal year of its
     * period as it stands after its changes: the record an auditor checks. Where it has none (work recorded before
     * contracts were, or whose contract is still to be entered), the work counts once in each fiscal year of the
     * case's own periods in the stage of that work (the kinds are named as the stages), a study's from its accepted
     * screening, since its stage begins with the proposal; how many are counted so is shown beside the figure.
     * Filtered by the years counted and the cases' country.
     */
    private static final String ACTIVITY_SQL = """
            with contracted as (
                select k.case_id, k.kind, y.fiscal_year, true as with_contract
                from commissioning_contract k
                cross join lateral generate_series(
                    extract(year from k.starts_on - interval '3 months')::int,
                    extract(year from coalesce((select ch.ends_on from contract_change ch
                                                where ch.contract_id = k.id and ch.ends_on is not null
                                                order by ch.changed_on desc, ch.id desc limit 1), k.ends_on)
                            - interval '3 months')::int) as y(fiscal_year)),
            recorded as (
                select distinct s.case_id, s.stage as kind, y.fiscal_year, false as with_contract
                from case_stage_period s
                left join lateral (select min(h.occurred_at) as at from case_history h
                                   where h.case_id = s.case_id and h.step_key = :screening
                                     and h.details ->> :screeningField = :screenedIn) screened
                       on s.stage = :study
                cross join lateral generate_series(
                    extract(year from (greatest(s.entered_at, screened.at) at time zone :zone)
                            - interval '3 months')::int,
                    extract(year from (coalesce(s.left_at, :now) at time zone :zone) - interval '3 months')::int)
                    as y(fiscal_year)
                where s.track = 'MAIN' and s.stage in (:stages)
                 and (s.stage <> :study or screened.at < coalesce(s.left_at, :now))
                 and not exists (select 1 from commissioning_contract k
                                 where k.case_id = s.case_id and k.kind = s.stage))
            select w.fiscal_year, count(*) filter (where w.kind <> 'DEMONSTRATION'),
                   count(*) filter (where w.kind = 'DEMONSTRATION'), count(*) filter (where not w.with_contract)
            from (select * from contracted union all select * from recorded) w
            join project_case c on c.id = w.case_id
            where (cast(:fiscalYear as integer) is null or w.fiscal_year = :fiscalYear)
             and (cast(:country as varchar) is null or c.partner_country = :country)
            group by w.fiscal_year order by w.fiscal_year""";

    private final JdbcClient jdbc;
    private final EngineTables engineTables;
    private final Clock clock;
    private final DashboardProperties targets;
    /** The targets as revised; the configured ones until a revision is recorded. */
    private final Targets programmeTargets;
    /** The programme office's time zone, in which a moment falls in its fiscal year. */
    private final ZoneId zone;

    DashboardQueries(JdbcClient jdbc, EngineTables engineTables, Clock clock, DashboardProperties targets,
                     Targets programmeTargets, @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.programmeTargets = programmeTargets;
        this.zone = zone;
        this.jdbc = jdbc;
        this.engineTables = engineTables;
        this.clock = clock;
        this.targets = targets;
    }

    @Transactional(readOnly = true)
    Dashboard dashboard(Integer fiscalYear, String country) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("fiscalYear", fiscalYear);
        filter.put("country", country);
        CaseFigures figures = caseFigures(filter);
        return new Dashboard(new Dashboard.Filter(fiscalYear, country), pipeline(filter), indicators(filter),
                figures.conversion(), reductions(filter, figures), budget(filter), overdueTasks(filter),
                timeInStage(filter), policyWork(filter));
    }

    /** The budget's figures alone: what a budget entry changes. */
    @Transactional(readOnly = true)
    List<Dashboard.BudgetYear> budget(Integer fiscalYear, String country) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("fiscalYear", fiscalYear);
        filter.put("country", country);
        return budget(filter);
    }

    /** Counted in the fiscal year it was held, in its partner country. */
    private Dashboard.PolicyWork policyWork(Map<String, Object> filter) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        jdbc.sql("""
                        select w.kind, count(*) from policy_work w
                        where (cast(:fiscalYear as integer) is null
                               or extract(year from w.held_on - interval '3 months')::int = :fiscalYear)
                         and (cast(:country as varchar) is null or w.partner_country = :country)
                        group by w.kind order by w.kind""")
                .params(filter)
                .query(rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                });
        return new Dashboard.PolicyWork(byKind.values().stream().mapToLong(Long::longValue).sum(), byKind);
    }

    /** The cases by stage, by the stage of their JCM track and by partner country, in one reading of the cases. */
    private Dashboard.Pipeline pipeline(Map<String, Object> filter) {
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            byStage.put(stage.name(), 0L);
        }
        Map<String, Long> byJcmTrackStage = new LinkedHashMap<>();
        for (JcmTrackStage stage : JcmTrackStage.values()) {
            byJcmTrackStage.put(stage.name(), 0L);
        }
        Map<String, Long> casesByCountry = new HashMap<>();
        jdbc.sql("""
                        select grouping(c.stage), grouping(c.jcm_track_stage), c.stage, c.jcm_track_stage,
                               c.partner_country, count(*)
                        from""" + CASES + """
                        group by grouping sets ((c.stage), (c.jcm_track_stage), (c.partner_country))""")
                .params(filter)
                .query(rs -> {
                    if (rs.getInt(1) == 0) {
                        byStage.put(rs.getString(3), rs.getLong(6));
                    } else if (rs.getInt(2) == 0) {
                        byJcmTrackStage.put(rs.getString(4), rs.getLong(6));
                    } else {
                        casesByCountry.put(rs.getString(5), rs.getLong(6));
                    }
                });
        record Country(Dashboard.CountryCount count, int signingOrder) {
        }
        List<Dashboard.CountryCount> byCountry = casesByCountry.isEmpty() ? List.of() : jdbc.sql("""
                        select p.iso_code, p.name_en, p.name_ja, p.signing_order from partner_country p
                        where p.iso_code in (:countries)""")
                .param("countries", casesByCountry.keySet())
                .query((rs, row) -> new Country(new Dashboard.CountryCount(rs.getString(1), rs.getString(2),
                        rs.getString(3), casesByCountry.get(rs.getString(1))), rs.getInt(4)))
                .list().stream()
                .sorted(Comparator.comparingLong((Country country) -> country.count().cases()).reversed()
                        .thenComparingInt(Country::signingOrder))
                .map(Country::count)
                .toList();
        return new Dashboard.Pipeline(byStage, byJcmTrackStage, byCountry);
    }

    private Dashboard.Indicators indicators(Map<String, Object> filter) {
        // from the methodology register, each approved methodology under the case that drafted it
        long approved = jdbc.sql("""
                        select count(*) from methodology m, """ + CASES + """
                         and m.drafted_by_case = c.id and m.status in ('APPROVED', 'APPROVED_WITH_REVISIONS')""")
                .params(filter).query(Long.class).single();
        int methodologiesTarget = programmeTargets.currentValue(Targets.Indicator.OUTCOME,
                targets.methodologiesApprovedTarget());
        List<Dashboard.ApprovalYear> approvals = new ArrayList<>();
        // the fiscal year (April to March) of the Joint Committee's decision date
        jdbc.sql("""
                        select extract(year from m.jc_decision_date - interval '3 months')::int as year, count(*)
                        from methodology m, """ + CASES + """
                         and m.drafted_by_case = c.id and m.status in ('APPROVED', 'APPROVED_WITH_REVISIONS')
                        group by year order by year""")
                .params(filter)
                .query(rs -> {
                    long before = approvals.isEmpty() ? 0 : approvals.get(approvals.size() - 1).cumulative();
                    approvals.add(new Dashboard.ApprovalYear(rs.getInt(1), rs.getLong(2), before + rs.getLong(2),
                            programmeTargets.inForce(Targets.Indicator.OUTCOME, rs.getInt(1),
                                    targets.methodologiesApprovedTarget())));
                });
        int perYear = targets.studiesAndDemonstrationsPerYearTarget();
        Targets.Indicator activityIndicator = Targets.Indicator.ACTIVITY;
        Map<String, Object> params = new HashMap<>(filter);
        params.put("stages", Arrays.stream(ContractKind.values()).map(kind -> kind.stage().name()).toList());
        params.put("study", ContractKind.FEASIBILITY_STUDY.stage().name());
        params.put("screening", ContractKind.FEASIBILITY_STUDY.selectingStep());
        params.put("screeningField", ContractKind.FEASIBILITY_STUDY.decisionField());
        params.put("screenedIn", ContractKind.FEASIBILITY_STUDY.selectingDecision());
        params.put("now", Timestamp.from(clock.instant()));
        params.put("zone", zone.getId());
        List<Dashboard.ActivityYear> activity = jdbc.sql(ACTIVITY_SQL)
                .params(params)
                .query((rs, row) -> new Dashboard.ActivityYear(rs.getInt(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(2) + rs.getLong(3), programmeTargets.inForce(activityIndicator, rs.getInt(1), perYear),
                        rs.getLong(4)))
                .list();
        return new Dashboard.Indicators(new Dashboard.Target(approved, methodologiesTarget), approvals, activity);
    }

    /** The figures each case adds from its history and stages (V75 keeps them with every step), in one pass. */
    private record CaseFigures(Dashboard.Conversion conversion, BigDecimal estimated, BigDecimal atEnd,
                               BigDecimal followUp) {
    }

    /**
     * Each project whose study was reviewed counts once, with its last review's outcome: a study continued and
     * reviewed again is one project, with its final outcome (one still continuing counts as a follow-on study).
     * A NEDO next stage is a pre-demonstration
     * survey, an MRV application survey or a follow-on study; a JCM project adds transfers to the Ministry of the
     * Environment's subsidy; any next stage adds the other transfers (as the programme's ledger counts them).
     * <p>
     * Reductions as the ledger counts them: the reduction expected at the end of each demonstration when it was
     * selected, i.e. the estimate of the pre-demonstration survey the stage gate judged (the proposal's before
     * surveys); the last final report of each case whose review accepted it; a yearly report when the review right
     * after it accepted it, after demonstrations only, as the ledger's five years after the demonstrations (an MRV
     * application survey's follow-up is not one).
     * <p>
     * Each case's part of these is kept in {@code case_figures} by the transaction that records its steps and
     * stages, so that the dashboard right after a change sums one narrow row per case instead of reading every
     * case's history.
     */
    private CaseFigures caseFigures(Map<String, Object> filter) {
        Map<String, Object> params = new HashMap<>(filter);
        params.put("nedo", NEDO_NEXT_STAGES);
        return jdbc.sql("""
                        select count(*) filter (where f.feasibility_reviewed),
                               count(*) filter (where f.feasibility_reviewed and f.study_outcome in (:nedo)),
                               count(*) filter (where f.feasibility_reviewed and (f.study_outcome in (:nedo)
                                   or f.transfer_scheme = 'MOE_SUBSIDY')),
                               count(*) filter (where f.feasibility_reviewed and (f.study_outcome in (:nedo)
                                   or f.study_outcome = 'TRANSFER')),
                               coalesce(sum(coalesce(f.survey_estimate, c.estimated_reduction_tco2_per_year))
                                   filter (where f.entered_demonstration), 0),
                               coalesce(sum(f.final_report_reduction) filter (where f.final_report_accepted), 0),
                               coalesce(sum(f.follow_up_reduction) filter (where f.entered_demonstration), 0)
                        from case_figures f,""" + CASES + """
                         and c.id = f.case_id""")
                .params(params)
                .query((rs, row) -> {
                    long completed = rs.getLong(1);
                    return new CaseFigures(new Dashboard.Conversion(completed, share(rs.getLong(2), completed),
                            share(rs.getLong(3), completed), share(rs.getLong(4), completed)),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7));
                })
                .single();
    }

    private static Dashboard.Share share(long count, long of) {
        return new Dashboard.Share(count, of == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP));
    }

    private Dashboard.Reductions reductions(Map<String, Object> filter, CaseFigures figures) {
        BigDecimal verified = decimal("""
                select sum(p.verified_reduction_tco2)
                from monitoring_period p, """ + CASES + """
                 and p.case_id = c.id and p.verification_outcome = 'VERIFIED'""", filter);
        List<Forecast> forecasts = jdbc.sql(Forecasts.FORECASTS_SQL).params(filter).query(Forecasts::row).list();
        return new Dashboard.Reductions(figures.estimated(), figures.atEnd(), verified, figures.followUp(),
                forecasts.stream().map(Forecast::forecastAtEndTco2PerYear).reduce(BigDecimal.ZERO, BigDecimal::add),
                forecasts.stream().map(Forecast::forecastFiveYearsAfterTco2).reduce(BigDecimal.ZERO, BigDecimal::add),
                forecasts);
    }

    /**
     * Budget as entered per fiscal year; execution as the spending recorded under the contracts in that fiscal year
     * (of the cases of the country, when filtered by one), never the budgets that proposals asked for.
     */
    private List<Dashboard.BudgetYear> budget(Map<String, Object> filter) {
        return jdbc.sql("""
                        with spent as (
                            select s.fiscal_year, sum(s.executed_million_jpy) as executed,
                                   sum(s.carried_over_million_jpy) as carried_over,
                                   sum(s.returned_million_jpy) as returned
                            from contract_spending s
                            join commissioning_contract k on k.id = s.contract_id
                            join project_case c on c.id = k.case_id
                            where cast(:country as varchar) is null or c.partner_country = :country
                            group by s.fiscal_year)
                        select coalesce(b.fiscal_year, e.fiscal_year) as fiscal_year, b.budget_million_jpy,
                               b.returned_million_jpy, coalesce(e.executed, 0), coalesce(e.carried_over, 0),
                               coalesce(e.returned, 0)
                        from programme_budget b full outer join spent e on e.fiscal_year = b.fiscal_year
                        where cast(:fiscalYear as integer) is null or coalesce(b.fiscal_year, e.fiscal_year) = :fiscalYear
                        order by 1""")
                .params(filter)
                .query((rs, row) -> new Dashboard.BudgetYear(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
    }

    private long overdueTasks(Map<String, Object> filter) {
        return engineTables.overdueTasks(clock.instant(), (Integer) filter.get("fiscalYear"),
                (String) filter.get("country"));
    }

    private List<Dashboard.TimeInStage> timeInStage(Map<String, Object> filter) {
        Map<String, Object> params = new HashMap<>(filter);
        params.put("now", Timestamp.from(clock.instant()));
        // every period belongs to a case: unfiltered, the cases need not be read
        String periods = filter.get("fiscalYear") == null && filter.get("country") == null
                ? " case_stage_period s where"
                : " case_stage_period s," + CASES + " and s.case_id = c.id and";
        return jdbc.sql("""
                        select s.track, s.stage, count(*),
                               percentile_cont(0.5) within group (order by days),
                               percentile_cont(0.9) within group (order by days)
                        from (select s.track, s.stage,
                                     extract(epoch from (coalesce(s.left_at, :now) - s.entered_at)) / 86400 as days
                              from""" + periods + """
                         s.stage not in ('COMPLETED', 'TERMINATED', 'TRANSFERRED', 'ENDED')) s
                        group by s.track, s.stage""")
                .params(params)
                .query((rs, row) -> new Dashboard.TimeInStage(rs.getString(1), rs.getString(2), rs.getLong(3),
                        days(rs.getBigDecimal(4)), days(rs.getBigDecimal(5))))
                .list().stream()
                // the case's stages in the order of the lifecycle, then the JCM track's, as people read them
                .sorted(Comparator.comparing(DashboardQueries::lifecycleOrder))
                .toList();
    }

    private static int lifecycleOrder(Dashboard.TimeInStage time) {
        return StageTrack.JCM.name().equals(time.track())
                ? Stage.values().length + JcmTrackStage.valueOf(time.stage()).ordinal()
                : Stage.valueOf(time.stage()).ordinal();
    }

    private static BigDecimal days(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal decimal(String sql, Map<String, Object> filter) {
        return jdbc.sql("select coalesce((" + sql + "), 0)").params(filter).query(BigDecimal.class).single();
    }
}
