package org.jcmflow.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.jcmflow.engine.ProcessContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates and reminder times of tasks, for the BPMN: a task's {@code camunda:dueDate="${dueDates.of('Task_X')}"},
 * and the timers beside it, {@code ${dueDates.reminderOf('Task_X')}} and {@code ${dueDates.of('Task_X')}}. Times
 * come from the engine's clock, which also fires the timers. A deadline agreed for the case's step outside the
 * process ({@link AgreedDeadlines}: a report due when its contract ends) comes before the configured duration.
 */
@Component("dueDates")
@EnableConfigurationProperties(DeadlineProperties.class)
public class DueDates {

    private final DeadlineProperties deadlines;
    private final Clock clock;
    private final List<AgreedDeadlines> agreed;

    /** Due dates from the configured durations alone, as the process tests have them. */
    public DueDates(DeadlineProperties deadlines, Clock clock) {
        this(deadlines, clock, List.of());
    }

    @Autowired
    public DueDates(DeadlineProperties deadlines, Clock clock, List<AgreedDeadlines> agreed) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.agreed = List.copyOf(agreed);
    }

    /** When a task started now, in the case the engine is executing, is due. */
    public Date of(String taskKey) {
        return Date.from(dueNow(taskKey));
    }

    /** When the reminder of a task started now, in the case the engine is executing, goes out. */
    public Date reminderOf(String taskKey) {
        return Date.from(reminder(now(), dueNow(taskKey)));
    }

    private Instant dueNow(String taskKey) {
        return agreedDue(taskKey).orElseGet(() -> dueFrom(now(), taskKey));
    }

    private Optional<Instant> agreedDue(String taskKey) {
        if (agreed.isEmpty()) {
            return Optional.empty();
        }
        return ProcessContext.executingCase().flatMap(caseId -> agreed.stream()
                .map(deadline -> deadline.dueOf(caseId, taskKey)).flatMap(Optional::stream).findFirst());
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
