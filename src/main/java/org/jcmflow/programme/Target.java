package org.jcmflow.programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One revision of an indicator's target: its value, the fiscal year by which it is to be reached (none for the
 * activity target, which holds for every fiscal year), the day of the revision and its reason.
 */
public record Target(Targets.Indicator indicator, int targetValue, Integer deadlineFiscalYear, LocalDate revisedOn,
                     String reason, String recordedBy, Instant recordedAt) {
}
