package org.jcmflow.mrv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jcmflow.engine.ProcessContext;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.jcmflow.tasks.CompletionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of the JCM Project Cycle Procedure that a step's form cannot express: a TPE that validates or verifies
 * must be designated by the Joint Committee for the case's partner country and sectoral scope; the MoC statement
 * shares all the credits (100 percent); the crediting period of a registration ends after it starts; and credits
 * requested or issued for a monitoring period never exceed its verified reductions. A request the Joint Committee
 * rejects or sends back carries no registration or issuance to check.
 */
@Component
class JcmProcedureRules implements CompletionRule {

    static final String SUBMIT_PROJECT_DESIGN = "Task_SubmitProjectDesign";
    static final String VERIFY = "Task_VerifyMonitoringReport";
    static final String REGISTER = "Task_RegisterProject";
    static final String REQUEST_ISSUANCE = "Task_RequestIssuance";
    static final String ISSUE = "Task_IssueCredits";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final ThirdPartyEntities tpes;

    JcmProcedureRules(JdbcClient jdbc, ThirdPartyEntities tpes) {
        this.jdbc = jdbc;
        this.tpes = tpes;
    }

    @Override
    public List<FieldProblem> check(String taskKey, Map<String, Object> values, Function<String, Object> variable) {
        return switch (taskKey) {
            case SUBMIT_PROJECT_DESIGN -> projectDesign(values, caseOf(variable));
            case VERIFY -> verifier(values, caseOf(variable));
            case REGISTER -> JcmProcedure.REGISTERED.equals(values.get(JcmProcedure.REGISTRATION_DECISION))
                    ? registration(values, caseOf(variable)) : List.of();
            case REQUEST_ISSUANCE -> notAboveVerified("creditsRequestedTco2", values, variable);
            case ISSUE -> JcmProcedure.ISSUED.equals(values.get(JcmProcedure.ISSUANCE_DECISION))
                    ? notAboveVerified("creditsIssuedTco2", values, variable) : List.of();
            default -> List.of();
        };
    }

    private List<FieldProblem> projectDesign(Map<String, Object> values, UUID caseId) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer scope = Integer.valueOf(values.get("sectoralScope").toString());
        designated("tpeId", values.get("tpeId"), caseId, scope).ifPresent(problems::add);
        BigDecimal total = BigDecimal.ZERO;
        for (JcmProcedure.Account account : JcmProcedure.Account.values()) {
            total = total.add(new BigDecimal(values.get(account.field).toString()));
        }
        if (total.compareTo(HUNDRED) != 0) {
            problems.add(FieldProblem.coded(JcmProcedure.Account.JAPANESE_GOVERNMENT.field,
                    "the MoC statement must share all the credits: the shares add up to " + total.stripTrailingZeros()
                            .toPlainString() + " percent, not 100", "sharesNotHundred",
                    total.stripTrailingZeros().toPlainString()));
        }
        return problems;
    }

    private List<FieldProblem> verifier(Map<String, Object> values, UUID caseId) {
        Integer scope = jdbc.sql("select sectoral_scope from project_design where case_id = ?").param(caseId)
                .query(Integer.class).optional().orElse(null);
        return designated("verifierTpeId", values.get("verifierTpeId"), caseId, scope).stream().toList();
    }

    private Optional<FieldProblem> designated(String field, Object tpe, UUID caseId, Integer scope) {
        String country = jdbc.sql("select partner_country from project_case where id = ?").param(caseId)
                .query(String.class).single();
        long id;
        try {
            id = Long.parseLong(String.valueOf(tpe));
        } catch (NumberFormatException notAnId) {
            id = -1;
        }
        if (id > 0 && tpes.isDesignated(id, country, scope)) {
            return Optional.empty();
        }
        return Optional.of(FieldProblem.coded(field, "must be a third-party entity designated by the Joint Committee "
                + "for " + country + (scope == null ? "" : " in sectoral scope " + scope) + " today",
                "tpeNotDesignated", country, scope == null ? "" : scope));
    }

    private List<FieldProblem> registration(Map<String, Object> values, UUID caseId) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = LocalDate.parse(values.get("creditingPeriodStart").toString());
        LocalDate end = LocalDate.parse(values.get("creditingPeriodEnd").toString());
        if (!end.isAfter(start)) {
            problems.add(FieldProblem.coded("creditingPeriodEnd", "must be after the start of the crediting period",
                    "creditingPeriodEndsBeforeStart"));
        }
        boolean taken = jdbc.sql("""
                        select exists (select 1 from project_registration
                                       where registration_number = ? and case_id <> ?)""")
                .params(values.get("registrationNumber"), caseId).query(Boolean.class).single();
        if (taken) {
            problems.add(FieldProblem.coded("registrationNumber", "is the number of another registered project",
                    "registrationNumberTaken"));
        }
        return problems;
    }

    private List<FieldProblem> notAboveVerified(String field, Map<String, Object> values,
                                                Function<String, Object> variable) {
        Object period = variable.apply("monitoringPeriod");
        BigDecimal verified = jdbc.sql("""
                        select verified_reduction_tco2 from monitoring_period where case_id = ? and period_number = ?""")
                .params(caseOf(variable), period == null ? 1 : ((Number) period).intValue())
                .query(BigDecimal.class).optional().orElse(null);
        BigDecimal asked = new BigDecimal(values.get(field).toString());
        if (verified == null || asked.compareTo(verified) > 0) {
            String most = verified == null ? "0" : verified.stripTrailingZeros().toPlainString();
            return List.of(FieldProblem.coded(field, "must not exceed the verified reductions of the monitoring "
                    + "period (" + most + " t-CO2)", "creditsAboveVerified", most));
        }
        return List.of();
    }

    private static UUID caseOf(Function<String, Object> variable) {
        return UUID.fromString(String.valueOf(variable.apply(ProcessContext.CASE_ID)));
    }
}
