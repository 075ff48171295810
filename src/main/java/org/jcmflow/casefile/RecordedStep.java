package org.jcmflow.casefile;

import java.time.Instant;

/**
 * A completed step of a case as its history recorded it, for a capability that shows what a step submitted.
 *
 * @param actor       who completed it; null when the reader may not know
 * @param detailsJson the values entered, by form field key; {@code {}} when the reader may not see them
 */
public record RecordedStep(String stepKey, String stepName, String actor, Instant when, String detailsJson) {
}
