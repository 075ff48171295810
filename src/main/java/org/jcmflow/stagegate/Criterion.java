package org.jcmflow.stagegate;

/**
 * The criteria every committee member scores from 1 (poor) to 5 (excellent). The gate is the programme's
 * commercialisation evaluation (事業化評価): the prospects of commercialisation weigh in the recommendation of their
 * own (stage-gate-recommendation.dmn).
 */
public enum Criterion {
    TECHNICAL_EFFECTIVENESS("scoreTechnicalEffectiveness", "score_technical"),
    GHG_REDUCTION("scoreGhgReduction", "score_ghg_reduction"),
    DISSEMINATION_POTENTIAL("scoreDisseminationPotential", "score_dissemination"),
    COST_EFFECTIVENESS("scoreCostEffectiveness", "score_cost_effectiveness"),
    POLICY_FIT("scorePolicyFit", "score_policy_fit"),
    COMMERCIALISATION("scoreCommercialisation", "score_commercialisation");

    private final String formKey;
    private final String column;

    Criterion(String formKey, String column) {
        this.formKey = formKey;
        this.column = column;
    }

    /** The field of the evaluation form, and the process variable, holding the score. */
    String formKey() {
        return formKey;
    }

    String column() {
        return column;
    }

    /** Evaluations submitted before commercialisation became a criterion have no score for it, and still count. */
    boolean scoredByEveryEvaluation() {
        return this != COMMERCIALISATION;
    }
}
