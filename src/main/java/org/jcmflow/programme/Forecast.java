package org.jcmflow.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case's forecast against what was reported: the reduction in the accepted final report (per year at the end
 * of the demonstration) and the sum of the accepted yearly dissemination reports since (of the five years).
 */
public record Forecast(UUID caseId, String caseTitle, String partnerCountry, BigDecimal forecastAtEndTco2PerYear,
                       BigDecimal forecastFiveYearsAfterTco2, LocalDate forecastOn, String basis,
                       BigDecimal reportedAtEndTco2PerYear, BigDecimal reportedAfterTco2, int yearsReported) {
}
