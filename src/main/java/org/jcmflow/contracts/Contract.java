package org.jcmflow.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contract as the API and the pages show it: as signed, as it stands after its changes, the changes in the
 * order agreed, and what was spent under it per fiscal year.
 */
public record Contract(UUID id, String contractNumber, UUID caseId, String caseTitle, String organization,
                       ContractKind kind, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn,
                       BigDecimal amountMillionJpy, LocalDate currentEndsOn, BigDecimal currentAmountMillionJpy,
                       List<Change> changes, List<Spending> spending, BigDecimal executedMillionJpy) {

    public record Change(LocalDate changedOn, LocalDate endsOn, BigDecimal amountMillionJpy, String reason,
                         String recordedBy, Instant recordedAt) {
    }

    public record Spending(int fiscalYear, BigDecimal executedMillionJpy, BigDecimal carriedOverMillionJpy,
                           BigDecimal returnedMillionJpy, String recordedBy, Instant recordedAt) {
    }
}
