package org.jcmflow.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one place where the time a task may take is set ({@code jcm.deadlines} in application.yaml).
 *
 * @param tasks          time allowed for each task with a due date, by BPMN id, as ISO 8601 durations (P90D)
 * @param reminderBefore how long before the due date the reminder goes out
 */
@ConfigurationProperties("jcm.deadlines")
public record DeadlineProperties(Map<String, Duration> tasks, Duration reminderBefore) {

    public DeadlineProperties {
        tasks = tasks == null ? Map.of() : new TreeMap<>(tasks);
        tasks.forEach((task, duration) -> requirePositive("jcm.deadlines.tasks." + task, duration));
        requirePositive("jcm.deadlines.reminder-before", reminderBefore);
    }

    /** The time allowed for the task; a task the BPMN gives a due date must have one here. */
    public Duration allowedFor(String taskKey) {
        Duration allowed = tasks.get(taskKey);
        if (allowed == null) {
            throw new IllegalStateException("No due date configured for " + taskKey + ": set jcm.deadlines.tasks."
                    + taskKey + " to an ISO 8601 duration such as P30D");
        }
        return allowed;
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(property + " must be a positive ISO 8601 duration such as P7D");
        }
    }
}
