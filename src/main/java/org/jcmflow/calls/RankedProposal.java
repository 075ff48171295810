package org.jcmflow.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jcmflow.stagegate.Criterion;

/**
 * A proposal of a call with the committee's scores: the average over the valid evaluations, its place in the
 * ranking (null short of the quorum), and whether it was selected once the selection is recorded.
 */
public record RankedProposal(UUID caseId, String title, String organization, String partnerCountry,
                             BigDecimal budgetMillionJpy, int validEvaluations, BigDecimal averageScore, Integer ranking,
                             Boolean selected, List<Score> scores) {

    public record Score(String member, boolean conflictOfInterest, Map<Criterion, Integer> scores, String comment,
                        Instant submittedAt) {
    }
}
