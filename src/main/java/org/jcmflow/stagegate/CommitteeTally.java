package org.jcmflow.stagegate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the committee's valid evaluations add up to: the inputs of the recommendation table.
 *
 * @param criterionAverages      per criterion, over the valid evaluations that scored it (two decimals)
 * @param averageScore           the mean of the criterion averages; null without valid evaluations
 * @param lowestCriterionAverage the weakest criterion's average; null without valid evaluations
 * @param majorityScoredOne      more than half of the valid evaluations scored some criterion 1
 */
public record CommitteeTally(int validEvaluations, Map<Criterion, BigDecimal> criterionAverages,
                             BigDecimal averageScore, BigDecimal lowestCriterionAverage, boolean majorityScoredOne) {

    static CommitteeTally of(List<Evaluation> evaluations) {
        return of(evaluations, Arrays.stream(Criterion.values()).filter(Criterion::scoredByEveryEvaluation).toList());
    }

    /**
     * The tally of a committee that scores the given criteria (a call's selection committee scores those of its
     * call): only evaluations without a declared conflict that score each of them count.
     */
    public static CommitteeTally of(List<Evaluation> evaluations, Collection<Criterion> criteria) {
        List<Evaluation> valid = evaluations.stream().filter(evaluation -> evaluation.validFor(criteria)).toList();
        if (valid.isEmpty()) {
            return new CommitteeTally(0, Map.of(), null, null, false);
        }
        Map<Criterion, BigDecimal> averages = new EnumMap<>(Criterion.class);
        boolean majorityScoredOne = false;
        for (Criterion criterion : Criterion.values()) {
            List<Integer> scores = valid.stream().map(evaluation -> evaluation.scores().get(criterion))
                    .filter(score -> score != null).toList();
            if (scores.isEmpty()) {
                continue; // commercialisation, in a round whose members evaluated before it was a criterion
            }
            int sum = scores.stream().mapToInt(Integer::intValue).sum();
            long ones = scores.stream().filter(score -> score == 1).count();
            averages.put(criterion, average(BigDecimal.valueOf(sum), scores.size()));
            majorityScoredOne |= ones * 2 > scores.size();
        }
        BigDecimal total = averages.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CommitteeTally(valid.size(), Collections.unmodifiableMap(averages),
                average(total, averages.size()), Collections.min(averages.values()), majorityScoredOne);
    }

    /** The commercialisation criterion's average; null when no valid evaluation scored it. */
    BigDecimal commercialisationAverage() {
        return criterionAverages.get(Criterion.COMMERCIALISATION);
    }

    public boolean reaches(int quorum) {
        return validEvaluations >= quorum;
    }

    private static BigDecimal average(BigDecimal sum, int count) {
        return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
