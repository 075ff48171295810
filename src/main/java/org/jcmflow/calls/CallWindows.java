package org.jcmflow.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jcmflow.casefile.ProposalCalls;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.problem.Problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calls' windows as the case file asks them when a proposal comes in: read from the calls' table alone, so
 * that opening a case does not depend on how the selection is run. The days are the programme office's.
 */
@Component
class CallWindows implements ProposalCalls {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CallWindows(JdbcClient jdbc, @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    private record Window(String title, int fiscalYear, LocalDate opensOn, LocalDate closesOn, boolean selected) {
    }

    @Override
    public void admit(UUID callId, int fiscalYear, Instant at) {
        // locked against the selection being recorded at the same moment: a proposal is in before it, or refused
        Window call = jdbc.sql("""
                        select title, fiscal_year, opens_on, closes_on, selected_at is not null
                        from call_for_proposals where id = ? for share""")
                .param(callId)
                .query((rs, row) -> new Window(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
                .optional()
                .orElseThrow(() -> new InvalidInput(List.of(FieldProblem.coded("callId",
                        "is not a call for proposals of the programme", "noCall"))));
        if (call.fiscalYear() != fiscalYear) {
            throw new InvalidInput(List.of(FieldProblem.coded("fiscalYear", "must be the call's fiscal year, "
                    + call.fiscalYear(), "callFiscalYear", call.fiscalYear())));
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        if (day.isBefore(call.opensOn()) || day.isAfter(call.closesOn()) || call.selected()) {
            throw Problem.conflict("The call '" + call.title() + "' takes proposals from " + call.opensOn() + " to "
                    + call.closesOn() + " only.", "callNotOpen", call.title(), call.opensOn(), call.closesOn());
        }
    }

    @Override
    public boolean anyFor(int fiscalYear) {
        return jdbc.sql("select count(*) from call_for_proposals where fiscal_year = ?").param(fiscalYear)
                .query(Long.class).single() > 0;
    }

    @Override
    public List<OpenCall> openAt(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return jdbc.sql("""
                        select id, title, fiscal_year from call_for_proposals
                        where opens_on <= ? and closes_on >= ? and selected_at is null
                        order by fiscal_year desc, closes_on, title""")
                .params(day, day)
                .query((rs, row) -> new OpenCall(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list();
    }
}
