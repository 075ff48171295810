package org.jcmflow.programme;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme's own settings and records that head and close its ledger: the settings, the evaluations and the
 * indicators' targets with their revisions. Programme managers write; the programme office reads.
 */
@RestController
class ProgrammeController {

    private final ProgrammeSettings settings;
    private final Evaluations evaluations;
    private final Targets targets;
    private final PolicyWorkLog policyWork;
    private final CurrentUsers currentUsers;

    ProgrammeController(ProgrammeSettings settings, Evaluations evaluations, Targets targets,
                        PolicyWorkLog policyWork, CurrentUsers currentUsers) {
        this.policyWork = policyWork;
        this.settings = settings;
        this.evaluations = evaluations;
        this.targets = targets;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/programme/settings")
    ProgrammeSettings.Settings settings() {
        return settings.read(currentUsers.current());
    }

    @PutMapping("/api/programme/settings")
    ProgrammeSettings.Settings updateSettings(@RequestBody ProgrammeSettings.Settings entry) {
        return settings.update(entry, currentUsers.current());
    }

    @GetMapping("/api/programme/evaluations")
    List<Evaluation> evaluations() {
        return evaluations.list(currentUsers.current());
    }

    @PostMapping("/api/programme/evaluations")
    ResponseEntity<Evaluation> recordEvaluation(@RequestBody Evaluations.Entry entry) {
        return ResponseEntity.status(201).body(evaluations.record(entry, currentUsers.current()));
    }

    @GetMapping("/api/programme/targets")
    List<Target> targets() {
        return targets.list(currentUsers.current());
    }

    @PostMapping("/api/programme/targets")
    ResponseEntity<Target> reviseTarget(@RequestBody Targets.Entry entry) {
        return ResponseEntity.status(201).body(targets.revise(entry, currentUsers.current()));
    }

    @GetMapping("/api/reports/evaluations.csv")
    void evaluationsCsv(HttpServletResponse response) throws IOException {
        ProgrammeTables.evaluations(evaluations.list(currentUsers.current())).sendCsv("jcm-evaluations.csv", response);
    }

    @GetMapping("/api/reports/targets.csv")
    void targetsCsv(HttpServletResponse response) throws IOException {
        ProgrammeTables.targets(targets.list(currentUsers.current())).sendCsv("jcm-targets.csv", response);
    }

    @GetMapping("/api/reports/programme.xlsx")
    void workbook(HttpServletResponse response) throws IOException {
        CurrentUser user = currentUsers.current();
        RecordTable.sendXlsx("jcm-programme.xlsx", List.of(ProgrammeTables.settings(settings.read(user)),
                ProgrammeTables.evaluations(evaluations.list(user)), ProgrammeTables.targets(targets.list(user)),
                ProgrammeTables.policyWork(policyWork.list(null, user))), response);
    }
}
