package org.jcmflow.stagegate;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
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
        return validFor(Arrays.stream(Criterion.values()).filter(Criterion::scoredByEveryEvaluation).toList());
    }

    /** Counts towards a committee's result that scores the given criteria: no conflict declared, each scored. */
    public boolean validFor(Collection<Criterion> criteria) {
        return !conflictOfInterest && scores.keySet().containsAll(criteria);
    }
}
