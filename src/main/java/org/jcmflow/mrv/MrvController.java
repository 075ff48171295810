package org.jcmflow.mrv;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.jcmflow.identity.CurrentUsers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The methodology register, open to every signed-in role, and a case's MRV records, as visible as the case. */
@RestController
class MrvController {

    private final MrvQueries mrv;
    private final CurrentUsers currentUsers;

    MrvController(MrvQueries mrv, CurrentUsers currentUsers) {
        this.mrv = mrv;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/methodologies")
    MrvQueries.MethodologyPage methodologies(
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2}") String partnerCountry,
            @RequestParam(required = false) MethodologyStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return mrv.methodologies(partnerCountry, status, page, size);
    }

    @GetMapping("/api/methodologies/{id}")
    Methodology methodology(@PathVariable long id) {
        return mrv.methodology(id);
    }

    @GetMapping("/api/cases/{id}/mrv")
    MrvQueries.CaseMrv caseMrv(@PathVariable UUID id) {
        return mrv.caseMrv(id, currentUsers.current());
    }
}
