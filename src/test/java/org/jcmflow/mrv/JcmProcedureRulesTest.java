package org.jcmflow.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The periods of the procedure per partner country, and the MoC statement's sharing of issued credits. */
class JcmProcedureRulesTest {

    private static final JcmPeriods.Lengths USUAL = new JcmPeriods.Lengths(Duration.ofDays(7), Duration.ofDays(15),
            Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(90));

    @Test
    void aCountrysOwnPeriodReplacesTheUsualOneAndTheOthersStay() {
        JcmPeriods periods = new JcmPeriods(USUAL, Map.of("VN", new JcmPeriods.Lengths(null, null,
                Duration.ofDays(45), null, null)));
        assertThat(periods.of("VN", JcmPeriods.Period.PROJECT_DESIGN_PUBLIC_INPUTS)).isEqualTo(Duration.ofDays(45));
        assertThat(periods.of("VN", JcmPeriods.Period.METHODOLOGY_PUBLIC_INPUTS)).isEqualTo(Duration.ofDays(15));
        assertThat(periods.of("TH", JcmPeriods.Period.PROJECT_DESIGN_PUBLIC_INPUTS)).isEqualTo(Duration.ofDays(30));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(periods.end("TH", JcmPeriods.Period.CONSIDERATION_EXTENDED, start))
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void aPeriodThatIsNoPositiveDurationOrAnExtensionShorterThanTheConsiderationStopsTheStart() {
        assertThatThrownBy(() -> new JcmPeriods(new JcmPeriods.Lengths(Duration.ZERO, Duration.ofDays(15),
                Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(90)), Map.of()))
                .hasMessageContaining("jcm.periods.defaults.completeness-check");
        assertThatThrownBy(() -> new JcmPeriods(new JcmPeriods.Lengths(Duration.ofDays(7), Duration.ofDays(15),
                Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(30)), Map.of()))
                .hasMessageContaining("extended");
        assertThatThrownBy(() -> new JcmPeriods(USUAL, Map.of("Viet Nam", USUAL)))
                .hasMessageContaining("ISO");
        assertThatThrownBy(() -> new JcmPeriods(USUAL, Map.of("VN", new JcmPeriods.Lengths(null,
                Duration.ofDays(-1), null, null, null)))).hasMessageContaining("VN");
    }

    @Test
    void issuedCreditsAreSharedToTheHundredthAndTheRestGoesToTheLargestShare() {
        List<JcmProcedure.Share> allocation = List.of(
                share(JcmProcedure.Account.JAPANESE_GOVERNMENT, "33.33"),
                share(JcmProcedure.Account.PARTNER_GOVERNMENT, "33.33"),
                share(JcmProcedure.Account.JAPANESE_PARTICIPANT, "33.34"),
                share(JcmProcedure.Account.PARTNER_PARTICIPANT, "0"));
        List<JcmProcedure.Share> shares = JcmProcedure.split(new BigDecimal("100.01"), allocation);
        assertThat(shares).extracting(JcmProcedure.Share::account).containsExactly(
                JcmProcedure.Account.JAPANESE_GOVERNMENT, JcmProcedure.Account.PARTNER_GOVERNMENT,
                JcmProcedure.Account.JAPANESE_PARTICIPANT);
        assertThat(shares).extracting(JcmProcedure.Share::credits).containsExactly(new BigDecimal("33.33"),
                new BigDecimal("33.33"), new BigDecimal("33.35"));
        assertThat(shares.stream().map(JcmProcedure.Share::credits).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.01");
    }

    private static JcmProcedure.Share share(JcmProcedure.Account account, String percent) {
        return new JcmProcedure.Share(account, account.name(), new BigDecimal(percent), null);
    }
}
