package org.jcmflow.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jcmflow.contracts.ContractKind;
import org.jcmflow.stagegate.Criterion;

/** A call as the API and the pages show it, with its committee and, once recorded, its selection. */
public record Call(UUID id, String title, int fiscalYear, LocalDate opensOn, LocalDate closesOn,
                   List<ContractKind> kinds, List<Criterion> criteria, Status status, String openedBy,
                   Instant openedAt, List<Member> committee, int proposals, String selectionRationale,
                   String selectedBy, Instant selectedAt) {

    /** Where the call stands: before its window, in it, after it, or with its selection recorded. */
    public enum Status {
        UPCOMING, OPEN, CLOSED, SELECTED
    }

    public record Member(String username, String displayName, String organization) {
    }
}
