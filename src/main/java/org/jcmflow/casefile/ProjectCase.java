package org.jcmflow.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A JCM project as the programme office records it. */
public record ProjectCase(
        UUID id,
        String title,
        String partnerCountry,
        String technology,
        BigDecimal estimatedReductionTco2PerYear,
        BigDecimal budgetMillionJpy,
        int fiscalYear,
        String organization,
        String createdBy,
        Instant createdAt,
        Stage stage,
        Instant stageEnteredAt,
        String transferScheme) {
}
