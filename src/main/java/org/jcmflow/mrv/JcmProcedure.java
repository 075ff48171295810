package org.jcmflow.mrv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jcmflow.engine.ProcessContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the steps of the Joint Committee's procedure as the JCM track goes (its task listeners call it as
 * {@code jcmProcedure}): the completeness check, the periods of public inputs, the project design document with its
 * MoC statement, validation, the registration request and registration, the issuance request, and the issuance into
 * the registries' accounts once both governments are notified. It writes in the engine's transaction, so a failed
 * completion records nothing. Process variables carry only what the process's gateways and timers read.
 */
@Component("jcmProcedure")
public class JcmProcedure {

    /** When the open period of public inputs closes: its timer's due date. */
    public static final String PUBLIC_INPUTS_CLOSE_AT = "publicInputsCloseAt";
    static final String DESIGNATED_TPES = DesignatedTpes.VALUES_KEY;
    /**
     * The Joint Committee's decision on a request for registration and on a request for issuance, and the value
     * that grants it; any other (rejected, sent back for revision) sends the request back to the project
     * participants, who revise it and request again.
     */
    static final String REGISTRATION_DECISION = "registrationDecision";
    static final String REGISTERED = "REGISTERED";
    static final String ISSUANCE_DECISION = "issuanceDecision";
    static final String ISSUED = "ISSUED";

    /** The accounts the MoC statement shares the credits among, in the order of the form. */
    enum Account {
        JAPANESE_GOVERNMENT("JAPAN", "japaneseGovernmentSharePercent"),
        PARTNER_GOVERNMENT("PARTNER", "partnerGovernmentSharePercent"),
        JAPANESE_PARTICIPANT("JAPAN", "japaneseParticipantSharePercent"),
        PARTNER_PARTICIPANT("PARTNER", "partnerParticipantSharePercent");

        final String registry;
        final String field;

        Account(String registry, String field) {
            this.registry = registry;
            this.field = field;
        }
    }

    private final JdbcClient jdbc;
    private final PublicInputs publicInputs;
    private final DesignatedTpes designatedTpes;
    private final Clock clock;
    private final ZoneId zone;

    public JcmProcedure(JdbcClient jdbc, PublicInputs publicInputs, DesignatedTpes designatedTpes, Clock clock,
                        @Value("${jcm.portal.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.publicInputs = publicInputs;
        this.designatedTpes = designatedTpes;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The JC secretariat's completeness check of the proposed methodology: complete, it is open to public inputs
     * (the process waits for their end); incomplete, it goes back to the proponent.
     */
    public void checkCompleteness(DelegateTask task) {
        long methodologyId = ((Number) task.getVariable(MrvRegister.METHODOLOGY_ID)).longValue();
        String outcome = text(task, "completenessOutcome");
        boolean complete = "COMPLETE".equals(outcome);
        jdbc.sql("""
                        update methodology set completeness_outcome = ?, completeness_checked_on = ?,
                            status = case when ? then status else 'DRAFTED' end, updated_at = ?
                        where id = ?""")
                .params(outcome, Date.valueOf(today()), complete, now(), methodologyId).update();
        if (complete) {
            String title = jdbc.sql("select title from methodology where id = ?").param(methodologyId)
                    .query(String.class).single();
            Instant closes = publicInputs.open(ProcessContext.caseId(task), PublicInputSubject.METHODOLOGY,
                    methodologyId, title);
            task.getExecution().setVariable(PUBLIC_INPUTS_CLOSE_AT, java.util.Date.from(closes));
        }
    }

    /** The timer at the end of the period of public inputs fired: no more comments. */
    public void closePublicInputs(DelegateExecution execution) {
        publicInputs.closeOpen(ProcessContext.caseId(execution));
    }

    /** Offers the TPEs designated for the case's partner country to the step that names one (in Camunda Tasklist). */
    public void offerDesignatedTpes(DelegateTask task) {
        task.setVariable(DESIGNATED_TPES, designatedTpes.options(ProcessContext.caseId(task)));
    }

    /**
     * The project participants' PDD with its MoC statement (focal point, allocation of credits among the accounts),
     * published for public inputs; the process waits for their end before validation.
     */
    public void submitProjectDesign(DelegateTask task) {
        UUID caseId = ProcessContext.caseId(task);
        jdbc.sql("""
                        insert into project_design (case_id, document_id, sectoral_scope, tpe_id, focal_point,
                                                    focal_point_email, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) do update set document_id = excluded.document_id,
                            sectoral_scope = excluded.sectoral_scope, tpe_id = excluded.tpe_id,
                            focal_point = excluded.focal_point, focal_point_email = excluded.focal_point_email,
                            submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
                            validation_outcome = null, validated_by = null, validated_on = null""")
                .params(caseId, UUID.fromString(text(task, "projectDesignDocument")),
                        Integer.parseInt(text(task, "sectoralScope")), Long.parseLong(text(task, "tpeId")),
                        text(task, "focalPoint"), text(task, "focalPointEmail"), ProcessContext.actor(task), now())
                .update();
        jdbc.sql("delete from credit_allocation where case_id = ?").param(caseId).update();
        Map<Account, String> holders = holders(caseId, text(task, "partnerParticipant"));
        for (Account account : Account.values()) {
            jdbc.sql("""
                            insert into credit_allocation (case_id, account_kind, holder, share_percent)
                            values (?, ?, ?, ?)""")
                    .params(caseId, account.name(), holders.get(account), decimal(task, account.field)).update();
        }
        String title = jdbc.sql("select title from project_case where id = ?").param(caseId).query(String.class)
                .single();
        Instant closes = publicInputs.open(caseId, PublicInputSubject.PROJECT_DESIGN, null, title);
        task.getExecution().setVariable(PUBLIC_INPUTS_CLOSE_AT, java.util.Date.from(closes));
    }

    /** The TPE's validation of the PDD (a case whose PDD predates the procedure's records has none to mark). */
    public void recordValidation(DelegateTask task) {
        jdbc.sql("""
                        update project_design set validation_outcome = ?, validated_by = ?, validated_on = ?
                        where case_id = ?""")
                .params(text(task, "validationDecision"), ProcessContext.actor(task), Date.valueOf(today()),
                        ProcessContext.caseId(task))
                .update();
    }

    public void requestRegistration(DelegateTask task) {
        jdbc.sql("""
                        insert into project_registration (case_id, requested_by, requested_at) values (?, ?, ?)
                        on conflict (case_id) do update set requested_by = excluded.requested_by,
                            requested_at = excluded.requested_at""")
                .params(ProcessContext.caseId(task), ProcessContext.actor(task), now()).update();
    }

    /**
     * The Joint Committee's registration: its number, date and the crediting period. A request it rejects or sends
     * back registers nothing; its reasons stand in the case's history with the decision.
     */
    public void register(DelegateTask task) {
        if (!granted(task, REGISTRATION_DECISION, REGISTERED)) {
            return;
        }
        jdbc.sql("""
                        insert into project_registration (case_id, requested_by, requested_at, registration_number,
                            registered_on, crediting_period_start, crediting_period_end)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) do update set registration_number = excluded.registration_number,
                            registered_on = excluded.registered_on,
                            crediting_period_start = excluded.crediting_period_start,
                            crediting_period_end = excluded.crediting_period_end""")
                .params(ProcessContext.caseId(task), ProcessContext.actor(task), now(),
                        text(task, "registrationNumber"), date(task, "registrationDate"),
                        date(task, "creditingPeriodStart"), date(task, "creditingPeriodEnd"))
                .update();
    }

    public void requestIssuance(DelegateTask task) {
        jdbc.sql("""
                        update monitoring_period set issuance_requested_tco2 = ?, issuance_requested_at = ?,
                            updated_at = ?
                        where case_id = ? and period_number = ?""")
                .params(decimal(task, "creditsRequestedTco2"), now(), now(), ProcessContext.caseId(task),
                        period(task))
                .update();
    }

    /**
     * Both governments notified of the Joint Committee's issuance decision: the credits go into the registries'
     * accounts, shared as the MoC statement says.
     */
    public void notifyGovernments(DelegateTask task) {
        UUID caseId = ProcessContext.caseId(task);
        int period = period(task);
        jdbc.sql("""
                        update monitoring_period set japan_notified_on = ?, partner_notified_on = ?, updated_at = ?
                        where case_id = ? and period_number = ?""")
                .params(date(task, "japanNotifiedOn"), date(task, "partnerNotifiedOn"), now(), caseId, period)
                .update();
        Map<String, Object> issued = jdbc.sql("""
                        select credits_issued_tco2, issued_on from monitoring_period
                        where case_id = ? and period_number = ?""")
                .params(caseId, period).query().singleRow();
        BigDecimal credits = (BigDecimal) issued.get("credits_issued_tco2");
        String country = partnerCountry(caseId);
        for (Share share : split(credits, allocation(caseId))) {
            jdbc.sql("""
                            insert into registry_entry (case_id, period_number, registry, account_kind, holder,
                                                        partner_country, credits_tco2, issued_on)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (case_id, period_number, account_kind) do update
                                set credits_tco2 = excluded.credits_tco2, issued_on = excluded.issued_on""")
                    .params(caseId, period, share.account().registry, share.account().name(), share.holder(),
                            country, share.credits(), issued.get("issued_on"))
                    .update();
        }
    }

    /** One account's part of an issuance. */
    record Share(Account account, String holder, BigDecimal percent, BigDecimal credits) {
    }

    /**
     * The credits shared by percent, to the hundredth of a tonne; what rounding leaves goes to the largest share,
     * so that the accounts hold exactly what was issued. Accounts with no share get nothing.
     */
    static List<Share> split(BigDecimal credits, List<Share> allocation) {
        List<Share> shares = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (Share part : allocation) {
            if (part.percent().signum() == 0) {
                continue;
            }
            BigDecimal amount = credits.multiply(part.percent()).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.DOWN);
            shares.add(new Share(part.account(), part.holder(), part.percent(), amount));
            given = given.add(amount);
        }
        BigDecimal rest = credits.setScale(2, RoundingMode.DOWN).subtract(given);
        if (rest.signum() != 0 && !shares.isEmpty()) {
            Share largest = shares.stream().max(Comparator.comparing(Share::percent)).orElseThrow();
            shares.set(shares.indexOf(largest), new Share(largest.account(), largest.holder(), largest.percent(),
                    largest.credits().add(rest)));
        }
        return shares;
    }

    /**
     * The case's MoC allocation; a case registered before the procedure's records has none, and its credits go to
     * its project participants' account.
     */
    private List<Share> allocation(UUID caseId) {
        List<Share> recorded = jdbc.sql("""
                        select account_kind, holder, share_percent from credit_allocation where case_id = ?""")
                .param(caseId)
                .query((rs, row) -> new Share(Account.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3),
                        null))
                .list().stream().sorted(Comparator.comparing(Share::account)).toList();
        if (!recorded.isEmpty()) {
            return recorded;
        }
        return List.of(new Share(Account.JAPANESE_PARTICIPANT, holders(caseId, null).get(Account.JAPANESE_PARTICIPANT),
                BigDecimal.valueOf(100), null));
    }

    private Map<Account, String> holders(UUID caseId, String partnerParticipant) {
        Map<String, Object> names = jdbc.sql("""
                        select c.organization, p.name_en from project_case c
                        join partner_country p on p.iso_code = c.partner_country where c.id = ?""")
                .param(caseId).query().singleRow();
        Map<Account, String> holders = new LinkedHashMap<>();
        holders.put(Account.JAPANESE_GOVERNMENT, "Government of Japan");
        holders.put(Account.PARTNER_GOVERNMENT, "Government of " + names.get("name_en"));
        holders.put(Account.JAPANESE_PARTICIPANT, (String) names.get("organization"));
        holders.put(Account.PARTNER_PARTICIPANT, partnerParticipant == null || partnerParticipant.isBlank()
                ? "Partner participant" : partnerParticipant);
        return holders;
    }

    private String partnerCountry(UUID caseId) {
        return jdbc.sql("select partner_country from project_case where id = ?").param(caseId).query(String.class)
                .single();
    }

    static boolean granted(VariableScope scope, String decision, String granting) {
        return granting.equals(scope.getVariable(decision));
    }

    static int period(VariableScope scope) {
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
