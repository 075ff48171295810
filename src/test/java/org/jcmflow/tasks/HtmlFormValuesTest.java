package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class HtmlFormValuesTest {

    @Test
    void numbersCheckboxesAndEmptyInputsBecomeWhatTheApiTakes() {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        sent.add("creditsIssuedTco2", "1180.5");
        sent.add("issuanceDate", "2018-06-15");
        sent.add("_csrf", "token");
        Map<String, Object> values = HtmlFormValues.convert(Forms.read("mrv-issue-credits"), sent);
        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("creditsIssuedTco2", 1180.5,
                "issuanceDate", "2018-06-15"));

        sent = new LinkedMultiValueMap<>();
        sent.add("monitoringPeriods", "12345678901234567890");
        sent.add("registrationNumber", "   ");
        sent.add("registrationDate", "");
        assertThat(HtmlFormValues.convert(Forms.read("mrv-register-project"), sent))
                .containsExactlyEntriesOf(Map.of("monitoringPeriods", 1.2345678901234567E19));
    }

    @Test
    void whatIsNoNumberStaysTextForTheValidatorToRefuse() {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        sent.add("monitoringPeriods", "two");
        assertThat(HtmlFormValues.convert(Forms.read("mrv-register-project"), sent))
                .containsEntry("monitoringPeriods", "two");
    }

    @Test
    void anUntickedCheckboxIsFalseAndATickedOneTrue() {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        assertThat(HtmlFormValues.convert(Forms.read("stage-gate-evaluate"), sent))
                .containsEntry("conflictOfInterest", false);
        sent.add("conflictOfInterest", "true");
        assertThat(HtmlFormValues.convert(Forms.read("stage-gate-evaluate"), sent))
                .containsEntry("conflictOfInterest", true);
    }
}
