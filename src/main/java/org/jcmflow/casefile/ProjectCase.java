package org.jcmflow.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A JCM project as the programme office records it. {@code stage} is the case's main line (the demonstration and
 * its follow-up among its stages); {@code jcmTrackStage} the JCM track that runs beside it from the MOU on.
 */
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
        String transferScheme,
        JcmTrackStage jcmTrackStage,
        Instant jcmTrackStageEnteredAt) {
}
