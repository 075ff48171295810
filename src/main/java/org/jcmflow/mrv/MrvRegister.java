package org.jcmflow.mrv;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jcmflow.engine.ProcessContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the methodology register and the monitoring periods as the MRV process goes: its task listeners call it
 * (as {@code mrvRegister}) when a methodology is drafted or decided and when a monitoring report is submitted,
 * verified and credited. It writes in the engine's transaction, so a failed completion records nothing.
 */
@Component("mrvRegister")
public class MrvRegister {

    /** The process variable that holds the register id of the case's methodology. */
    public static final String METHODOLOGY_ID = "methodologyId";
    /** The drafting form's choice, its value for applying an approved methodology, and the one chosen. */
    static final String CHOICE = "methodologyChoice";
    static final String REUSE = "REUSE_APPROVED";
    static final String REUSED_METHODOLOGY = "reusedMethodology";
    /** Whether the case applies an approved methodology, which skips the Joint Committee's decision. */
    static final String REUSED = "methodologyReused";
    static final String APPROVED_METHODOLOGIES = "approvedMethodologies";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    public MrvRegister(JdbcTemplate jdbc, @Value("${jcm.portal.time-zone}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * Offers the drafting step the approved methodologies of the case's partner country, to apply instead: the
     * variable Camunda Tasklist reads (the portal and the API read them afresh, {@link ApprovedMethodologyOptions}).
     */
    public void offerApproved(DelegateTask task) {
        task.setVariable(APPROVED_METHODOLOGIES,
                ApprovedMethodologyOptions.approved(JdbcClient.create(jdbc), ProcessContext.caseId(task)));
    }

    /** A methodology as a choice names it: "VN_AM001: title", or its title alone before it has a reference. */
    static String methodologyLabel(String reference, String title) {
        return reference == null ? title : reference + ": " + title;
    }

    /**
     * The drafting step's outcome: an approved methodology applied as it is (no decision needed), or a drafted
     * one that goes to the Joint Committee as proposed, for the case's partner country.
     */
    public void propose(DelegateTask task) {
        UUID caseId = ProcessContext.caseId(task);
        boolean reused = REUSE.equals(task.getVariable(CHOICE));
        task.getExecution().setVariable(REUSED, reused);
        if (reused) {
            long id = Long.parseLong(text(task, REUSED_METHODOLOGY));
            jdbc.update("update project_case set methodology_id = ? where id = ?", id, caseId);
            task.getExecution().setVariable(METHODOLOGY_ID, id);
            return;
        }
        Timestamp now = now();
        Long id = jdbc.queryForObject("""
                insert into methodology (title, partner_country, status, drafted_by_case, created_at, updated_at)
                select ?, partner_country, 'PROPOSED', id, ?, ? from project_case where id = ?
                returning id""", Long.class, text(task, "methodologyTitle"), now, now, caseId);
        jdbc.update("update project_case set methodology_id = ? where id = ?", id, caseId);
        task.getExecution().setVariable(METHODOLOGY_ID, id);
    }

    /**
     * The Joint Committee's decision, dated the day it was recorded in the programme office's time zone: an approved
     * methodology joins the partner country's register with its reference number and version.
     */
    public void decide(DelegateTask task) {
        long id = ((Number) task.getVariable(METHODOLOGY_ID)).longValue();
        String decision = text(task, "methodologyDecision");
        boolean rejected = "REJECTED".equals(decision);
        jdbc.update("""
                update methodology set status = ?, reference = ?, version = ?, jc_decision_date = ?, updated_at = ?
                where id = ?""",
                decision, rejected ? null : task.getVariable("methodologyReference"),
                rejected ? null : task.getVariable("methodologyVersion"), Date.valueOf(today()), now(), id);
    }

    /** A monitoring report for the current period; a report sent back for corrections is resubmitted over it. */
    public void recordMonitoringReport(DelegateTask task) {
        Timestamp now = now();
        Object document = task.getVariable("monitoringReportDocument");
        jdbc.update("""
                insert into monitoring_period (case_id, period_number, period_start, period_end,
                    monitored_reduction_tco2, monitoring_report_document, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id, period_number) do update set period_start = excluded.period_start,
                    period_end = excluded.period_end, monitored_reduction_tco2 = excluded.monitored_reduction_tco2,
                    monitoring_report_document = excluded.monitoring_report_document,
                    verification_outcome = null, updated_at = excluded.updated_at""",
                ProcessContext.caseId(task), period(task), date(task, "monitoringPeriodStart"), date(task, "monitoringPeriodEnd"),
                decimal(task, "reportedReductionTco2"),
                document == null || document.toString().isBlank() ? null : UUID.fromString(document.toString()),
                now, now);
    }

    /** The third-party entity's verification: verified with a reduction, or corrections requested. */
    public void recordVerification(DelegateTask task) {
        boolean verified = "VERIFIED".equals(task.getVariable("verificationDecision"));
        jdbc.update("""
                update monitoring_period set verification_outcome = ?,
                    corrections_requested = corrections_requested + ?, verified_reduction_tco2 = ?,
                    verified_by = ?, verified_on = ?, updated_at = ?
                where case_id = ? and period_number = ?""",
                text(task, "verificationDecision"), verified ? 0 : 1,
                verified ? decimal(task, "verifiedReductionTco2") : null, ProcessContext.actor(task), Date.valueOf(today()), now(),
                ProcessContext.caseId(task), period(task));
    }

    /**
     * The credits the Joint Committee issued for the verified period; a request it rejects or sends back issues
     * nothing, and its reasons stand in the case's history with the decision.
     */
    public void recordIssuance(DelegateTask task) {
        if (!JcmProcedure.granted(task, JcmProcedure.ISSUANCE_DECISION, JcmProcedure.ISSUED)) {
            return;
        }
        jdbc.update("""
                update monitoring_period set credits_issued_tco2 = ?, issued_on = ?, updated_at = ?
                where case_id = ? and period_number = ?""",
                decimal(task, "creditsIssuedTco2"), date(task, "issuanceDate"), now(), ProcessContext.caseId(task), period(task));
    }


    private static int period(VariableScope scope) {
        Object period = scope.getVariable("monitoringPeriod");
        return period == null ? 1 : ((Number) period).intValue();
    }

    private static String text(VariableScope scope, String name) {
        return Objects.toString(scope.getVariable(name), null);
    }

    private static BigDecimal decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Date date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : Date.valueOf(LocalDate.parse(value.toString()));
    }


    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
