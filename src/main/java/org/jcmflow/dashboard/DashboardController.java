package org.jcmflow.dashboard;

import jakarta.validation.Valid;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
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

    private final DashboardFigures figures;
    private final ProgrammeBudget budget;
    private final CurrentUsers currentUsers;

    DashboardController(DashboardFigures figures, ProgrammeBudget budget, CurrentUsers currentUsers) {
        this.figures = figures;
        this.budget = budget;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard(@RequestParam(required = false) Integer fiscalYear,
                        @RequestParam(required = false) String partnerCountry) {
        requireProgrammeOffice(currentUsers.current());
        return figures.of(fiscalYear, partnerCountry);
    }

    /** Programme managers enter the budget of a fiscal year; entering it again replaces it. */
    @PutMapping("/api/budget/{fiscalYear}")
    ResponseEntity<Void> enterBudget(@PathVariable int fiscalYear, @Valid @RequestBody BudgetEntry entry) {
        budget.enter(fiscalYear, entry, currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    static boolean isProgrammeOffice(CurrentUser user) {
        return user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN);
    }

    static void requireProgrammeOffice(CurrentUser user) {
        if (!isProgrammeOffice(user)) {
            throw Problem.forbidden("The programme's figures are for programme managers.", "figuresForProgrammeOffice");
        }
    }
}
