package org.jcmflow.stagegate;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * One member's evaluation in one round.
 *
 * @param scores empty when the member declared a conflict of interest
 */
public record Evaluation(String member, boolean conflictOfInterest, Map<Criterion, Integer> scores, String comment,
                         Instant submittedAt) {

    /**
     * Counts towards the recommendation: no conflict declared, every criterion scored (but commercialisation by
     * evaluations given before it was a criterion).
     */
    boolean valid() {
        return !conflictOfInterest && Arrays.stream(Criterion.values())
                .allMatch(criterion -> scores.containsKey(criterion) || !criterion.scoredByEveryEvaluation());
    }
}
