package org.jcmflow.mrv;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public inputs on proposed methodologies and project design documents. The case's process opens a period and
 * closes it with a timer at its end; a comment is taken only while the period is open by the engine's clock, so a
 * comment that comes after the end is refused even before the timer has fired.
 */
@Service
public class PublicInputs {

    static final int MAX_COMMENT = 4000;

    private final JdbcClient jdbc;
    private final JcmPeriods periods;
    private final Clock clock;

    public PublicInputs(JdbcClient jdbc, JcmPeriods periods, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.clock = clock;
    }

    /** Opens the case's period of public inputs on the subject, as long as its partner country sets; its end. */
    Instant open(UUID caseId, PublicInputSubject subject, Long methodologyId, String title) {
        String country = jdbc.sql("select partner_country from project_case where id = ?").param(caseId)
                .query(String.class).single();
        Instant now = clock.instant();
        Instant closes = periods.end(country, subject.period(), now);
        jdbc.sql("""
                        insert into public_input_period (case_id, subject, methodology_id, title, partner_country,
                                                         opens_at, closes_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, subject.name(), methodologyId, title, country, Timestamp.from(now),
                        Timestamp.from(closes))
                .update();
        return closes;
    }

    /** Closes the case's open period, when its timer fires. */
    void closeOpen(UUID caseId) {
        jdbc.sql("update public_input_period set closed_at = ? where case_id = ? and closed_at is null")
                .params(Timestamp.from(clock.instant()), caseId).update();
    }

    /** The periods, the open ones only if asked, newest first. */
    @Transactional(readOnly = true)
    public List<PublicInputPeriod> list(boolean openOnly, UUID caseId) {
        return jdbc.sql("""
                        select * from public_input_period
                        where (not :openOnly or (closed_at is null and closes_at > :now))
                          and (cast(:caseId as uuid) is null or case_id = :caseId)
                        order by opens_at desc, id desc""")
                .param("openOnly", openOnly).param("now", Timestamp.from(clock.instant())).param("caseId", caseId)
                .query((rs, row) -> period(rs)).list();
    }

    @Transactional(readOnly = true)
    public PublicInputPeriod get(long id) {
        return jdbc.sql("select * from public_input_period where id = ?").param(id)
                .query((rs, row) -> period(rs)).optional()
                .orElseThrow(() -> Problem.notFound("No period of public inputs " + id, "noPublicInputPeriod", id));
    }

    /** A comment on an open period; after its end, a conflict, and nothing is written. */
    @Transactional
    public PublicInputPeriod.Comment comment(long periodId, String comment, CurrentUser user) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new InvalidInput(List.of(InvalidInput.FieldProblem.coded("comment",
                    "is required, at most " + MAX_COMMENT + " characters", "publicInputComment", MAX_COMMENT)));
        }
        // the period's row locked: a comment and the timer that closes the period do not cross
        Boolean open = jdbc.sql("""
                        select closed_at is null and closes_at > ? from public_input_period where id = ?
                        for update""")
                .params(Timestamp.from(clock.instant()), periodId).query(Boolean.class).optional()
                .orElseThrow(() -> Problem.notFound("No period of public inputs " + periodId, "noPublicInputPeriod",
                        periodId));
        if (!open) {
            throw Problem.conflict("The period of public inputs has closed; comments are no longer taken.",
                    "publicInputsClosed");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into public_input_comment (period_id, author, organization, comment, submitted_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(periodId, user.username(), user.organization(), text, Timestamp.from(now))
                .query(Long.class).single();
        return new PublicInputPeriod.Comment(id, user.username(), user.organization(), text, now);
    }

    private PublicInputPeriod period(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Instant closes = rs.getTimestamp("closes_at").toInstant();
        Timestamp closed = rs.getTimestamp("closed_at");
        return new PublicInputPeriod(id, rs.getObject("case_id", UUID.class),
                PublicInputSubject.valueOf(rs.getString("subject")), rs.getObject("methodology_id", Long.class),
                rs.getString("title"), rs.getString("partner_country"), rs.getTimestamp("opens_at").toInstant(),
                closes, closed == null ? null : closed.toInstant(),
                closed == null && closes.isAfter(clock.instant()), comments(id));
    }

    private List<PublicInputPeriod.Comment> comments(long periodId) {
        return jdbc.sql("""
                        select id, author, organization, comment, submitted_at from public_input_comment
                        where period_id = ? order by submitted_at, id""")
                .param(periodId)
                .query((rs, row) -> new PublicInputPeriod.Comment(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }
}
