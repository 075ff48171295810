package org.jcmflow.calls;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jcmflow.engine.ProcessContext;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.tasks.CompletionRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A proposal of a call is screened by the call's selection, not one by one: its screening step completes only as
 * the recorded selection decided it. Proposals of no call are screened on their own, as before calls were kept.
 */
@Component
class SelectionRule implements CompletionRule {

    private final JdbcClient jdbc;

    SelectionRule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable) {
        if (!Calls.SCREENING_TASK.equals(taskKey)) {
            return List.of();
        }
        UUID caseId = UUID.fromString(String.valueOf(variable.apply(ProcessContext.CASE_ID)));
        boolean inACall = jdbc.sql("select count(*) from project_case where id = ? and call_id is not null")
                .param(caseId).query(Long.class).single() > 0;
        if (!inACall) {
            return List.of();
        }
        Boolean selected = jdbc.sql("select selected from selection_decision where case_id = ?").param(caseId)
                .query(Boolean.class).optional().orElse(null);
        String decision = selected == null ? null : selected ? "ACCEPT" : "REJECT";
        if (decision == null || !decision.equals(values.get("screeningDecision"))) {
            return List.of(FieldProblem.coded("screeningDecision",
                    "is decided by the selection of the proposal's call for proposals", "decidedBySelection"));
        }
        return List.of();
    }
}
