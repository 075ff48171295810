package org.jcmflow.dashboard;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.web.ApiException;
import org.springframework.http.ResponseEntity;
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
    private final ProgrammeBudget budget;
    private final CurrentUsers currentUsers;

    DashboardController(DashboardQueries queries, ProgrammeBudget budget, CurrentUsers currentUsers) {
        this.queries = queries;
        this.budget = budget;
        this.currentUsers = currentUsers;
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
        budget.enter(fiscalYear, entry.budgetMillionJpy(), entry.returnedMillionJpy(), currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    static void requireProgrammeOffice(CurrentUser user) {
        if (!user.has(Role.PROGRAM_MANAGER) && !user.has(Role.ADMIN)) {
            throw ApiException.forbidden("The programme's figures are for programme managers.");
        }
    }
}
