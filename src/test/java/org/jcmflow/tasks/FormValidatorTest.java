package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jcmflow.problem.InvalidInput;
import org.junit.jupiter.api.Test;

/** The server's check of a submission against a Camunda Form, on the real forms of the lifecycle. */
class FormValidatorTest {

    private static FormSchema form(String id) {
        return Forms.read(id);
    }

    private static List<String> badFields(FormSchema form, Map<String, Object> values) {
        try {
            FormValidator.validate(form, values);
            return List.of();
        } catch (InvalidInput e) {
            return e.problems().stream().map(InvalidInput.FieldProblem::field).toList();
        }
    }

    /** The registration's values with a valid crediting period beside them. */
    private static Map<String, Object> withCreditingPeriod(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>(Map.of("registrationDecision", "REGISTERED",
                "creditingPeriodStart", "2018-02-01", "creditingPeriodEnd", "2020-12-31"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void validValuesComeBackInTheTypesTheProcessesRead() {
        Map<String, Object> accepted = FormValidator.validate(form("mrv-register-project"),
                Map.of("registrationDecision", "REGISTERED", "registrationNumber", " VN004 ", "registrationDate",
                        "2018-02-01", "creditingPeriodStart", "2018-02-01", "creditingPeriodEnd", "2020-12-31",
                        "monitoringPeriods", 2));
        assertThat(accepted).containsEntry("registrationNumber", "VN004").containsEntry("registrationDate", "2018-02-01")
                .containsEntry("monitoringPeriods", 2L);
        Map<String, Object> decimals = FormValidator.validate(form("mrv-issue-credits"),
                Map.of("issuanceDecision", "ISSUED", "creditsIssuedTco2", 1180.5, "issuanceDate", "2018-06-15"));
        assertThat(decimals).containsEntry("creditsIssuedTco2", 1180.5);
    }

    @Test
    void everyRuleOfTheFormIsChecked() {
        FormSchema register = form("mrv-register-project");
        assertThat(badFields(register, Map.of())).containsExactlyInAnyOrder("registrationDecision",
                "registrationDecisionReason");
        assertThat(badFields(register, Map.of("registrationDecision", "REGISTERED"))).containsExactlyInAnyOrder(
                "registrationNumber", "registrationDate", "creditingPeriodStart", "creditingPeriodEnd",
                "monitoringPeriods");
        // a request sent back registers nothing: it needs the reasons, and keeps no registration's values
        assertThat(FormValidator.validate(register, Map.of("registrationDecision", "REJECTED",
                "registrationDecisionReason", "The monitoring plan does not follow the methodology.",
                "registrationNumber", "VN004"))).containsEntry("registrationDecision", "REJECTED")
                .containsEntry("registrationNumber", null).containsEntry("creditingPeriodEnd", null);
        assertThat(badFields(register, withCreditingPeriod("registrationNumber", "VN004", "registrationDate", "1 Feb 2018",
                "monitoringPeriods", 11))).containsExactlyInAnyOrder("registrationDate", "monitoringPeriods");
        assertThat(badFields(register, withCreditingPeriod("registrationNumber", 4, "registrationDate", "2018-02-01",
                "monitoringPeriods", 1.5))).containsExactlyInAnyOrder("registrationNumber", "monitoringPeriods");
        assertThat(badFields(register, withCreditingPeriod("registrationNumber", "VN004", "registrationDate", "2018-02-01",
                "monitoringPeriods", "2"))).containsExactly("monitoringPeriods");
        assertThat(badFields(register, withCreditingPeriod("registrationNumber", "x".repeat(256), "registrationDate", "2018-02-01",
                "monitoringPeriods", 2))).containsExactly("registrationNumber");
    }

    @Test
    void aDraftNeedsNothingFilledInButWhatIsFilledInMustFit() {
        FormSchema register = form("mrv-register-project");
        assertThat(FormValidator.validateDraft(register, Map.of("registrationDecision", "REGISTERED",
                "registrationNumber", " VN004 "))).containsExactly(Map.entry("registrationDecision", "REGISTERED"),
                Map.entry("registrationNumber", "VN004"));
        assertThat(FormValidator.validateDraft(register, Map.of())).isEmpty();
        assertThatThrownBy(() -> FormValidator.validateDraft(register, Map.of("registrationDecision",
                "REGISTERED", "monitoringPeriods", 11, "colour", "green"))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                .extracting(InvalidInput.FieldProblem::field).containsExactlyInAnyOrder("monitoringPeriods", "colour"));
    }

    @Test
    void unknownKeysAndChoicesOutsideTheOptionsAreRefused() {
        FormSchema screening = form("feasibility-screen-proposal");
        assertThat(badFields(screening, Map.of("screeningDecision", "ACCEPT", "screeningComments", "ok", "extra", 1)))
                .containsExactly("extra");
        assertThat(badFields(screening, Map.of("screeningDecision", "accept", "screeningComments", "ok")))
                .containsExactly("screeningDecision");
    }

    @Test
    void aHiddenFieldIsNeitherRequiredNorKeptButWrittenEmpty() {
        FormSchema review = form("feasibility-review-report");
        Map<String, Object> values = new HashMap<>(Map.of("studyOutcome", "TERMINATE", "reviewComments", "No market."));
        values.put("transferScheme", "MOE_SUBSIDY");
        // null: a scheme from an earlier review of the study does not stay in the process as this one's
        assertThat(FormValidator.validate(review, values)).containsEntry("transferScheme", null);

        assertThat(badFields(review, Map.of("studyOutcome", "TRANSFER", "reviewComments", "To the MOE.")))
                .containsExactly("transferScheme");
    }

    @Test
    void anUncheckedCheckboxIsFalse() {
        Map<String, Object> accepted = FormValidator.validate(form("demonstration-commission"),
                Map.of("commissioningDate", "2017-04-15"));
        assertThat(accepted).containsEntry("performanceConfirmed", false).containsEntry("openingCeremonyDate", null);
        assertThatThrownBy(() -> FormValidator.validate(form("demonstration-commission"),
                Map.of("commissioningDate", "2017-04-15", "performanceConfirmed", "yes")))
                .isInstanceOf(InvalidInput.class);
    }
}
