package org.jcmflow.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's evaluations (interim, early ex-post, ex-post), each with its day and result, for the ledger. */
@Service
public class Evaluations {

    public enum Kind {
        INTERIM, EARLY_EX_POST, EX_POST
    }

    /** What POST /api/programme/evaluations takes. */
    public record Entry(Kind kind, LocalDate heldOn, String result) {
    }

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Evaluations(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Evaluation record(Entry entry, CurrentUser user) {
        ProgrammeRecords.requireWriter(user);
        Forecasts.Checks checks = new Forecasts.Checks();
        checks.required("kind", entry.kind());
        checks.pastDate("heldOn", entry.heldOn(), clock);
        checks.text("result", entry.result(), 4000);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into programme_evaluation (id, kind, held_on, result, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, entry.kind().name(), entry.heldOn(), entry.result().strip(), user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(ProgrammeRecordsChanged.programme());
        log.info("Programme evaluation {} of {} recorded by {}", entry.kind(), entry.heldOn(), user.username());
        return all().stream().filter(evaluation -> evaluation.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Evaluation> list(CurrentUser user) {
        ProgrammeRecords.requireReader(user);
        return all();
    }

    /** Every evaluation, the earliest first, as the ledger lists them. */
    @Transactional(readOnly = true)
    public List<Evaluation> all() {
        return jdbc.sql("""
                        select id, kind, held_on, result, recorded_by, recorded_at from programme_evaluation
                        order by held_on, recorded_at""")
                .query((rs, row) -> new Evaluation(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
