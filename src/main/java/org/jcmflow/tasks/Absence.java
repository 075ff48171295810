package org.jcmflow.tasks;

import java.time.LocalDate;

/** A person away from {@code startsOn} to {@code endsOn} (both included), and who stands in for them. */
public record Absence(long id, String person, LocalDate startsOn, LocalDate endsOn, String standIn,
                      String recordedBy) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
