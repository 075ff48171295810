package org.jcmflow.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommitteeTallyTest {

    private static Evaluation scored(String member, int technical, int ghg, int dissemination, int cost, int policy) {
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        scores.put(Criterion.TECHNICAL_EFFECTIVENESS, technical);
        scores.put(Criterion.GHG_REDUCTION, ghg);
        scores.put(Criterion.DISSEMINATION_POTENTIAL, dissemination);
        scores.put(Criterion.COST_EFFECTIVENESS, cost);
        scores.put(Criterion.POLICY_FIT, policy);
        return new Evaluation(member, false, scores, "", Instant.EPOCH);
    }

    private static Evaluation withCommercialisation(Evaluation evaluation, int commercialisation) {
        Map<Criterion, Integer> scores = new EnumMap<>(evaluation.scores());
        scores.put(Criterion.COMMERCIALISATION, commercialisation);
        return new Evaluation(evaluation.member(), false, scores, "", Instant.EPOCH);
    }

    private static Evaluation conflicted(String member) {
        return new Evaluation(member, true, Map.of(), "conflict", Instant.EPOCH);
    }

    @Test
    void averagesEachCriterionOverTheValidEvaluationsOnly() {
        CommitteeTally tally = CommitteeTally.of(List.of(
                scored("a", 5, 4, 3, 2, 1), scored("b", 4, 4, 4, 4, 4), conflicted("c")));
        assertThat(tally.validEvaluations()).isEqualTo(2);
        assertThat(tally.criterionAverages().get(Criterion.TECHNICAL_EFFECTIVENESS)).isEqualByComparingTo("4.50");
        assertThat(tally.criterionAverages().get(Criterion.POLICY_FIT)).isEqualByComparingTo("2.50");
        assertThat(tally.averageScore()).isEqualByComparingTo("3.50");
        assertThat(tally.lowestCriterionAverage()).isEqualByComparingTo("2.50");
        assertThat(tally.majorityScoredOne()).isFalse();
        assertThat(tally.reaches(3)).isFalse();
        assertThat(tally.reaches(2)).isTrue();
    }

    @Test
    void aCriterionScoredOneByMoreThanHalfIsFlagged() {
        assertThat(CommitteeTally.of(List.of(scored("a", 1, 4, 4, 4, 4), scored("b", 1, 4, 4, 4, 4),
                scored("c", 5, 4, 4, 4, 4))).majorityScoredOne()).isTrue();
        // half is not a majority
        assertThat(CommitteeTally.of(List.of(scored("a", 1, 4, 4, 4, 4), scored("b", 5, 4, 4, 4, 4)))
                .majorityScoredOne()).isFalse();
    }

    @Test
    void withoutValidEvaluationsThereIsNothingToAverage() {
        CommitteeTally tally = CommitteeTally.of(List.of(conflicted("a")));
        assertThat(tally.validEvaluations()).isZero();
        assertThat(tally.averageScore()).isNull();
        assertThat(tally.reaches(1)).isFalse();
    }

    @Test
    void commercialisationIsAveragedLikeEveryCriterion() {
        CommitteeTally tally = CommitteeTally.of(List.of(withCommercialisation(scored("a", 4, 4, 4, 4, 4), 2),
                withCommercialisation(scored("b", 4, 4, 4, 4, 4), 3)));
        assertThat(tally.commercialisationAverage()).isEqualByComparingTo("2.50");
        assertThat(tally.lowestCriterionAverage()).isEqualByComparingTo("2.50");
        assertThat(tally.averageScore()).isEqualByComparingTo("3.75");
    }

    /** A round whose members evaluated before commercialisation was a criterion is decided on the other five. */
    @Test
    void evaluationsGivenBeforeCommercialisationWasACriterionStillCount() {
        CommitteeTally tally = CommitteeTally.of(List.of(scored("a", 4, 4, 4, 4, 4),
                withCommercialisation(scored("b", 4, 4, 4, 4, 4), 5)));
        assertThat(tally.validEvaluations()).isEqualTo(2);
        assertThat(tally.commercialisationAverage()).isEqualByComparingTo("5.00");
        assertThat(CommitteeTally.of(List.of(scored("a", 4, 4, 4, 4, 4))).commercialisationAverage()).isNull();
    }
}
