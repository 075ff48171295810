package org.jcmflow.stagegate;

import java.util.Set;

import org.jcmflow.casefile.ConfidentialSteps;

import org.springframework.stereotype.Component;

/** Who was convened and who scored what stay with the programme, as in {@link StageGateQueries}. */
@Component
class CommitteeSteps implements ConfidentialSteps {

    static final String EVALUATE_TASK = "Task_EvaluateCase";

    @Override
    public Set<String> stepKeys() {
        return Set.of(StageGateRules.CONVENE_TASK, EVALUATE_TASK, CommitteeStandIns.STEP);
    }
}
