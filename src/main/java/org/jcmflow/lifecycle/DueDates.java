package org.jcmflow.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates and reminder times of tasks, for the BPMN: a task's {@code camunda:dueDate="${dueDates.of('Task_X')}"},
 * and the timers beside it, {@code ${dueDates.reminderOf('Task_X')}} and {@code ${dueDates.of('Task_X')}}. Times
 * come from the engine's clock, which also fires the timers.
 */
@Component("dueDates")
@EnableConfigurationProperties(DeadlineProperties.class)
public class DueDates {

    private final DeadlineProperties deadlines;
    private final Clock clock;

    public DueDates(DeadlineProperties deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** When a task started now is due. */
    public Date of(String taskKey) {
        return Date.from(dueFrom(now(), taskKey));
    }

    /** When the reminder of a task started now goes out. */
    public Date reminderOf(String taskKey) {
        Instant now = now();
        return Date.from(reminder(now, dueFrom(now, taskKey)));
    }

    /** When the reminder goes out for work that starts now and is due at the given deadline. */
    public Date reminderBefore(Date deadline) {
        return Date.from(reminder(now(), deadline.toInstant()));
    }

    /**
     * The configured time before the due date, but never in the first half of the time given: a reminder that
     * came as soon as the work was handed out would tell nobody anything.
     */
    Instant reminder(Instant start, Instant due) {
        Instant beforeDue = due.minus(deadlines.reminderBefore());
        Instant halfway = start.plus(Duration.between(start, due).dividedBy(2));
        return beforeDue.isAfter(halfway) ? beforeDue : halfway;
    }

    /** When a task of the given work is due, the work having started at the given moment. */
    Instant dueFrom(Instant start, String taskKey) {
        return start.plus(deadlines.allowedFor(taskKey));
    }

    private Instant now() {
        return clock.instant();
    }
}
