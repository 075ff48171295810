package org.jcmflow.mrv;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jcmflow.engine.ProcessContext;
import org.jcmflow.tasks.CompletionRule;
import org.jcmflow.problem.InvalidInput.FieldProblem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A methodology applied instead of drafted must be in the register, approved, for the case's partner country. */
@Component
class MrvRules implements CompletionRule {

    static final String DRAFT_TASK = "Task_DraftMethodology";

    private final JdbcTemplate jdbc;

    MrvRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable) {
        if (!DRAFT_TASK.equals(taskKey) || !MrvRegister.REUSE.equals(values.get(MrvRegister.CHOICE))) {
            return List.of();
        }
        Object chosen = values.get(MrvRegister.REUSED_METHODOLOGY);
        long id;
        try {
            id = Long.parseLong(String.valueOf(chosen));
        } catch (NumberFormatException notAnId) {
            return List.of(notApplicable());
        }
        Integer approved = jdbc.queryForObject("""
                select count(*) from methodology m join project_case c on c.partner_country = m.partner_country
                where c.id = ? and m.id = ? and m.status in ('APPROVED', 'APPROVED_WITH_REVISIONS')""",
                Integer.class, UUID.fromString(String.valueOf(variable.apply(ProcessContext.CASE_ID))), id);
        return approved != null && approved > 0 ? List.of() : List.of(notApplicable());
    }

    private static FieldProblem notApplicable() {
        return FieldProblem.coded(MrvRegister.REUSED_METHODOLOGY,
                "must be a methodology approved for the case's partner country", "methodologyNotApplicable");
    }
}
