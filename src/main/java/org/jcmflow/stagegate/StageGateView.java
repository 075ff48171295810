package org.jcmflow.stagegate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case's stage gate as the API and the case page show it: every round the committee was convened, with the
 * scores, the recommendation and the programme manager's decision.
 *
 * @param candidates the members a programme manager may convene (none of the proponent's organisation); only
 *                   for those who convene
 */
public record StageGateView(UUID caseId, int quorum, List<RoundView> rounds, List<MemberView> candidates) {

    /**
     * @param members     who was convened; left out for the proponent's organisation (its proponents, and a
     *                    committee member of it), who see the outcome but not who scored what
     * @param evaluations each member's evaluation; likewise left out for the proponent's organisation
     */
    public record RoundView(int round, String convenedBy, Instant convenedAt, Instant deadline, boolean extended,
                            List<MemberView> members, List<EvaluationView> evaluations, int evaluationsReceived,
                            Integer validEvaluations, Map<Criterion, BigDecimal> criterionAverages,
                            BigDecimal averageScore, String recommendation, String decision, Boolean decisionOverrides,
                            String decisionRationale, String revisionConditions, String decidedBy, Instant decidedAt) {
    }

    public record MemberView(String username, String displayName, String organization) {
    }

    /** @param counted whether the scores count towards the recommendation (no conflict of interest declared) */
    public record EvaluationView(String member, boolean conflictOfInterest, boolean counted,
                                 Map<Criterion, Integer> scores, String comment, Instant submittedAt) {
    }
}
