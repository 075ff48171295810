package org.jcmflow.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets of the programme's two indicators, versioned: each revision is kept with its day and its reason
 * (情勢変化, a change of circumstances), never written over, so that the ledger shows how the target came to be
 * what it is. The target in force is the latest revision; without any, the configured one.
 */
@Service
public class Targets {

    /** The outcome indicator (methodologies approved, cumulative) and the activity indicator (per fiscal year). */
    public enum Indicator {
        OUTCOME, ACTIVITY
    }

    /** What POST /api/programme/targets takes: a revision. */
    public record Entry(Indicator indicator, Integer targetValue, Integer deadlineFiscalYear, LocalDate revisedOn,
                        String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(Targets.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Targets(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Target revise(Entry entry, CurrentUser user) {
        ProgrammeRecords.requireWriter(user);
        Forecasts.Checks checks = new Forecasts.Checks();
        checks.required("indicator", entry.indicator());
        if (checks.required("targetValue", entry.targetValue()) && (entry.targetValue() < 0
                || entry.targetValue() > 10000)) {
            checks.add("targetValue", "must be from 0 to 10,000", "max", "10,000");
        }
        if (entry.indicator() == Indicator.OUTCOME && checks.required("deadlineFiscalYear", entry.deadlineFiscalYear())
                && entry.deadlineFiscalYear() < FiscalYears.FIRST) {
            checks.add("deadlineFiscalYear", "must be " + FiscalYears.FIRST + " or later", "min", FiscalYears.FIRST);
        }
        if (entry.indicator() == Indicator.ACTIVITY && entry.deadlineFiscalYear() != null) {
            checks.add("deadlineFiscalYear", "must be empty: the activity target holds for every fiscal year",
                    "noDeadlineForActivity");
        }
        checks.pastDate("revisedOn", entry.revisedOn(), clock);
        checks.text("reason", entry.reason(), 1000);
        checks.throwIfAny();
        Optional<Target> latest = current(entry.indicator());
        if (latest.isPresent() && !entry.revisedOn().isAfter(latest.get().revisedOn())) {
            throw Problem.conflict("A revision follows the one in force, of " + latest.get().revisedOn() + ".",
                    "revisionBeforeLatest", latest.get().revisedOn());
        }
        jdbc.sql("""
                        insert into indicator_target (indicator, target_value, deadline_fiscal_year, revised_on, reason,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.indicator().name(), entry.targetValue(), entry.deadlineFiscalYear(), entry.revisedOn(),
                        entry.reason().strip(), user.username(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(ProgrammeRecordsChanged.programme());
        log.info("Target of the {} indicator revised by {} on {}: {} by FY{}", entry.indicator(), user.username(),
                entry.revisedOn(), entry.targetValue(), entry.deadlineFiscalYear());
        return current(entry.indicator()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Target> list(CurrentUser user) {
        ProgrammeRecords.requireReader(user);
        return history();
    }

    /** Every revision of both indicators, oldest first. */
    @Transactional(readOnly = true)
    public List<Target> history() {
        return jdbc.sql("""
                        select indicator, target_value, deadline_fiscal_year, revised_on, reason, recorded_by, recorded_at
                        from indicator_target order by indicator desc, revised_on, id""")
                .query((rs, row) -> new Target(Indicator.valueOf(rs.getString(1)), rs.getInt(2),
                        (Integer) rs.getObject(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * The target in force in a fiscal year: the latest revision made by its end; before the first revision, the
     * first (the target as originally set); without any revision, the configured one.
     */
    @Transactional(readOnly = true)
    public int inForce(Indicator indicator, int fiscalYear, int configured) {
        List<Target> revisions = history().stream().filter(target -> target.indicator() == indicator).toList();
        if (revisions.isEmpty()) {
            return configured;
        }
        LocalDate yearEnd = LocalDate.of(fiscalYear + 1, 3, 31);
        Target inForce = revisions.get(0);
        for (Target revision : revisions) {
            if (!revision.revisedOn().isAfter(yearEnd)) {
                inForce = revision;
            }
        }
        return inForce.targetValue();
    }

    /** The value in force now: the latest revision's, or the configured one. */
    @Transactional(readOnly = true)
    public int currentValue(Indicator indicator, int configured) {
        return current(indicator).map(Target::targetValue).orElse(configured);
    }

    /** The target in force: the latest revision. */
    @Transactional(readOnly = true)
    public Optional<Target> current(Indicator indicator) {
        List<Target> revisions = history().stream().filter(target -> target.indicator() == indicator).toList();
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }
}
