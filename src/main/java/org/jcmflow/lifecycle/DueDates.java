package org.jcmflow.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Due dates of report tasks, from the BPMN: {@code camunda:dueDate="${dueDates.inDays(90)}"}. */
@Component("dueDates")
public class DueDates {

    private final Clock clock;

    DueDates(Clock clock) {
        this.clock = clock;
    }

    public Date inDays(int days) {
        return Date.from(clock.instant().plus(Duration.ofDays(days)));
    }
}
