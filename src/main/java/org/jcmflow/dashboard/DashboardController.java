package org.jcmflow.dashboard;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.jcmflow.casefile.FiscalYears;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.web.ApiException;
import org.jcmflow.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The programme's figures, for the programme office. */
@RestController
class DashboardController {

    private final DashboardQueries queries;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    DashboardController(DashboardQueries queries, CurrentUsers currentUsers, JdbcClient jdbc, java.time.Clock clock) {
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record BudgetEntry(@NotNull @DecimalMin("0") BigDecimal budgetMillionJpy, @DecimalMin("0") BigDecimal returnedMillionJpy) {
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard(@RequestParam(required = false) Integer fiscalYear,
                        @RequestParam(required = false) String partnerCountry) {
        requireProgrammeOffice(currentUsers.current());
        return queries.dashboard(fiscalYear, partnerCountry);
    }

    /** Programme managers enter the budget of a fiscal year; entering it again replaces it. */
    @PutMapping("/api/budget/{fiscalYear}")
    ResponseEntity<Void> enterBudget(@PathVariable int fiscalYear, @Valid @RequestBody BudgetEntry entry) {
        CurrentUser user = currentUsers.current();
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
                .params(fiscalYear, entry.budgetMillionJpy(),
                        entry.returnedMillionJpy() == null ? BigDecimal.ZERO : entry.returnedMillionJpy(),
                        user.username(), java.sql.Timestamp.from(clock.instant()))
                .update();
        return ResponseEntity.noContent().build();
    }

    static void requireProgrammeOffice(CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER) && !user.has(Role.ADMIN)) {
            throw ApiException.forbidden("The programme's figures are for programme managers.");
        }
    }
}
