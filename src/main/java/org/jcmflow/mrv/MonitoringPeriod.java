package org.jcmflow.mrv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One monitoring period of a registered project, with its verification and the credits issued for it.
 *
 * @param monitoringReportDocument the id of the monitoring report among the case's documents
 * @param monitoringReportFileName its file name
 */
public record MonitoringPeriod(int periodNumber, LocalDate periodStart, LocalDate periodEnd,
                               BigDecimal monitoredReductionTco2, UUID monitoringReportDocument,
                               String monitoringReportFileName,
                               String verificationOutcome, int correctionsRequested, BigDecimal verifiedReductionTco2,
                               String verifiedBy, LocalDate verifiedOn, BigDecimal creditsIssuedTco2,
                               LocalDate issuedOn) {
}
