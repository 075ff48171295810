package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * The dashboard's figures in two parts. What the cases add is counted per {@link CaseGroup} (fiscal year, country
 * and slice), each figure one SQL aggregate over the groups asked for: all of them at first, then only the group of
 * a case that changed. The rest (the budget, the overdue tasks, the forecasts, the policy work, the targets) is read
 * when the figures are summed for a filter; none of it reads every case.
 */
@Repository
class DashboardQueries {

    /** Stages whose periods are not timed: a case in them has ended. */
    private static final String UNTIMED_STAGES = "('COMPLETED', 'TERMINATED', 'TRANSFERRED', 'ENDED')";

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private static final List<String> NEDO_NEXT_STAGES = List.of("PRE_DEMONSTRATION_SURVEY", "MRV_APPLICATION_SURVEY",
            "CONTINUE_STUDY");

    /**
     * The studies, surveys and demonstrations running in each fiscal year, each in every year it runs, not only in
     * its proposal's. Where the case has a contract for the work, each contract counts in every fiscal year of its
     * period as it stands after its changes: the record an auditor checks. Where it has none (work recorded before
     * contracts were, or whose contract is still to be entered), the work counts once in each fiscal year of the
     * case's own periods in the stage of that work (the kinds are named as the stages), a study's from its accepted
     * screening, since its stage begins with the proposal; how many are counted so is shown beside the figure.
     * Per group of cases and year counted: a filter by fiscal year takes the years counted, of every group.
     */
    private static final String ACTIVITY_SQL = """
            with contracted as (
                select k.case_id, k.kind, y.fiscal_year, true as with_contract
                from commissioning_contract k
                join project_case c on c.id = k.case_id and /* groups */ and /* cases of k */
                cross join lateral generate_series(
                    extract(year from k.starts_on - interval '3 months')::int,
                    extract(year from coalesce((select ch.ends_on from contract_change ch
                                                where ch.contract_id = k.id and ch.ends_on is not null
                                                order by ch.changed_on desc, ch.id desc limit 1), k.ends_on)
                            - interval '3 months')::int) as y(fiscal_year)),
            recorded as (
                select distinct s.case_id, s.stage as kind, y.fiscal_year, false as with_contract
                from case_stage_period s
                join project_case c on c.id = s.case_id and /* groups */ and /* cases of s */
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
            select /* group */, w.fiscal_year,
                   count(*) filter (where w.kind <> 'DEMONSTRATION'),
                   count(*) filter (where w.kind = 'DEMONSTRATION'), count(*) filter (where not w.with_contract)
            from (select * from contracted union all select * from recorded) w
            join project_case c on c.id = w.case_id
            where /* groups */
            group by 1, 2, 3, 4""";

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

    /**
     * What the cases of the given groups add to the figures, counted afresh; {@code null}: of every group. A group
     * with no case left has no entry.
     */
    @Transactional(readOnly = true)
    Map<CaseGroup, GroupFigures> groupFigures(Collection<CaseGroup> groups) {
        Map<String, Object> params = new HashMap<>();
        String inGroups = groupCondition(groups, params);
        Map<CaseGroup, GroupFigures> counted = new HashMap<>();
        countCases(inGroups, params, counted);
        countApprovals(inGroups + "and" + ofCases("m.drafted_by_case", groups, inGroups), params, counted);
        countActivity(inGroups, ofCases("k.case_id", groups, inGroups), ofCases("s.case_id", groups, inGroups),
                params, counted);
        countCaseFigures(inGroups + "and" + ofCases("f.case_id", groups, inGroups), params, counted);
        countVerified(inGroups + "and" + ofCases("p.case_id", groups, inGroups), params, counted);
        readStagePeriods(inGroups + "and" + ofCases("s.case_id", groups, inGroups), params, counted);
        return counted;
    }

    /**
     * The condition that a table's case column is one of the groups' cases, looked up first along the cases'
     * index: each table's rows of those cases are then read along its own index on the case, where a join
     * planned from a stale estimate of a group's size read the whole table (at 100,000 cases, the stage periods
     * of one group: 137 ms so, 53 ms along the index). Every group: no condition, every row is read anyway.
     */
    private static String ofCases(String caseColumn, Collection<CaseGroup> groups, String inGroups) {
        return groups == null ? " true "
                : " " + caseColumn + " = any(array(select c.id from project_case c where" + inGroups + ")) ";
    }

    /** The groups of the cases. */
    Set<CaseGroup> groupsOf(Collection<UUID> cases) {
        return new HashSet<>(jdbc.sql("select distinct " + CaseGroup.COLUMNS
                        + " from project_case c where c.id in (:cases)")
                .param("cases", cases)
                .query((rs, row) -> group(rs)).list());
    }

    /** The SQL condition on the cases {@code c} that takes the groups' cases, its parameters put in params. */
    private static String groupCondition(Collection<CaseGroup> groups, Map<String, Object> params) {
        if (groups == null) {
            return " true ";
        }
        if (groups.isEmpty()) {
            return " false ";
        }
        StringBuilder condition = new StringBuilder(" (c.partner_country, c.fiscal_year, " + CaseGroup.SLICE_OF_C
                + ") in (");
        int i = 0;
        for (CaseGroup group : groups) {
            condition.append(i == 0 ? "" : ", ").append("(:groupCountry").append(i).append(", :groupYear")
                    .append(i).append(", :groupSlice").append(i).append(')');
            params.put("groupCountry" + i, group.partnerCountry());
            params.put("groupYear" + i, group.fiscalYear());
            params.put("groupSlice" + i, group.slice());
            i++;
        }
        return condition.append(") ").toString();
    }

    /** The group of a row whose first columns are {@link CaseGroup#COLUMNS}. */
    private static CaseGroup group(ResultSet rs) throws SQLException {
        return new CaseGroup(rs.getInt(1), rs.getString(2), rs.getInt(3));
    }

    private static GroupFigures of(Map<CaseGroup, GroupFigures> counted, ResultSet rs) throws SQLException {
        return counted.computeIfAbsent(group(rs), group -> new GroupFigures());
    }

    /** The cases by stage and by the stage of their JCM track. */
    private void countCases(String inGroups, Map<String, Object> params, Map<CaseGroup, GroupFigures> counted) {
        jdbc.sql("select " + CaseGroup.COLUMNS + ", c.stage, c.jcm_track_stage, count(*) from project_case c"
                        + " where" + inGroups + "group by 1, 2, 3, 4, 5")
                .params(params)
                .query(rs -> {
                    GroupFigures group = of(counted, rs);
                    group.byStage.merge(rs.getString(4), rs.getLong(6), Long::sum);
                    group.byJcmTrackStage.merge(rs.getString(5), rs.getLong(6), Long::sum);
                    group.cases += rs.getLong(6);
                });
    }

    /** From the methodology register, each approved methodology under the case that drafted it. */
    private void countApprovals(String inGroups, Map<String, Object> params, Map<CaseGroup, GroupFigures> counted) {
        // the fiscal year (April to March) of the Joint Committee's decision date
        jdbc.sql("select " + CaseGroup.COLUMNS + ", " + """
                               extract(year from m.jc_decision_date - interval '3 months')::int, count(*)
                        from methodology m join project_case c on c.id = m.drafted_by_case
                        where m.status in ('APPROVED', 'APPROVED_WITH_REVISIONS') and""" + inGroups + """
                        group by 1, 2, 3, 4""")
                .params(params)
                .query(rs -> {
                    Integer year = rs.getObject(4) == null ? null : rs.getInt(4);
                    of(counted, rs).approvalsByFiscalYear.merge(year, rs.getLong(5), Long::sum);
                });
    }

    private void countActivity(String inGroups, String casesOfContracts, String casesOfPeriods,
                               Map<String, Object> filter, Map<CaseGroup, GroupFigures> counted) {
        Map<String, Object> params = new HashMap<>(filter);
        params.put("stages", Arrays.stream(ContractKind.values()).map(kind -> kind.stage().name()).toList());
        params.put("study", ContractKind.FEASIBILITY_STUDY.stage().name());
        params.put("screening", ContractKind.FEASIBILITY_STUDY.selectingStep());
        params.put("screeningField", ContractKind.FEASIBILITY_STUDY.decisionField());
        params.put("screenedIn", ContractKind.FEASIBILITY_STUDY.selectingDecision());
        params.put("now", Timestamp.from(clock.instant()));
        params.put("zone", zone.getId());
        jdbc.sql(ACTIVITY_SQL.replace("/* group */", CaseGroup.COLUMNS).replace("/* groups */", inGroups)
                        .replace("/* cases of k */", casesOfContracts)
                        .replace("/* cases of s */", casesOfPeriods))
                .params(params)
                .query(rs -> {
                    of(counted, rs).activityByFiscalYear.put(rs.getInt(4),
                            new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7)});
                });
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
     * stages, so that counting a group sums one narrow row per case instead of reading its cases' histories.
     */
    private void countCaseFigures(String inGroups, Map<String, Object> filter,
                                  Map<CaseGroup, GroupFigures> counted) {
        Map<String, Object> params = new HashMap<>(filter);
        params.put("nedo", NEDO_NEXT_STAGES);
        jdbc.sql("select " + CaseGroup.COLUMNS + ", " + """
                               count(*) filter (where f.feasibility_reviewed),
                               count(*) filter (where f.feasibility_reviewed and f.study_outcome in (:nedo)),
                               count(*) filter (where f.feasibility_reviewed and (f.study_outcome in (:nedo)
                                   or f.transfer_scheme = 'MOE_SUBSIDY')),
                               count(*) filter (where f.feasibility_reviewed and (f.study_outcome in (:nedo)
                                   or f.study_outcome = 'TRANSFER')),
                               coalesce(sum(coalesce(f.survey_estimate, c.estimated_reduction_tco2_per_year))
                                   filter (where f.entered_demonstration), 0),
                               coalesce(sum(f.final_report_reduction) filter (where f.final_report_accepted), 0),
                               coalesce(sum(f.follow_up_reduction) filter (where f.entered_demonstration), 0)
                        from case_figures f join project_case c on c.id = f.case_id
                        where""" + inGroups + """
                        group by 1, 2, 3""")
                .params(params)
                .query(rs -> {
                    GroupFigures group = of(counted, rs);
                    for (int i = 0; i < 4; i++) {
                        group.conversion[i] = rs.getLong(4 + i);
                    }
                    group.estimatedTco2PerYear = rs.getBigDecimal(8);
                    group.atEndTco2PerYear = rs.getBigDecimal(9);
                    group.followUpTco2 = rs.getBigDecimal(10);
                });
    }

    private void countVerified(String inGroups, Map<String, Object> params, Map<CaseGroup, GroupFigures> counted) {
        jdbc.sql("select " + CaseGroup.COLUMNS + ", sum(p.verified_reduction_tco2)" + """
                        from monitoring_period p join project_case c on c.id = p.case_id
                        where p.verification_outcome = 'VERIFIED' and""" + inGroups + """
                        group by 1, 2, 3""")
                .params(params)
                .query(rs -> {
                    if (rs.getBigDecimal(4) != null) {
                        of(counted, rs).verifiedTco2 = rs.getBigDecimal(4);
                    }
                });
    }

    /** Every period in a stage the case has not ended in, for the time in each stage. */
    private void readStagePeriods(String inGroups, Map<String, Object> params, Map<CaseGroup, GroupFigures> counted) {
        jdbc.sql("select " + CaseGroup.COLUMNS + ", s.track, s.stage, s.entered_at, s.left_at"
                        + " from case_stage_period s join project_case c on c.id = s.case_id"
                        + " where s.stage not in " + UNTIMED_STAGES + " and" + inGroups)
                .params(params)
                .query(rs -> {
                    Timestamp left = rs.getTimestamp(7);
                    of(counted, rs).periods.computeIfAbsent(GroupFigures.trackStage(rs.getString(4),
                                    rs.getString(5)), key -> new GroupFigures.Periods())
                            .add(micros(rs.getTimestamp(6)), left == null ? GroupFigures.Periods.OPEN : micros(left));
                });
    }

    private static long micros(Timestamp at) {
        return Math.floorDiv(at.getTime(), 1000) * 1_000_000 + at.getNanos() / 1000;
    }

    /**
     * The dashboard for a fiscal year and a partner country (null: any): the groups' figures summed over the groups
     * of the filter, with what is read for the filter alone.
     */
    @Transactional(readOnly = true)
    Dashboard dashboard(Integer fiscalYear, String country, Map<CaseGroup, GroupFigures> groups) {
        Dashboard.Filter filter = new Dashboard.Filter(fiscalYear, country);
        List<GroupFigures> ofFilter = groups.entrySet().stream().filter(group -> group.getKey().in(filter))
                .map(Map.Entry::getValue).toList();
        List<GroupFigures> ofCountry = groups.entrySet().stream().filter(group -> group.getKey().inCountry(filter))
                .map(Map.Entry::getValue).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("fiscalYear", fiscalYear);
        params.put("country", country);
        return new Dashboard(filter, pipeline(groups, filter, ofFilter), indicators(fiscalYear, ofFilter, ofCountry),
                conversion(ofFilter), reductions(params, ofFilter), budget(params), overdueTasks(params),
                timeInStage(ofFilter), policyWork(params));
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

    /** The cases by stage, by the stage of their JCM track and by partner country. */
    private Dashboard.Pipeline pipeline(Map<CaseGroup, GroupFigures> groups, Dashboard.Filter filter,
                                        List<GroupFigures> ofFilter) {
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            byStage.put(stage.name(), 0L);
        }
        Map<String, Long> byJcmTrackStage = new LinkedHashMap<>();
        for (JcmTrackStage stage : JcmTrackStage.values()) {
            byJcmTrackStage.put(stage.name(), 0L);
        }
        for (GroupFigures group : ofFilter) {
            group.byStage.forEach((stage, count) -> byStage.merge(stage, count, Long::sum));
            group.byJcmTrackStage.forEach((stage, count) -> byJcmTrackStage.merge(stage, count, Long::sum));
        }
        Map<String, Long> casesByCountry = new HashMap<>();
        groups.forEach((group, figures) -> {
            if (group.in(filter) && figures.cases > 0) {
                casesByCountry.merge(group.partnerCountry(), figures.cases, Long::sum);
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

    /**
     * The methodologies approved, of the filter's cases, by the fiscal year of their decision; the work running
     * in each fiscal year, of the country's cases, in the filter's fiscal year or all.
     */
    private Dashboard.Indicators indicators(Integer fiscalYear, List<GroupFigures> ofFilter,
                                            List<GroupFigures> ofCountry) {
        Map<Integer, Long> approvedByYear = new HashMap<>();
        ofFilter.forEach(group -> group.approvalsByFiscalYear.forEach(
                (year, count) -> approvedByYear.merge(year, count, Long::sum)));
        long approved = approvedByYear.values().stream().mapToLong(Long::longValue).sum();
        int methodologiesTarget = programmeTargets.currentValue(Targets.Indicator.OUTCOME,
                targets.methodologiesApprovedTarget());
        List<Dashboard.ApprovalYear> approvals = new ArrayList<>();
        // in year order, a decision without a date last (as its year is shown: 0)
        approvedByYear.keySet().stream().sorted(Comparator.nullsLast(Comparator.naturalOrder())).forEach(year -> {
            int shownYear = year == null ? 0 : year;
            long before = approvals.isEmpty() ? 0 : approvals.get(approvals.size() - 1).cumulative();
            long inYear = approvedByYear.get(year);
            approvals.add(new Dashboard.ApprovalYear(shownYear, inYear, before + inYear,
                    programmeTargets.inForce(Targets.Indicator.OUTCOME, shownYear,
                            targets.methodologiesApprovedTarget())));
        });
        int perYear = targets.studiesAndDemonstrationsPerYearTarget();
        Map<Integer, long[]> activityByYear = new HashMap<>();
        ofCountry.forEach(group -> group.activityByFiscalYear.forEach((year, counts) -> {
            if (fiscalYear == null || fiscalYear.equals(year)) {
                long[] sum = activityByYear.computeIfAbsent(year, y -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += counts[i];
                }
            }
        }));
        List<Dashboard.ActivityYear> activity = activityByYear.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(year -> new Dashboard.ActivityYear(year.getKey(), year.getValue()[0], year.getValue()[1],
                        year.getValue()[0] + year.getValue()[1],
                        programmeTargets.inForce(Targets.Indicator.ACTIVITY, year.getKey(), perYear),
                        year.getValue()[2]))
                .toList();
        return new Dashboard.Indicators(new Dashboard.Target(approved, methodologiesTarget), approvals, activity);
    }

    private static Dashboard.Conversion conversion(List<GroupFigures> ofFilter) {
        long[] sum = new long[4];
        ofFilter.forEach(group -> {
            for (int i = 0; i < 4; i++) {
                sum[i] += group.conversion[i];
            }
        });
        long completed = sum[0];
        return new Dashboard.Conversion(completed, share(sum[1], completed), share(sum[2], completed),
                share(sum[3], completed));
    }

    private static Dashboard.Share share(long count, long of) {
        return new Dashboard.Share(count, of == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP));
    }

    private Dashboard.Reductions reductions(Map<String, Object> filter, List<GroupFigures> ofFilter) {
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal atEnd = BigDecimal.ZERO;
        BigDecimal followUp = BigDecimal.ZERO;
        BigDecimal verified = BigDecimal.ZERO;
        for (GroupFigures group : ofFilter) {
            estimated = estimated.add(group.estimatedTco2PerYear);
            atEnd = atEnd.add(group.atEndTco2PerYear);
            followUp = followUp.add(group.followUpTco2);
            verified = verified.add(group.verifiedTco2);
        }
        List<Forecast> forecasts = jdbc.sql(Forecasts.FORECASTS_SQL).params(filter).query(Forecasts::row).list();
        return new Dashboard.Reductions(estimated, atEnd, verified, followUp,
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

    /**
     * The periods in each stage of the filter's cases: how many, and the median and 90th percentile of their days
     * (interpolated between the two nearest, as PostgreSQL's {@code percentile_cont}), a period not left yet
     * counted up to now.
     */
    private List<Dashboard.TimeInStage> timeInStage(List<GroupFigures> ofFilter) {
        long now = micros(Timestamp.from(clock.instant()));
        Map<String, List<GroupFigures.Periods>> byStage = new HashMap<>();
        ofFilter.forEach(group -> group.periods.forEach(
                (stage, periods) -> byStage.computeIfAbsent(stage, key -> new ArrayList<>()).add(periods)));
        List<Dashboard.TimeInStage> times = new ArrayList<>();
        byStage.forEach((trackStage, periodsOfGroups) -> {
            int count = periodsOfGroups.stream().mapToInt(periods -> periods.size).sum();
            double[] days = new double[count];
            int i = 0;
            for (GroupFigures.Periods periods : periodsOfGroups) {
                for (int p = 0; p < periods.size; p++) {
                    long end = periods.left[p] == GroupFigures.Periods.OPEN ? now : periods.left[p];
                    days[i++] = (end - periods.entered[p]) / (double) MICROS_PER_DAY;
                }
            }
            Arrays.sort(days);
            String[] parts = trackStage.split("/", 2);
            times.add(new Dashboard.TimeInStage(parts[0], parts[1], count, days(percentile(days, 0.5)),
                    days(percentile(days, 0.9))));
        });
        // the case's stages in the order of the lifecycle, then the JCM track's, as people read them
        times.sort(Comparator.comparing(DashboardQueries::lifecycleOrder));
        return times;
    }

    private static BigDecimal percentile(double[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double value = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        return BigDecimal.valueOf(value);
    }

    private static int lifecycleOrder(Dashboard.TimeInStage time) {
        return StageTrack.JCM.name().equals(time.track())
                ? Stage.values().length + JcmTrackStage.valueOf(time.stage()).ordinal()
                : Stage.valueOf(time.stage()).ordinal();
    }

    private static BigDecimal days(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
