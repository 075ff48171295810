package org.jcmflow.programme;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The joint policy work with the partner ministries: programme managers record it, per country and case. */
@RestController
class PolicyWorkController {

    private final PolicyWorkLog log;
    private final CurrentUsers currentUsers;

    PolicyWorkController(PolicyWorkLog log, CurrentUsers currentUsers) {
        this.log = log;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/api/policy-work")
    ResponseEntity<PolicyWork> record(@RequestBody PolicyWorkLog.Entry entry) {
        return ResponseEntity.status(201).body(log.record(entry, currentUsers.current()));
    }

    @GetMapping("/api/policy-work")
    List<PolicyWork> list(@RequestParam(required = false) String partnerCountry) {
        return log.list(partnerCountry, currentUsers.current());
    }

    @GetMapping("/api/cases/{caseId}/policy-work")
    List<PolicyWork> ofCase(@PathVariable UUID caseId) {
        return log.ofCase(caseId, currentUsers.current());
    }

    @GetMapping("/api/reports/policy-work.csv")
    void csv(HttpServletResponse response) throws IOException {
        ProgrammeTables.policyWork(log.list(null, currentUsers.current())).sendCsv("jcm-policy-work.csv", response);
    }
}
