package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.web.ApiException;
import org.jcmflow.web.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's budget per fiscal year, as programme managers enter it. */
@Service
public class ProgrammeBudget {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProgrammeBudget(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Enters the budget of a fiscal year (million JPY) and what of it was returned to the treasury; entering it
     * again replaces it.
     */
    @Transactional
    public void enter(int fiscalYear, BigDecimal budgetMillionJpy, BigDecimal returnedMillionJpy, CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER)) {
            throw ApiException.forbidden("Only programme managers enter the budget.");
        }
        if (fiscalYear < FiscalYears.FIRST || fiscalYear > FiscalYears.lastValid(clock)) {
            throw InvalidInputException.of("fiscalYear", "must be between " + FiscalYears.FIRST + " and "
                    + FiscalYears.lastValid(clock));
        }
        jdbc.sql("""
                        insert into programme_budget (fiscal_year, budget_million_jpy, returned_million_jpy, updated_by, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (fiscal_year) do update set budget_million_jpy = excluded.budget_million_jpy,
                            returned_million_jpy = excluded.returned_million_jpy, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .params(fiscalYear, budgetMillionJpy, returnedMillionJpy == null ? BigDecimal.ZERO : returnedMillionJpy,
                        user.username(), Timestamp.from(clock.instant()))
                .update();
    }
}
