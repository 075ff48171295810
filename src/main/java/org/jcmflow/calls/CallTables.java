package org.jcmflow.calls;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jcmflow.programme.RecordTable;

/** The calls' records as the exports' tables: the calls, their proposals as ranked, and every score. */
final class CallTables {

    private CallTables() {
    }

    static RecordTable calls(List<Call> calls) {
        RecordTable table = RecordTable.of("calls", "id", "title", "fiscalYear", "opensOn", "closesOn", "kinds",
                "criteria", "status", "committee", "proposals", "openedBy", "openedAt", "selectionRationale",
                "selectedBy", "selectedAt");
        calls.forEach(k -> table.row(k.id().toString(), k.title(), k.fiscalYear(), k.opensOn().toString(),
                k.closesOn().toString(), names(k.kinds()), names(k.criteria()), k.status().name(),
                k.committee().stream().map(Call.Member::username).collect(Collectors.joining(" ")), k.proposals(),
                k.openedBy(), k.openedAt().toString(), k.selectionRationale(), k.selectedBy(),
                k.selectedAt() == null ? null : k.selectedAt().toString()));
        return table;
    }

    static RecordTable proposals(Map<Call, List<RankedProposal>> rankings) {
        RecordTable table = RecordTable.of("proposals", "callId", "callTitle", "caseId", "caseTitle", "organization",
                "partnerCountry", "budgetMillionJpy", "validEvaluations", "averageScore", "ranking", "selected");
        rankings.forEach((call, proposals) -> proposals.forEach(p -> table.row(call.id().toString(), call.title(),
                p.caseId().toString(), p.title(), p.organization(), p.partnerCountry(), p.budgetMillionJpy(),
                p.validEvaluations(), p.averageScore(), p.ranking(),
                p.selected() == null ? null : p.selected().toString())));
        return table;
    }

    static RecordTable scores(Map<Call, List<RankedProposal>> rankings) {
        RecordTable table = RecordTable.of("scores", "callId", "caseId", "member", "conflictOfInterest", "scores",
                "comment", "submittedAt");
        rankings.forEach((call, proposals) -> proposals.forEach(p -> p.scores().forEach(s -> table.row(
                call.id().toString(), p.caseId().toString(), s.member(), String.valueOf(s.conflictOfInterest()),
                s.scores().entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")), s.comment(), s.submittedAt().toString()))));
        return table;
    }

    private static String names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(" "));
    }
}
