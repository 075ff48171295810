package org.jcmflow.contracts;

import java.util.List;

import org.jcmflow.programme.RecordTable;

/** The contracts' records as the exports' tables: contracts, their changes, and spending per fiscal year. */
final class ContractTables {

    private ContractTables() {
    }

    static RecordTable contracts(List<Contract> contracts) {
        RecordTable table = RecordTable.of("contracts", "contractNumber", "caseId", "caseTitle", "organization", "kind",
                "signedOn", "startsOn", "endsOn", "amountMillionJpy", "currentEndsOn", "currentAmountMillionJpy",
                "executedMillionJpy");
        contracts.forEach(k -> table.row(k.contractNumber(), k.caseId().toString(), k.caseTitle(), k.organization(),
                k.kind().name(), k.signedOn().toString(), k.startsOn().toString(), k.endsOn().toString(),
                k.amountMillionJpy(), k.currentEndsOn().toString(), k.currentAmountMillionJpy(), k.executedMillionJpy()));
        return table;
    }

    static RecordTable changes(List<Contract> contracts) {
        RecordTable table = RecordTable.of("changes", "contractNumber", "changedOn", "endsOn", "amountMillionJpy",
                "reason", "recordedBy", "recordedAt");
        contracts.forEach(k -> k.changes().forEach(c -> table.row(k.contractNumber(), c.changedOn().toString(),
                c.endsOn() == null ? null : c.endsOn().toString(), c.amountMillionJpy(), c.reason(), c.recordedBy(),
                c.recordedAt().toString())));
        return table;
    }

    /** The columns an accounts file is imported with, and then who recorded it when. */
    static RecordTable spending(List<Contract> contracts) {
        RecordTable table = RecordTable.of("spending", "contractNumber", "fiscalYear", "executedMillionJpy",
                "carriedOverMillionJpy", "returnedMillionJpy", "recordedBy", "recordedAt");
        contracts.forEach(k -> k.spending().forEach(s -> table.row(k.contractNumber(), s.fiscalYear(),
                s.executedMillionJpy(), s.carriedOverMillionJpy(), s.returnedMillionJpy(), s.recordedBy(),
                s.recordedAt().toString())));
        return table;
    }
}
