package org.jcmflow.stagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the recommendation table in bpmn/, and the edges between them. */
class StageGateRecommendationTableTest {

    static DmnEngine dmn;
    static DmnDecision table;

    @BeforeAll
    static void readTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = StageGateRecommendationTableTest.class.getResourceAsStream(
                "/bpmn/stage-gate-recommendation.dmn")) {
            table = dmn.parseDecision("stage-gate-recommendation", in);
        }
    }

    @ParameterizedTest(name = "majority scored 1: {0}, average {1}, lowest criterion {2}, commercialisation {3} -> {4}")
    @CsvSource({
            // a criterion most members scored 1 rules the case out, however good the rest
            "true,  4.6, 1.0, 4.0, NOT_APPROPRIATE",
            "true,  2.0, 1.0, 1.0, NOT_APPROPRIATE",
            // no prospect of commercialisation rules it out too: the gate is the commercialisation evaluation
            "false, 4.2, 1.67, 1.67, NOT_APPROPRIATE",
            "false, 3.0, 1.0, 1.99, NOT_APPROPRIATE",
            // good overall, no weak criterion, good prospects of commercialisation
            "false, 3.5, 3.0, 3.5, APPROPRIATE",
            "false, 5.0, 5.0, 5.0, APPROPRIATE",
            // a round evaluated before commercialisation was a criterion: judged on the other criteria
            "false, 3.5, 3.0, , APPROPRIATE",
            "false, 3.0, 3.0, , CONDITIONAL",
            "false, 2.4, 2.0, , NOT_APPROPRIATE",
            // good overall but only fair prospects of commercialisation: conditions to meet
            "false, 4.2, 3.0, 3.0, CONDITIONAL",
            "false, 3.8, 2.0, 2.0, CONDITIONAL",
            // good overall but one weak criterion: conditions to meet
            "false, 4.2, 2.67, 4.0, CONDITIONAL",
            // acceptable overall
            "false, 3.49, 3.0, 4.0, CONDITIONAL",
            "false, 2.5, 2.0, 3.0, CONDITIONAL",
            // poor overall
            "false, 2.49, 2.0, 3.0, NOT_APPROPRIATE",
            "false, 1.2, 1.0, 2.0, NOT_APPROPRIATE",
    })
    void theScoresGiveTheRecommendation(boolean majorityScoredOne, double averageScore, double lowestCriterionAverage,
                                        Double commercialisationAverage, String recommendation) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("majorityScoredOne", majorityScoredOne);
        inputs.put("averageScore", averageScore);
        inputs.put("lowestCriterionAverage", lowestCriterionAverage);
        inputs.put("commercialisationAverage", commercialisationAverage);
        assertThat((Object) dmn.evaluateDecisionTable(table, inputs).getSingleEntry()).isEqualTo(recommendation);
    }
}
