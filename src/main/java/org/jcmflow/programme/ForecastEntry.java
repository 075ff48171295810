package org.jcmflow.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A demonstration's reductions as forecast when it was selected: t-CO2 a year at its end, and t-CO2 over the
 * five years after it; the day of the forecast and what it rests on (the survey, the dissemination plan).
 */
public record ForecastEntry(BigDecimal atEndTco2PerYear, BigDecimal fiveYearsAfterTco2, LocalDate forecastOn,
                            String basis) {
}
