package org.jcmflow.mrv;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One methodology of the register, as the API and the case page show it. */
public record Methodology(long id, String title, String partnerCountry, MethodologyStatus status, String reference,
                          String version,
                          UUID draftedByCase, LocalDate jcDecisionDate, Instant createdAt, Instant updatedAt) {
}
