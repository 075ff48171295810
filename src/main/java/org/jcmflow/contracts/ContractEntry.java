package org.jcmflow.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A contract as signed: what POST /api/contracts takes. The service checks every field and names each bad one. */
public record ContractEntry(String contractNumber, UUID caseId, ContractKind kind, LocalDate signedOn,
                            LocalDate startsOn, LocalDate endsOn, BigDecimal amountMillionJpy) {
}
