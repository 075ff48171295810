package org.jcmflow.calls;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
import org.jcmflow.programme.RecordTable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls for proposals and their selection: everyone signed in reads the calls; programme managers open them,
 * name their committees and record the selection; the committee's members score; the programme office reads the
 * scores and the ranking.
 */
@RestController
class CallController {

    /** The committee a programme manager names for a call: the members' usernames. */
    record CommitteeEntry(List<String> members) {
    }

    private final Calls calls;
    private final CurrentUsers currentUsers;

    CallController(Calls calls, CurrentUsers currentUsers) {
        this.calls = calls;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/calls")
    List<Call> list() {
        return calls.list(currentUsers.current());
    }

    @GetMapping("/api/calls/{id}")
    Call get(@PathVariable UUID id) {
        return calls.get(id, currentUsers.current());
    }

    @PostMapping("/api/calls")
    ResponseEntity<Call> open(@RequestBody CallEntry entry) {
        Call opened = calls.open(entry, currentUsers.current());
        return ResponseEntity.created(URI.create("/api/calls/" + opened.id())).body(opened);
    }

    @PutMapping("/api/calls/{id}/committee")
    Call nameCommittee(@PathVariable UUID id, @RequestBody CommitteeEntry entry) {
        return calls.nameCommittee(id, entry.members(), currentUsers.current());
    }

    /** The programme office: the ranking with every score; a committee member: the proposals they score. */
    @GetMapping("/api/calls/{id}/proposals")
    List<RankedProposal> proposals(@PathVariable UUID id) {
        CurrentUser user = currentUsers.current();
        if (user.has(Role.PROGRAM_MANAGER) || user.has(Role.ADMIN)) {
            return calls.ranking(id, user);
        }
        if (user.has(Role.STAGE_GATE_COMMITTEE)) {
            return calls.toScore(id, user);
        }
        throw Problem.forbidden("The committee's scores are for the programme office.", "scoresForProgrammeOffice");
    }

    @PutMapping("/api/calls/{id}/proposals/{caseId}/score")
    ResponseEntity<Void> score(@PathVariable UUID id, @PathVariable UUID caseId, @RequestBody ScoreEntry entry) {
        calls.score(id, caseId, entry, currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/calls/{id}/selection")
    Call select(@PathVariable UUID id, @RequestBody SelectionEntry entry) {
        return calls.select(id, entry, currentUsers.current());
    }

    @GetMapping("/api/reports/calls.csv")
    void callsCsv(HttpServletResponse response) throws IOException {
        CurrentUser user = currentUsers.current();
        Calls.requireRankingReader(user);
        CallTables.calls(calls.list(user)).sendCsv("jcm-calls.csv", response);
    }

    @GetMapping("/api/reports/selection.csv")
    void selectionCsv(HttpServletResponse response) throws IOException {
        CallTables.proposals(calls.rankings(currentUsers.current())).sendCsv("jcm-selection.csv", response);
    }

    @GetMapping("/api/reports/calls.xlsx")
    void workbook(HttpServletResponse response) throws IOException {
        CurrentUser user = currentUsers.current();
        Calls.requireRankingReader(user);
        var rankings = calls.rankings(user);
        RecordTable.sendXlsx("jcm-calls.xlsx", List.of(CallTables.calls(calls.list(user)), CallTables.proposals(rankings),
                CallTables.scores(rankings)), response);
    }
}
