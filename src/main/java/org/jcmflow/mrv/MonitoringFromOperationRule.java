package org.jcmflow.mrv;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jcmflow.engine.ProcessContext;
import org.jcmflow.tasks.CompletionRule;
import org.jcmflow.problem.InvalidInput.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The JCM track runs beside the demonstration from the MOU on, and the demonstration itself measures the
 * reductions: a monitoring period of a case with a demonstration starts with the technology's operation, never
 * before it was commissioned. Technology installed before an MRV application survey is in operation already.
 */
@Component
class MonitoringFromOperationRule implements CompletionRule {

    static final String TASK = "Task_SubmitMonitoringReport";
    static final String FIELD = "monitoringPeriodStart";

    private final JdbcClient jdbc;

    MonitoringFromOperationRule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable) {
        if (!TASK.equals(taskKey)) {
            return List.of();
        }
        UUID caseId = UUID.fromString(String.valueOf(variable.apply(ProcessContext.CASE_ID)));
        if (!demonstrated(caseId)) {
            return List.of();
        }
        Optional<String> commissioned = commissioningDate(caseId);
        if (commissioned.isEmpty()) {
            return List.of(FieldProblem.coded(FIELD, "the demonstration's technology is not in operation yet: "
                    + "monitoring starts once it is commissioned", "notInOperation"));
        }
        LocalDate start = LocalDate.parse((String) values.get(FIELD));
        if (start.isBefore(LocalDate.parse(commissioned.get()))) {
            return List.of(FieldProblem.coded(FIELD, "must not be before the technology went into operation ("
                    + commissioned.get() + ")", "beforeOperation", commissioned.get()));
        }
        return List.of();
    }

    private boolean demonstrated(UUID caseId) {
        return jdbc.sql("""
                        select exists (select 1 from case_stage_period
                                       where case_id = ? and track = 'MAIN' and stage = 'DEMONSTRATION')""")
                .param(caseId).query(Boolean.class).single();
    }

    private Optional<String> commissioningDate(UUID caseId) {
        return jdbc.sql("""
                        select details ->> 'commissioningDate' from case_history
                        where case_id = ? and step_key = 'Task_CommissionTechnology'
                        order by occurred_at desc, id desc limit 1""")
                .param(caseId).query(String.class).optional();
    }
}
