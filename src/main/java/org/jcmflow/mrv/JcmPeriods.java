package org.jcmflow.mrv;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periods of the JCM Project Cycle Procedure ({@code jcm.periods} in application.yaml), per partner country:
 * a country's own setting where the Joint Committee of that country set one, else the procedure's usual length.
 *
 * @param defaults  the procedure's usual lengths
 * @param countries a partner country's own lengths, by ISO code; any period left out is the default
 */
@ConfigurationProperties("jcm.periods")
public record JcmPeriods(Lengths defaults, Map<String, Lengths> countries) {

    /** The periods of the procedure, as ISO 8601 durations. */
    public enum Period {
        COMPLETENESS_CHECK, METHODOLOGY_PUBLIC_INPUTS, PROJECT_DESIGN_PUBLIC_INPUTS, CONSIDERATION,
        CONSIDERATION_EXTENDED;

        /** Its name in application.yaml. */
        String property() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param completenessCheck          the JC secretariat's check of a proposed methodology
     * @param methodologyPublicInputs    public inputs on a proposed methodology
     * @param projectDesignPublicInputs  public inputs on a PDD
     * @param consideration              the Joint Committee's consideration of a methodology
     * @param considerationExtended      the consideration once extended, from its start
     */
    public record Lengths(Duration completenessCheck, Duration methodologyPublicInputs,
                          Duration projectDesignPublicInputs, Duration consideration,
                          Duration considerationExtended) {

        Duration of(Period period) {
            return switch (period) {
                case COMPLETENESS_CHECK -> completenessCheck;
                case METHODOLOGY_PUBLIC_INPUTS -> methodologyPublicInputs;
                case PROJECT_DESIGN_PUBLIC_INPUTS -> projectDesignPublicInputs;
                case CONSIDERATION -> consideration;
                case CONSIDERATION_EXTENDED -> considerationExtended;
            };
        }
    }

    public JcmPeriods {
        if (defaults == null) {
            throw new IllegalStateException("jcm.periods.defaults must set every period of the procedure");
        }
        for (Period period : Period.values()) {
            requirePositive("jcm.periods.defaults." + period.property(), defaults.of(period));
        }
        countries = countries == null ? Map.of() : new TreeMap<>(countries);
        countries.forEach((country, lengths) -> {
            if (!country.matches("[A-Z]{2}")) {
                throw new IllegalStateException("jcm.periods.countries: " + country + " is not an ISO country code");
            }
            for (Period period : Period.values()) {
                Duration length = lengths.of(period);
                if (length != null) {
                    requirePositive("jcm.periods.countries." + country + "." + period.property(), length);
                }
            }
        });
        Lengths usual = defaults;
        if (usual.considerationExtended().compareTo(usual.consideration()) < 0) {
            throw new IllegalStateException("jcm.periods.defaults: the extended consideration must not be shorter "
                    + "than the consideration");
        }
    }

    /** The length of the period in the partner country. */
    public Duration of(String partnerCountry, Period period) {
        Lengths own = countries.get(partnerCountry);
        Duration length = own == null ? null : own.of(period);
        return length != null ? length : defaults.of(period);
    }

    /** When a period of the partner country that starts at the given moment ends. */
    public Instant end(String partnerCountry, Period period, Instant start) {
        return start.plus(of(partnerCountry, period));
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(property + " must be a positive ISO 8601 duration such as P7D");
        }
    }
}
