package org.jcmflow.mrv;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.lifecycle.DueDates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Due dates of the steps whose time the JCM Project Cycle Procedure sets, per partner country ({@link JcmPeriods}),
 * for the BPMN: {@code camunda:dueDate="${jcmDueDates.of(execution, 'Task_X')}"} and its reminder,
 * {@code ${jcmDueDates.reminderOf(execution, 'Task_X')}}. Times come from the engine's clock.
 */
@Component("jcmDueDates")
@EnableConfigurationProperties(JcmPeriods.class)
public class JcmDueDates {

    /** The procedure's period of each such step. */
    static final Map<String, JcmPeriods.Period> PERIOD_OF_TASK = Map.of(
            "Task_CheckMethodologyCompleteness", JcmPeriods.Period.COMPLETENESS_CHECK,
            "Task_DecideMethodology", JcmPeriods.Period.CONSIDERATION);

    private final JcmPeriods periods;
    private final DueDates dueDates;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JcmDueDates(JcmPeriods periods, DueDates dueDates, JdbcTemplate jdbc, Clock clock) {
        this.periods = periods;
        this.dueDates = dueDates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the step of the case started now is due, by the period of the case's partner country. */
    public Date of(VariableScope execution, String taskKey) {
        JcmPeriods.Period period = PERIOD_OF_TASK.get(taskKey);
        if (period == null) {
            throw new IllegalStateException(taskKey + " has no period of the JCM procedure");
        }
        return Date.from(periods.end(partnerCountry(jdbc, ProcessContext.caseId(execution).toString()), period,
                clock.instant()));
    }

    /** When the reminder of that step goes out. */
    public Date reminderOf(VariableScope execution, String taskKey) {
        return dueDates.reminderBefore(of(execution, taskKey));
    }

    static String partnerCountry(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject("select partner_country from project_case where id = ?::uuid", String.class,
                caseId);
    }
}
