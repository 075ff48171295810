package org.jcmflow.stagegate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jcmflow.tasks.CompletionRule;
import org.jcmflow.problem.InvalidInput.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * The committee's rules a form cannot state: a committee large enough to reach its quorum, and a written
 * rationale whenever the programme manager departs from the committee's recommendation.
 */
@Component
class StageGateRules implements CompletionRule {

    static final String CONVENE_TASK = "Task_ConveneCommittee";
    static final String CONFIRM_TASK = "Task_ConfirmStageGateDecision";

    private final StageGateProperties properties;

    StageGateRules(StageGateProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable) {
        if (CONVENE_TASK.equals(taskKey)) {
            Object members = values.get(StageGateCommittee.MEMBERS);
            int chosen = members instanceof Collection<?> list ? list.size() : 0;
            if (chosen < properties.quorum()) {
                return List.of(FieldProblem.coded(StageGateCommittee.MEMBERS, "must name at least "
                        + properties.quorum() + " members, the committee's quorum", "belowQuorum",
                        String.valueOf(properties.quorum())));
            }
        }
        if (CONFIRM_TASK.equals(taskKey)) {
            Object recommendation = variable.apply(StageGateCommittee.RECOMMENDATION);
            Object rationale = values.get("decisionRationale");
            boolean overrides = !Objects.equals(values.get("stageGateDecision"), recommendation);
            if (overrides && (rationale == null || rationale.toString().isBlank())) {
                return List.of(FieldProblem.coded("decisionRationale",
                        "is required when the decision differs from the committee's recommendation ("
                                + recommendation + ")", "rationaleOnOverride", String.valueOf(recommendation)));
            }
        }
        return List.of();
    }
}
