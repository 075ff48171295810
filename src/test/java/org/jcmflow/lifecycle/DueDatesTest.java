package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.jcmflow.engine.EngineClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    final DueDates dueDates = new DueDates(new DeadlineProperties(
            Map.of("Task_SubmitReport", Duration.ofDays(90), "Task_Decide", Duration.ofDays(10)), Duration.ofDays(7)), new EngineClock());

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskIsDueItsConfiguredTimeAfterTheEnginesNowAndRemindedTheConfiguredTimeBefore() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        assertThat(dueDates.of("Task_SubmitReport").toInstant()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(dueDates.reminderOf("Task_SubmitReport").toInstant()).isEqualTo(NOW.plus(Duration.ofDays(83)));
    }

    @Test
    void aReminderNeverComesInTheFirstHalfOfTheTimeGiven() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        assertThat(dueDates.reminderOf("Task_Decide").toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(dueDates.reminderBefore(Date.from(NOW.plus(Duration.ofDays(7)))).toInstant())
                .isEqualTo(NOW.plus(Duration.ofHours(84)));
    }

    @Test
    void aTaskWithoutAConfiguredDurationIsAClearError() {
        assertThatThrownBy(() -> dueDates.of("Task_Unknown"))
                .hasMessageContaining("jcm.deadlines.tasks.Task_Unknown");
    }
}
