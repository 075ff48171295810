package org.jcmflow.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One piece of joint policy work with a partner country's ministry under the MOU: when, what, with whom, how
 * many took part, what came of it and what was handed over or signed; of a case where it came from one.
 */
public record PolicyWork(UUID id, String partnerCountry, UUID caseId, String caseTitle, LocalDate heldOn,
                         PolicyWorkLog.Kind kind, String counterpart, Integer participants, String outcome,
                         String documents, String recordedBy, Instant recordedAt) {
}
