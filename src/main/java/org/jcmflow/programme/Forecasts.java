package org.jcmflow.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.stagegate.StageGatePolicy;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reductions forecast for each demonstration at its selection, and what its reports said since. Only a case
 * the stage gate found appropriate has a forecast: it is what the selection rested on.
 */
@Service
public class Forecasts {

    private static final Logger log = LoggerFactory.getLogger(Forecasts.class);
    private static final BigDecimal MOST_TCO2 = new BigDecimal("100000000");

    /**
     * Each case's forecast with its reports: the last accepted final report, and the yearly dissemination reports
     * that the review right after each accepted. The filter is the dashboard's: a case's fiscal year and country.
     */
    public static final String FORECASTS_SQL = """
            select c.id, c.title, c.partner_country, f.at_end_tco2_per_year, f.five_years_after_tco2, f.forecast_on,
                   f.basis,
                   (select (h.details ->> 'annualReductionTco2')::numeric from case_history h
                    where h.case_id = c.id and h.step_key = 'Task_SubmitFinalReport'
                     and exists (select 1 from case_history r where r.case_id = c.id
                         and r.step_key = 'Task_ReviewFinalReport' and r.details ->> 'finalReportDecision' = 'ACCEPTED')
                    order by h.occurred_at desc, h.id desc limit 1),
                   coalesce(d.reported, 0), coalesce(d.years, 0)
            from reduction_forecast f
            join project_case c on c.id = f.case_id
            left join lateral (select sum(reported) as reported, count(*) as years from (
                           select h.step_key, (h.details ->> 'achievedReductionTco2')::numeric as reported,
                                  lead(h.details ->> 'disseminationReviewDecision') over (order by h.occurred_at, h.id)
                                      as next_decision
                           from case_history h
                           where h.case_id = c.id
                             and h.step_key in ('Task_SubmitDisseminationReport', 'Task_ReviewDisseminationReport')) s
                       where step_key = 'Task_SubmitDisseminationReport' and next_decision = 'ACCEPTED') d on true
            where (cast(:fiscalYear as integer) is null or c.fiscal_year = :fiscalYear)
             and (cast(:country as varchar) is null or c.partner_country = :country)
            order by f.forecast_on, c.title""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Forecasts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Records the forecast of a selected demonstration; recording it again replaces it, as a revised forecast. */
    @Transactional
    public void record(UUID caseId, ForecastEntry entry, CurrentUser user) {
        ProgrammeRecords.requireWriter(user);
        if (jdbc.sql("select count(*) from project_case where id = ?").param(caseId).query(Long.class).single() == 0) {
            throw Problem.notFound("There is no such case.", "noCase");
        }
        Checks checks = new Checks();
        checks.tonnes("atEndTco2PerYear", entry.atEndTco2PerYear());
        checks.tonnes("fiveYearsAfterTco2", entry.fiveYearsAfterTco2());
        checks.pastDate("forecastOn", entry.forecastOn(), clock);
        checks.text("basis", entry.basis(), 1000);
        checks.throwIfAny();
        boolean selected = jdbc.sql("""
                        select count(*) from case_history where case_id = ?
                         and (step_key = 'Task_ConfirmStageGateDecision' and details ->> 'stageGateDecision' = 'APPROPRIATE'
                              or step_key = ?)""")
                .param(caseId).param(StageGatePolicy.NOT_APPLICABLE_STEP).query(Long.class).single() > 0;
        if (!selected) {
            throw Problem.conflict("A forecast is recorded for a demonstration the stage gate found appropriate.",
                    "forecastBeforeSelection");
        }
        jdbc.sql("""
                        insert into reduction_forecast (case_id, at_end_tco2_per_year, five_years_after_tco2, forecast_on,
                            basis, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) do update set at_end_tco2_per_year = excluded.at_end_tco2_per_year,
                            five_years_after_tco2 = excluded.five_years_after_tco2, forecast_on = excluded.forecast_on,
                            basis = excluded.basis, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .params(caseId, entry.atEndTco2PerYear(), entry.fiveYearsAfterTco2(), entry.forecastOn(),
                        entry.basis().strip(), user.username(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(ProgrammeRecordsChanged.programme());
        log.info("Forecast for case {} recorded by {}: {} t-CO2/year at the end, {} t-CO2 in five years after", caseId,
                user.username(), entry.atEndTco2PerYear(), entry.fiveYearsAfterTco2());
    }

    @Transactional(readOnly = true)
    public List<Forecast> list(Integer fiscalYear, String country, CurrentUser user) {
        ProgrammeRecords.requireReader(user);
        Map<String, Object> filter = new HashMap<>();
        filter.put("fiscalYear", fiscalYear);
        filter.put("country", country);
        return jdbc.sql(FORECASTS_SQL).params(filter).query(Forecasts::row).list();
    }

    /** A row of {@link #FORECASTS_SQL}. */
    public static Forecast row(ResultSet rs, int row) throws SQLException {
        return new Forecast(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getInt(10));
    }

    /** The field checks of the programme's records, each bad field named. */
    static final class Checks {

        private final List<FieldProblem> problems = new ArrayList<>();

        void add(String field, String message, String code, Object... arguments) {
            problems.add(FieldProblem.coded(field, message, code, arguments));
        }

        boolean required(String field, Object value) {
            if (value == null || value instanceof String text && text.isBlank()) {
                add(field, "is required", "required");
                return false;
            }
            return true;
        }

        void tonnes(String field, BigDecimal value) {
            if (!required(field, value)) {
                return;
            }
            if (value.signum() < 0) {
                add(field, "must not be negative", "min", 0);
            } else if (value.compareTo(MOST_TCO2) > 0) {
                add(field, "must be at most 100,000,000 t-CO2", "max", "100,000,000");
            } else if (value.stripTrailingZeros().scale() > 1) {
                add(field, "must have at most one decimal place", "decimalDigits", 1);
            }
        }

        void pastDate(String field, LocalDate value, Clock clock) {
            if (required(field, value) && value.isAfter(LocalDate.now(clock))) {
                add(field, "must not be in the future", "notInFuture");
            }
        }

        void text(String field, String value, int maxLength) {
            if (required(field, value) && value.length() > maxLength) {
                add(field, "must be at most " + maxLength + " characters", "maxLength", maxLength);
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
