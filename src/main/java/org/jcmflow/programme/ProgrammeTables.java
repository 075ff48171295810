package org.jcmflow.programme;

import java.util.List;

/** The programme's settings, evaluations, targets and policy work as the exports' tables. */
final class ProgrammeTables {

    private ProgrammeTables() {
    }

    static RecordTable settings(ProgrammeSettings.Settings s) {
        return RecordTable.of("settings", "pjCode", "department", "contractType", "account", "firstFiscalYear",
                "lastFiscalYear", "updatedBy", "updatedAt").row(s.pjCode(), s.department(), s.contractType().name(),
                s.account(), s.firstFiscalYear(), s.lastFiscalYear(), s.updatedBy(), s.updatedAt().toString());
    }

    static RecordTable evaluations(List<Evaluation> evaluations) {
        RecordTable table = RecordTable.of("evaluations", "id", "kind", "heldOn", "result", "recordedBy",
                "recordedAt");
        evaluations.forEach(e -> table.row(e.id().toString(), e.kind().name(), e.heldOn().toString(), e.result(),
                e.recordedBy(), e.recordedAt().toString()));
        return table;
    }

    static RecordTable policyWork(List<PolicyWork> work) {
        RecordTable table = RecordTable.of("policyWork", "id", "partnerCountry", "caseId", "caseTitle", "heldOn",
                "kind", "counterpart", "participants", "outcome", "documents", "recordedBy", "recordedAt");
        work.forEach(w -> table.row(w.id().toString(), w.partnerCountry(),
                w.caseId() == null ? null : w.caseId().toString(), w.caseTitle(), w.heldOn().toString(),
                w.kind().name(), w.counterpart(), w.participants(), w.outcome(), w.documents(), w.recordedBy(),
                w.recordedAt().toString()));
        return table;
    }

    static RecordTable targets(List<Target> targets) {
        RecordTable table = RecordTable.of("targets", "indicator", "targetValue", "deadlineFiscalYear", "revisedOn",
                "reason", "recordedBy", "recordedAt");
        targets.forEach(t -> table.row(t.indicator().name(), t.targetValue(), t.deadlineFiscalYear(),
                t.revisedOn().toString(), t.reason(), t.recordedBy(), t.recordedAt().toString()));
        return table;
    }
}
