package org.jcmflow.mrv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.tasks.FormOptionSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approved methodologies of the case's partner country, offered where the drafting step may apply one instead
 * of proposing its own: read when the form is shown, so a methodology the Joint Committee approves while the step
 * is open is offered too (Camunda Tasklist reads the variable set when the step opened).
 */
@Component
class ApprovedMethodologyOptions implements FormOptionSource {

    private final JdbcClient jdbc;

    ApprovedMethodologyOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String valuesKey() {
        return MrvRegister.APPROVED_METHODOLOGIES;
    }

    @Override
    public List<Map<String, String>> options(UUID caseId) {
        return approved(jdbc, caseId);
    }

    /** The options as form-js lists them, also set as the drafting step's variable when it opens. */
    static List<Map<String, String>> approved(JdbcClient jdbc, UUID caseId) {
        return jdbc.sql("""
                        select m.id, m.title, m.reference from methodology m join project_case c
                          on c.partner_country = m.partner_country
                        where c.id = ? and m.status in ('APPROVED', 'APPROVED_WITH_REVISIONS') order by m.id""")
                .param(caseId).query((rs, row) -> {
                    Map<String, String> option = new LinkedHashMap<>();
                    option.put("label", MrvRegister.methodologyLabel(rs.getString("reference"), rs.getString("title")));
                    option.put("value", String.valueOf(rs.getLong("id")));
                    return option;
                }).list();
    }

    @Override
    public Optional<String> label(String value) {
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
        return jdbc.sql("select reference, title from methodology where id = ?").param(id)
                .query((rs, row) -> MrvRegister.methodologyLabel(rs.getString(1), rs.getString(2))).optional();
    }
}
