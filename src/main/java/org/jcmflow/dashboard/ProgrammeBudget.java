package org.jcmflow.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's budget per fiscal year, as programme managers enter it through the API or the dashboard. */
@Service
public class ProgrammeBudget {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeBudget.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProgrammeBudget(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    static boolean mayEnter(CurrentUser user) {
        return user.has(Role.PROGRAM_MANAGER);
    }

    /** Enters a fiscal year's budget and what of it was returned (million JPY), as the demonstration data does. */
    @Transactional
    public void enter(int fiscalYear, BigDecimal budgetMillionJpy, BigDecimal returnedMillionJpy, CurrentUser user) {
        enter(fiscalYear, new BudgetEntry(budgetMillionJpy, returnedMillionJpy), user);
    }

    /** Entering a year again replaces what was entered before. The entry's own limits are checked by the caller. */
    @Transactional
    void enter(int fiscalYear, BudgetEntry entry, CurrentUser user) {
        if (!mayEnter(user)) {
            throw Problem.forbidden("Only programme managers enter the budget.", "budgetForProgrammeManagers");
        }
        List<FieldProblem> problems = new ArrayList<>();
        int lastValid = FiscalYears.lastValid(clock);
        if (fiscalYear < FiscalYears.FIRST || fiscalYear > lastValid) {
            problems.add(FieldProblem.coded("fiscalYear", "must be between " + FiscalYears.FIRST + " and " + lastValid,
                    "fiscalYearRange", String.valueOf(FiscalYears.FIRST), String.valueOf(lastValid)));
        }
        if (entry.returnedOrNone().compareTo(entry.budgetMillionJpy()) > 0) {
            problems.add(FieldProblem.coded("returnedMillionJpy", "must not be more than the budget",
                    "returnedAboveBudget"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        insert into programme_budget (fiscal_year, budget_million_jpy, returned_million_jpy, updated_by, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (fiscal_year) do update set budget_million_jpy = excluded.budget_million_jpy,
                            returned_million_jpy = excluded.returned_million_jpy, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .params(fiscalYear, entry.budgetMillionJpy(), entry.returnedOrNone(), user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(ProgrammeRecordsChanged.budget());
        log.info("Budget of FY{} entered by {}: {} million JPY, {} returned", fiscalYear, user.username(),
                entry.budgetMillionJpy(), entry.returnedOrNone());
    }
}
